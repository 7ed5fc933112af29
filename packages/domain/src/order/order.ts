import { z } from 'zod';
import { storableText } from '../storable-text.js';
import { orderStatuses, type OrderStatus } from './order-status.js';

// Also from here, where they were first defined.
export { orderStatuses, terminalStatuses, type OrderStatus } from './order-status.js';

export const orderStatusSchema = z.enum(orderStatuses);

const id = z.string().min(1).max(64);
const isoTime = z.iso.datetime({ offset: true });

export const orderLineSchema = z.object({
  productId: id,
  gtin: z.string().regex(/^\d{14}$/, 'GTIN-14 expected'),
  name: z.string().min(1).max(120),
  quantity: z.number().int().min(1).max(999),
  /** Units the store has confirmed it can supply; lower than `quantity` after a short is resolved as partial. */
  confirmedQuantity: z.number().int().min(0).max(999),
  /** Price of one unit at the time of the order, in fen; what the clerk collects is summed from it. */
  unitPriceFen: z.number().int().min(0).max(10_000_000).optional(),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const deliveryAddressSchema = z.object({
  text: z.string().trim().min(4).max(200),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type DeliveryAddress = z.infer<typeof deliveryAddressSchema>;

const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 in hex');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD');

/** How the customer pays: prepaid online, or cash/scan at the door (货到付款) with the amount to collect. */
export const paymentSchema = z.object({
  method: z.enum(['prepaid', 'on_delivery']),
  /** What the clerk collects at the door, in fen; 0 when prepaid. */
  amountDueFen: z.number().int().min(0).max(10_000_000),
});
export type Payment = z.infer<typeof paymentSchema>;

/**
 * The delivery code (收货码) as a store device receives it: only a salted SHA-256 of the code, so the
 * device can check what the customer says, offline, without ever holding the code itself.
 */
export const deliveryCodeHashSchema = z.object({ salt: z.string().regex(/^[0-9a-f]{16,64}$/), sha256: sha256Hex });
export type DeliveryCodeHash = z.infer<typeof deliveryCodeHashSchema>;

/** What proof a delivery needs at the door; set by head office when the order is taken. */
export const proofPolicySchema = z.object({
  code: z.boolean(),
  signature: z.boolean(),
  photo: z.boolean(),
  /** How long after a close the clerk may undo it (a fat-finger "delivered"); 120 s when left out. */
  undoWindowSeconds: z.number().int().min(0).max(3600).optional(),
});
export type ProofPolicy = z.infer<typeof proofPolicySchema>;

/** A lot and expiry date read from a GS1 code while picking, kept on the line. */
export const pickedLotSchema = z.object({
  lot: storableText({ min: 1, max: 20 }).optional(),
  expiry: isoDate.optional(),
  quantity: z.number().int().min(1).max(999),
});

/** What the store actually picked for one line. */
export const pickedLineSchema = z.object({
  productId: id,
  quantity: z.number().int().min(0).max(999),
  lots: z.array(pickedLotSchema).max(50),
});
export type PickedLine = z.infer<typeof pickedLineSchema>;

/** A photo or signature by its content hash; the bytes travel separately (docs/proof-uploads.md). */
export const blobRefSchema = z.object({ sha256: sha256Hex, type: z.enum(['image/jpeg', 'image/png']), bytes: z.number().int().min(1).max(8_000_000) });
export type BlobRef = z.infer<typeof blobRefSchema>;

/** Where the device was at the door, or why it could not tell (which never blocks the close). */
export const doorPositionSchema = z.union([
  z.object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180), accuracyM: z.number().min(0).max(100_000) }),
  z.object({ unavailable: z.enum(['denied', 'timeout', 'unsupported', 'error']) }),
]);
export type DoorPosition = z.infer<typeof doorPositionSchema>;

/** The proof of delivery as recorded at the door. */
export const deliveryProofSchema = z.object({
  /** 'matched' when the customer's code was checked; 'not_required' when the order needs none. */
  code: z.enum(['matched', 'not_required']),
  signature: blobRefSchema.optional(),
  photo: blobRefSchema.optional(),
  position: doorPositionSchema,
  /** Cash collected at the door, in fen, for orders paid on delivery. */
  collectedFen: z.number().int().min(0).max(10_000_000).optional(),
});
export type DeliveryProof = z.infer<typeof deliveryProofSchema>;

/** Why a delivery failed, as the delivery platforms code it (docs/order-lifecycle.md maps each). */
export const deliveryFailureReasons = ['customer_unreachable', 'customer_refused', 'wrong_address', 'goods_damaged', 'other'] as const;
export type DeliveryFailureReason = (typeof deliveryFailureReasons)[number];
/** Reasons whose claim needs a photo taken at the door. */
export const failureReasonsNeedingPhoto: readonly DeliveryFailureReason[] = ['goods_damaged', 'wrong_address'];

