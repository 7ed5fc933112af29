import type { Order } from '@repo/domain';

// Amounts are shown as head office's receipts show them, whatever the screen's language.
const yuan = new Intl.NumberFormat('zh-CN', { style: 'currency', currency: 'CNY' });

/** Fen as a person reads money: 1250 -> "¥12.50". */
export function formatFen(fen: number): string {
  return yuan.format(fen / 100);
}

/** What the clerk must collect at the door, in fen; null when the customer paid online (or nothing is recorded). */
export function amountToCollectFen(order: Order): number | null {
  return order.payment?.method === 'on_delivery' ? order.payment.amountDueFen : null;
}

/** The units that go in the bag and how many products they are: what was picked, else what the store confirmed. */
export function bagContents(order: Order): { readonly units: number; readonly lines: number } {
  const quantities = order.picked
    ? order.picked.map((p) => p.quantity)
    : order.lines.map((l) => l.confirmedQuantity);
  const carried = quantities.filter((q) => q > 0);
  return { units: carried.reduce((sum, q) => sum + q, 0), lines: carried.length };
}
