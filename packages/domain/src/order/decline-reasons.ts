// A plain list, apart from the event schemas (order-event.ts), for screens that load no zod.

/** Reasons a store may give for declining an offer. */
export const declineReasons = ['out_of_stock', 'no_clerk_available', 'too_far', 'store_closing', 'other'] as const;
export type DeclineReason = (typeof declineReasons)[number];
