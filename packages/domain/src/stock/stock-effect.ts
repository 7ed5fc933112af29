import type { OrderTransition } from '../order/order-lifecycle.js';
import type { Order } from '../order/order.js';

/** How one store's count of one product moves: `reserved` for orders holding it, `onHand` when goods leave. */
export interface StockChange {
  readonly storeId: string;
  readonly productId: string;
  readonly reserved: number;
  readonly onHand: number;
}

/**
 * The stock changes a run of transitions makes, summed per store and product (docs/dispatch.md DS10-DS13).
 * Judged on states, not event names, so every path in and out is covered: an order holds its lines
 * at its store from the accept until it is delivered, cancelled, re-dispatched or its goods are back
 * (confirm_return); a delivery takes the lines off the shelf and an undo puts them back.
 */
export function stockChangesOf(transitions: readonly Pick<OrderTransition, 'before' | 'after'>[]): StockChange[] {
  const sums = new Map<string, { storeId: string; productId: string; reserved: number; onHand: number }>();
  const add = (held: Map<string, number>, storeId: string | null, sign: number, field: 'reserved' | 'onHand') => {
    if (!storeId) return;
    for (const [productId, quantity] of held) {
      const key = `${storeId}\u0000${productId}`;
      const sum = sums.get(key) ?? { storeId, productId, reserved: 0, onHand: 0 };
      sum[field] += sign * quantity;
      sums.set(key, sum);
    }
  };
  for (const { before, after } of transitions) {
    add(linesOf(before, holdsStock), storeIdOf(before), -1, 'reserved');
    add(linesOf(after, holdsStock), storeIdOf(after), +1, 'reserved');
    add(linesOf(before, tookStock), storeIdOf(before), +1, 'onHand');
    add(linesOf(after, tookStock), storeIdOf(after), -1, 'onHand');
  }
  return [...sums.values()]
    .filter((s) => s.reserved !== 0 || s.onHand !== 0)
    .sort((a, b) => (a.storeId === b.storeId ? cmp(a.productId, b.productId) : cmp(a.storeId, b.storeId)));
}

/** Whether the order keeps its goods set aside at its store. */
export function holdsStock(order: Order): boolean {
  switch (order.status) {
    case 'accepted': case 'picking': case 'short': case 'picked': case 'out_for_delivery':
      return true;
    case 'returned_to_store':
      return !order.goodsBackAt;
    default:
      return false;
  }
}

/** Whether the order's goods have left the store for good (delivered, then closed). */
function tookStock(order: Order): boolean {
  return order.status === 'delivered' || order.status === 'closed';
}

/** The quantity the store is to send per product: what it confirmed, so a short line holds only what exists. */
function linesOf(order: Order, when: (order: Order) => boolean): Map<string, number> {
  const held = new Map<string, number>();
  if (!when(order)) return held;
  for (const line of order.lines) held.set(line.productId, (held.get(line.productId) ?? 0) + line.confirmedQuantity);
  return held;
}

function storeIdOf(order: Order): string | null {
  return 'storeId' in order ? order.storeId : null;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
