import type { Order } from '@repo/domain';

/**
 * The products whose goods must be seen back when the bag label is missing: every product that went
 * into the bag (what was picked, else what the store confirmed), each scanned at least once.
 */
export function productsToCheck(order: Order): string[] {
  const carried = order.picked
    ? order.picked.filter((p) => p.quantity > 0).map((p) => p.productId)
    : order.lines.filter((l) => l.confirmedQuantity > 0).map((l) => l.productId);
  return [...new Set(carried)];
}

/** Whether every product in the bag has been scanned back. */
export function isEveryProductBack(order: Order, scanned: ReadonlySet<string>): boolean {
  const needed = productsToCheck(order);
  return needed.length > 0 && needed.every((id) => scanned.has(id));
}
