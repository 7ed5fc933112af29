import { z } from 'zod';
import { orderLineSchema } from './order.js';

const id = z.string().min(1).max(64);
const reason = z.string().trim().min(1).max(200);

/** Reasons a store may give for declining an offer. */
export const declineReasons = ['out_of_stock', 'no_clerk_available', 'too_far', 'store_closing', 'other'] as const;

/** Something that happens to an order; each maps to exactly one rule in the lifecycle. */
export const orderEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('offer'), storeId: id, offerExpiresAt: z.iso.datetime({ offset: true }) }),
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('decline'), reason: z.enum(declineReasons) }),
  z.object({ type: z.literal('expire_offer') }),
  z.object({ type: z.literal('start_pick') }),
  z.object({
    type: z.literal('report_short'),
    available: z.array(z.object({ productId: id, quantity: z.number().int().min(0).max(999) })).min(1),
  }),
  z.object({
    type: z.literal('resolve_short'),
    resolution: z.enum(['partial', 'substitute', 'redispatch']),
    /** The replacement lines; only for a substitute. */
    lines: z.array(orderLineSchema).min(1).optional(),
  }),
  z.object({ type: z.literal('finish_pick') }),
  z.object({ type: z.literal('hand_off'), clerk: z.object({ userId: id, storeId: id }) }),
  z.object({ type: z.literal('deliver') }),
  z.object({ type: z.literal('fail_delivery'), reason }),
  z.object({ type: z.literal('retry_delivery'), clerk: z.object({ userId: id, storeId: id }) }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('cancel'), reason }),
]);
export type OrderEvent = z.infer<typeof orderEventSchema>;
export type OrderEventType = OrderEvent['type'];
export type EventOf<T extends OrderEventType> = Extract<OrderEvent, { type: T }>;

export const orderEventTypes = [
  'offer', 'accept', 'decline', 'expire_offer', 'start_pick', 'report_short', 'resolve_short',
  'finish_pick', 'hand_off', 'deliver', 'fail_delivery', 'retry_delivery', 'close', 'cancel',
] as const satisfies readonly OrderEventType[];
