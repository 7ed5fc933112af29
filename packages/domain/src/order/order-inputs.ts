import { z } from 'zod';
import { storableText } from '../storable-text.js';
import { deliveryAddressSchema } from './order.js';

// Storable: an id with U+0000 or a lone surrogate is refused here, never sent to the database.
const id = storableText({ trim: true, min: 1, max: 64 });

/** What head office fills in to take an order; the console form and the server both use it. */
export const createOrderInput = z.object({
  customerId: id,
  /** Where to deliver; the customer's address on file when left out. */
  address: deliveryAddressSchema.optional(),
  lines: z
    .array(z.object({ productId: id, quantity: z.number().int().min(1).max(999) }))
    .min(1, 'An order needs at least one product.')
    .max(50)
    .refine((lines) => new Set(lines.map((l) => l.productId)).size === lines.length, 'Each product once per order.'),
  /** Paid at the door (货到付款) unless the customer prepaid. */
  paymentMethod: z.enum(['prepaid', 'on_delivery']).default('on_delivery'),
});
export type CreateOrderInput = z.infer<typeof createOrderInput>;

export const dispatchOrderInput = z.object({ orderId: id, storeId: id });
export const orderIdInput = z.object({ orderId: id });
export const cancelOrderInput = z.object({ orderId: id, reason: z.string().trim().min(1).max(200) });
export const searchInput = z.object({ query: z.string().trim().max(60).default(''), limit: z.number().int().min(1).max(100).default(20) });