const orderBase = {
  id,
  /** Order number a person reads out on the phone, e.g. "D20261123-0042". */
  number: z.string().min(1).max(32),
  customerId: id,
  customerName: z.string().min(1).max(60),
  customerPhone: z.string().regex(/^1\d{10}$/, 'an 11-digit mobile number'),
  address: deliveryAddressSchema,
  lines: z.array(orderLineSchema).min(1).max(100),
  /** Stores that declined or let an offer expire: dispatch skips them. */
  declinedBy: z.array(id),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** Left out on orders taken before these were recorded. */
  payment: paymentSchema.optional(),
  promisedAt: isoTime.optional(),
  deliveryCode: deliveryCodeHashSchema.optional(),
  proofPolicy: proofPolicySchema.optional(),
  /** What was picked, with lots and expiry dates; set when the pick is finished. */
  picked: z.array(pickedLineSchema).optional(),
};

/** An order in one of its states; each state carries exactly the data it needs. */
export const orderSchema = z.discriminatedUnion('status', [
  z.object({ ...orderBase, status: z.literal('received') }),
  z.object({ ...orderBase, status: z.literal('offered'), storeId: id, offerExpiresAt: isoTime }),
  z.object({ ...orderBase, status: z.literal('accepted'), storeId: id }),
  z.object({
    ...orderBase,
    status: z.literal('picking'),
    storeId: id,
    /** Who picks, on which device: a second handheld is told, and its pick never counts. */
    picker: z.object({ userId: id, device: id }).optional(),
  }),
  z.object({ ...orderBase, status: z.literal('short'), storeId: id }),
  z.object({ ...orderBase, status: z.literal('picked'), storeId: id }),
  z.object({ ...orderBase, status: z.literal('out_for_delivery'), storeId: id, clerkId: id }),
  z.object({
    ...orderBase,
    status: z.literal('returned_to_store'),
    storeId: id,
    clerkId: id,
    /** A code from deliveryFailureReasons (older orders: free text). */
    failureReason: z.string().min(1).max(200),
    failureNote: storableText({ max: 200 }).optional(),
    failurePhoto: blobRefSchema.optional(),
    /** When the manager confirmed the goods are back in the store (scan of the bag label or the items). */
    goodsBackAt: isoTime.optional(),
  }),
  z.object({
    ...orderBase,
    status: z.literal('delivered'),
    storeId: id,
    clerkId: id,
    /** When it happened at the door (the device's clock, never later than the server's). */
    deliveredAt: isoTime,
    proof: deliveryProofSchema.optional(),
    /** Until when the clerk may undo the close (a fat-finger "delivered"). */
    undoUntil: isoTime.optional(),
  }),
  z.object({
    ...orderBase,
    status: z.literal('closed'),
    storeId: id,
    closedAt: isoTime,
    closedVia: z.enum(['device', 'batch']),
    /** Kept from the delivered order, when it was closed from one. */
    deliveredAt: isoTime.optional(),
    proof: deliveryProofSchema.optional(),
  }),
  z.object({ ...orderBase, status: z.literal('cancelled'), storeId: id.nullable(), cancelReason: z.string().min(1).max(200) }),
]);
export type Order = z.infer<typeof orderSchema>;
export type OrderIn<S extends OrderStatus> = Extract<Order, { status: S }>;

/** The proof a delivery needs: the order's own policy, or the code (when it has one) and a photo. */
export function proofPolicyOf(order: Order): ProofPolicy {
  // Orders taken before proof was recorded need only what they carry.
  return order.proofPolicy ?? { code: order.deliveryCode !== undefined, signature: false, photo: false };
}

/** The clerk carrying or who carried the order, if any. */
export function clerkOf(order: Order): string | null {
  return 'clerkId' in order ? order.clerkId : null;
}

/** The store currently responsible for the order, if any. */
export function storeOf(order: Order): string | null {
  return 'storeId' in order ? order.storeId : null;
}

/** Fields every state shares; used when moving an order into a new state. */
export function baseOf(order: Order) {
  const { id, number, customerId, customerName, customerPhone, address, lines, declinedBy, createdAt, updatedAt } = order;
  const { payment, promisedAt, deliveryCode, proofPolicy, picked } = order;
  return {
    id, number, customerId, customerName, customerPhone, address, lines, declinedBy, createdAt, updatedAt,
    ...(payment ? { payment } : {}),
    ...(promisedAt ? { promisedAt } : {}),
    ...(deliveryCode ? { deliveryCode } : {}),
    ...(proofPolicy ? { proofPolicy } : {}),
    ...(picked ? { picked } : {}),
  };
}
