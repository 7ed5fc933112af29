// Plain lists, apart from the schemas in order.ts: a screen that only names statuses (the store's
// inbox) then loads no zod on its first load (docs/benchmarks.md, "First load of the store app").

/** Every state an order can be in, in the order of the happy path first. */
export const orderStatuses = [
  'received',
  'offered',
  'accepted',
  'picking',
  'short',
  'picked',
  'out_for_delivery',
  'returned_to_store',
  'delivered',
  'closed',
  'cancelled',
] as const;
export type OrderStatus = (typeof orderStatuses)[number];

export const terminalStatuses: readonly OrderStatus[] = ['closed', 'cancelled'];
