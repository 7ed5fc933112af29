import { z } from 'zod';

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
export const orderStatusSchema = z.enum(orderStatuses);
export type OrderStatus = z.infer<typeof orderStatusSchema>;

export const terminalStatuses: readonly OrderStatus[] = ['closed', 'cancelled'];

const id = z.string().min(1).max(64);
const isoTime = z.iso.datetime({ offset: true });

export const orderLineSchema = z.object({
  productId: id,
  gtin: z.string().regex(/^\d{14}$/, 'GTIN-14 expected'),
  name: z.string().min(1).max(120),
  quantity: z.number().int().min(1).max(999),
  /** Units the store has confirmed it can supply; lower than `quantity` after a short is resolved as partial. */
  confirmedQuantity: z.number().int().min(0).max(999),
});
export type OrderLine = z.infer<typeof orderLineSchema>;

export const deliveryAddressSchema = z.object({
  text: z.string().trim().min(4).max(200),
  lat: z.number().min(-90).max(90),
  lng: z.number().min(-180).max(180),
});
export type DeliveryAddress = z.infer<typeof deliveryAddressSchema>;

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
};

/** An order in one of its states; each state carries exactly the data it needs. */
export const orderSchema = z.discriminatedUnion('status', [
  z.object({ ...orderBase, status: z.literal('received') }),
  z.object({ ...orderBase, status: z.literal('offered'), storeId: id, offerExpiresAt: isoTime }),
  z.object({ ...orderBase, status: z.literal('accepted'), storeId: id }),
  z.object({ ...orderBase, status: z.literal('picking'), storeId: id }),
  z.object({ ...orderBase, status: z.literal('short'), storeId: id }),
  z.object({ ...orderBase, status: z.literal('picked'), storeId: id }),
  z.object({ ...orderBase, status: z.literal('out_for_delivery'), storeId: id, clerkId: id }),
  z.object({
    ...orderBase,
    status: z.literal('returned_to_store'),
    storeId: id,
    clerkId: id,
    failureReason: z.string().min(1).max(200),
  }),
  z.object({ ...orderBase, status: z.literal('delivered'), storeId: id, clerkId: id, deliveredAt: isoTime }),
  z.object({
    ...orderBase,
    status: z.literal('closed'),
    storeId: id,
    closedAt: isoTime,
    closedVia: z.enum(['device', 'batch']),
  }),
  z.object({ ...orderBase, status: z.literal('cancelled'), storeId: id.nullable(), cancelReason: z.string().min(1).max(200) }),
]);
export type Order = z.infer<typeof orderSchema>;
export type OrderIn<S extends OrderStatus> = Extract<Order, { status: S }>;

/** The store currently responsible for the order, if any. */
export function storeOf(order: Order): string | null {
  return 'storeId' in order ? order.storeId : null;
}

/** Fields every state shares; used when moving an order into a new state. */
export function baseOf(order: Order) {
  const { id, number, customerId, customerName, customerPhone, address, lines, declinedBy, createdAt, updatedAt } =
    order;
  return { id, number, customerId, customerName, customerPhone, address, lines, declinedBy, createdAt, updatedAt };
}
