import { z } from 'zod';
import { storableText } from '../storable-text.js';
import { deliveryAddressSchema } from './order.js';

/** An id as a client sends it; storable, so a NUL or a lone surrogate is a clear BAD_REQUEST, never a database error. */
const id = storableText({ trim: true, min: 1, max: 64 });

/** What head office fills in to take an order; the console form and the server both use it. */
export const createOrderInput = z.object({
  customerId: id,
  /** Where to deliver; the customer's address on file when left out. */
  address: deliveryAddressSchema.optional(),
  /** One of this customer's addresses on file (customers.file); the server refuses another customer's. */
  addressId: id.optional(),
  /** The telephone system's id of the call the order is taken in (screen pop: `#/intake?call=…`). */
  callId: storableText({ trim: true, min: 1, max: 64 }).optional(),
  lines: z
    .array(z.object({ productId: id, quantity: z.number().int().min(1).max(999) }))
    .min(1, 'An order needs at least one product.')
    .max(50)
    .refine((lines) => new Set(lines.map((l) => l.productId)).size === lines.length, 'Each product once per order.'),
  /** Paid at the door (货到付款) unless the customer prepaid. */
  paymentMethod: z.enum(['prepaid', 'on_delivery']).default('on_delivery'),
}).refine((input) => !(input.address && input.addressId), { path: ['addressId'], message: 'Give an address on file or a new address, not both.' });
export type CreateOrderInput = z.infer<typeof createOrderInput>;

export const dispatchOrderInput = z.object({ orderId: id, storeId: id });
export const orderIdInput = z.object({ orderId: id });
export const cancelOrderInput = z.object({ orderId: id, reason: storableText({ trim: true, min: 1, max: 200 }) });
/** 结单: head office closes a delivered order. */
export const closeOrderInput = z.object({ orderId: id });

/** What the customer said on the confirmation call, or why head office chose as it did. */
const decisionNote = storableText({ trim: true, min: 1, max: 200 });

/**
 * Head office's decision on a short order (OL7): send what the store has once the customer agreed
 * on the phone, offer a substitute product for the missing units, or send the order to another store.
 */
export const resolveShortInput = z.discriminatedUnion('resolution', [
  z.object({ orderId: id, resolution: z.literal('partial'), note: decisionNote }),
  z.object({
    orderId: id,
    resolution: z.literal('substitute'),
    /** For a short product, which product makes up the missing units, and how many of it. */
    substitutes: z
      .array(z.object({ productId: id, replacementProductId: id, quantity: z.number().int().min(1).max(999) }))
      .min(1, 'Choose at least one substitute.')
      .max(50)
      .refine((list) => new Set(list.map((s) => s.productId)).size === list.length, 'One substitute per short product.'),
    note: decisionNote.optional(),
  }),
  z.object({ orderId: id, resolution: z.literal('redispatch'), note: decisionNote.optional() }),
]);
export type ResolveShortInput = z.infer<typeof resolveShortInput>;
export const searchInput = z.object({ query: z.string().trim().max(60).default(''), limit: z.number().int().min(1).max(100).default(20) });
