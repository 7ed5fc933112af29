import { z } from 'zod';
import { storableText } from '../storable-text.js';
import { declineReasons } from './decline-reasons.js';
import { blobRefSchema, doorPositionSchema, orderLineSchema, pickedLineSchema } from './order.js';

// Also from here, where it was first defined.
export { declineReasons } from './decline-reasons.js';

const id = z.string().min(1).max(64);
const reason = storableText({ trim: true, min: 1, max: 200 });
/** When it happened on the device that recorded it (the server keeps its own time beside it). */
const at = z.iso.datetime({ offset: true });


/** Something that happens to an order; each maps to exactly one rule in the lifecycle. */
export const orderEventSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('offer'), storeId: id, offerExpiresAt: z.iso.datetime({ offset: true }) }),
  z.object({ type: z.literal('accept') }),
  z.object({ type: z.literal('decline'), reason: z.enum(declineReasons) }),
  z.object({ type: z.literal('expire_offer') }),
  /** `device` is the handheld's sync id: a pick belongs to the device that started it. */
  z.object({ type: z.literal('start_pick'), device: id.optional() }),
  z.object({
    type: z.literal('report_short'),
    available: z.array(z.object({ productId: id, quantity: z.number().int().min(0).max(999) })).min(1),
    device: id.optional(),
  }),
  z.object({
    type: z.literal('resolve_short'),
    resolution: z.enum(['partial', 'substitute', 'redispatch']),
    /** The replacement lines; only for a substitute. */
    lines: z.array(orderLineSchema).min(1).max(100).optional(),
    /** What the customer said on the confirmation call (required for a partial delivery). */
    note: storableText({ trim: true, min: 1, max: 200 }).optional(),
  }),
  z.object({ type: z.literal('finish_pick'), picked: z.array(pickedLineSchema).min(1).max(100).optional(), device: id.optional() }),
  z.object({ type: z.literal('hand_off'), clerk: z.object({ userId: id, storeId: id }) }),
  z.object({
    type: z.literal('deliver'),
    at: at.optional(),
    /** What the customer read out; checked against the order's salted hash. */
    code: z.string().max(12).optional(),
    signature: blobRefSchema.optional(),
    photo: blobRefSchema.optional(),
    position: doorPositionSchema.optional(),
    collectedFen: z.number().int().min(0).max(10_000_000).optional(),
  }),
  z.object({ type: z.literal('undo_deliver'), at }),
  z.object({
    type: z.literal('fail_delivery'),
    /** A code from deliveryFailureReasons; free text from older clients. */
    reason,
    note: storableText({ trim: true, max: 200 }).optional(),
    photo: blobRefSchema.optional(),
  }),
  z.object({ type: z.literal('confirm_return'), via: z.enum(['bag_label', 'items']), at }),
  z.object({ type: z.literal('retry_delivery'), clerk: z.object({ userId: id, storeId: id }) }),
  z.object({ type: z.literal('close') }),
  z.object({ type: z.literal('cancel'), reason }),
]);
export type OrderEvent = z.infer<typeof orderEventSchema>;
export type OrderEventType = OrderEvent['type'];
export type EventOf<T extends OrderEventType> = Extract<OrderEvent, { type: T }>;

export const orderEventTypes = [
  'offer', 'accept', 'decline', 'expire_offer', 'start_pick', 'report_short', 'resolve_short',
  'finish_pick', 'hand_off', 'deliver', 'undo_deliver', 'fail_delivery', 'confirm_return', 'retry_delivery', 'close', 'cancel',
] as const satisfies readonly OrderEventType[];
