import { z } from 'zod';
import { hasValidCheckDigit } from '../barcode/gtin.js';
import { storableText } from '../storable-text.js';

/** The web shop's `Idempotency-Key` header: 1-128 visible ASCII characters (docs/webshop.md WS3). */
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7E]{1,128}$/, '1 to 128 visible ASCII characters (no spaces).');

/** A mainland mobile number: 11 digits starting 13-19. */
export const mobilePhoneSchema = z.string().trim().regex(/^1[3-9]\d{9}$/, 'An 11-digit mobile number (1xxxxxxxxxx).');

const gtinShape = /^(\d{8}|\d{12,14})$/;
const gtin = z
  .string()
  .trim()
  .regex(gtinShape, 'A GTIN of 8, 12, 13 or 14 digits.')
  // Only a GTIN of the right shape has a check digit to judge: one problem per field.
  .refine((v) => !gtinShape.test(v) || hasValidCheckDigit(v), 'The GTIN\'s check digit is wrong.');

const quantity = z.number({ error: 'A whole number from 1 to 999.' }).int('A whole number from 1 to 999.').min(1, 'A whole number from 1 to 999.').max(999, 'A whole number from 1 to 999.');

/** One line: the product by its barcode (GTIN) or by the chain's product id, never both. */
const webShopLine = z.union(
  [
    z.strictObject({ gtin, quantity }),
    z.strictObject({ productId: storableText({ trim: true, min: 1, max: 64 }), quantity }),
  ],
  { error: 'Each line is { gtin, quantity } or { productId, quantity }.' },
);

/** Where the customer wants it: the address as typed, and the map pin the shop's checkout took. */
const webShopAddress = z.strictObject({
  text: storableText({ trim: true, min: 4, max: 200 }),
  district: storableText({ trim: true, min: 1, max: 20 }).optional(),
  lat: z.number({ error: 'A latitude in degrees (a number).' }).min(-90).max(90),
  lng: z.number({ error: 'A longitude in degrees (a number).' }).min(-180).max(180),
});

/**
 * An order as the chain's web shop sends it (`POST /api/webshop/orders`). Strict: an unknown field
 * is refused by name, so a misspelt one never goes silently missing (docs/webshop.md WS6).
 */
export const webShopOrderInput = z.strictObject({
  /** The shop's own order number: one order per number. */
  webOrderNumber: storableText({ trim: true, min: 1, max: 64 }),
  customer: z.strictObject({ name: storableText({ trim: true, min: 1, max: 60 }), phone: mobilePhoneSchema }),
  address: webShopAddress,
  lines: z
    .array(webShopLine)
    .min(1, 'An order needs at least one line.')
    .max(50, 'At most 50 lines.'),
  paymentMethod: z.enum(['prepaid', 'on_delivery'], { error: '"prepaid" or "on_delivery".' }),
  note: storableText({ trim: true, max: 200 }).optional(),
});
export type WebShopOrderInput = z.infer<typeof webShopOrderInput>;

const id = storableText({ trim: true, min: 1, max: 64 });

/** The reviewer asks for a confirmation call (确认): the reason is read by the agent who calls. */
export const confirmByPhoneInput = z.object({ orderId: id, reason: storableText({ trim: true, min: 1, max: 200 }) });

/** What the customer said on the confirmation call: go ahead, or cancel with why. */
export const recordCallInput = z.discriminatedUnion('outcome', [
  z.object({ orderId: id, outcome: z.literal('confirmed') }),
  z.object({ orderId: id, outcome: z.literal('cancel'), reason: storableText({ trim: true, min: 1, max: 200 }) }),
]);
