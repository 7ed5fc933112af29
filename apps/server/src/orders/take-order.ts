import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { isInServiceArea, toGtin14, type CreateOrderInput, type DeliveryAddress, type Order } from '@repo/domain';
import type { Database, Transaction } from '../db/database.js';
import { insertOrder } from '../db/order-rows.js';
import { customerAddresses, customers, deliveryCodes, orders, outgoingMessages, products } from '../db/schema.js';
import { FieldProblems } from '../field-problems.js';
import { deliveryCodeMessage, deliveryTermsFor, type DeliveryTerms, type DeliveryTermsConfig } from './delivery-terms.js';

/**
 * How an order came in, kept beside it for head office (never sent to a store):
 * - `channel`: taken on the phone by an agent, or sent by the chain's web shop;
 * - `callId`: the telephone system's id of the call it was taken in, when there was one;
 * - `ownerUserId`: the head-office person who owns it until the customer has it (一单责任制);
 * - `review`: 'pending' while a web-shop order waits for a reviewer; null once it may be dispatched.
 */
export interface OrderIntake {
  readonly channel: 'phone' | 'web';
  readonly callId?: string | null;
  readonly ownerUserId: string;
  readonly review?: 'pending' | null;
}

export interface TakeOrderArgs {
  readonly db: Database;
  readonly input: CreateOrderInput;
  readonly intake: OrderIntake;
  /** Who the 'create' history entry names: the agent, or the web shop's system user. */
  readonly actorUserId: string;
  readonly now: Date;
  readonly config: DeliveryTermsConfig;
  /** Runs inside the order's transaction, after it is saved (an idempotency record, say). */
  readonly alsoInTransaction?: (tx: Transaction, order: Order) => Promise<void>;
}

/**
 * Takes an order: a received order with its delivery code, its promise and the customer's text
 * message, saved in one transaction with how it came in. Refuses unknown customers or products with
 * the field that is wrong.
 */
export async function takeOrder(args: TakeOrderArgs): Promise<Order> {
  const terms = deliveryTermsFor(args.now, args.config);
  return args.db.transaction(async (tx) => {
    const order = await buildOrder(tx, args.input, args.now, terms);
    await insertOrder(tx, order, args.actorUserId, args.intake.ownerUserId);
    await tx.update(orders).set({
      channel: args.intake.channel, callId: args.intake.callId ?? null, ownerUserId: args.intake.ownerUserId,
      reviewState: args.intake.review ?? null,
    }).where(eq(orders.id, order.id));
    await tx.insert(deliveryCodes).values({ orderId: order.id, code: terms.code });
    await tx.insert(outgoingMessages).values({ phone: order.customerPhone, body: deliveryCodeMessage(order.number, terms), orderId: order.id });
    await args.alsoInTransaction?.(tx, order);
    return order;
  });
}

/** Turns the intake form into a received order, refusing unknown customers or products. */
async function buildOrder(db: Transaction, input: CreateOrderInput, now: Date, terms: DeliveryTerms): Promise<Order> {
  const [customer] = await db.select().from(customers).where(eq(customers.id, input.customerId)).limit(1);
  if (!customer) throw badField('customerId', 'No such customer.');
  const address = await deliveryAddressFor(db, input);
  const ids = input.lines.map((l) => l.productId);
  const found = new Map((await db.select().from(products).where(inArray(products.id, ids))).map((p) => [p.id, p]));
  const lines = input.lines.map((line, i) => {
    const product = found.get(line.productId);
    if (!product) throw badField(`lines.${i}.productId`, 'No such product.');
    return {
      productId: product.id, gtin: toGtin14(product.gtin), name: product.name, quantity: line.quantity, confirmedQuantity: line.quantity,
      unitPriceFen: product.priceFen,
    };
  });
  const totalFen = lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0);
  const [{ seq } = { seq: 0 }] = await db.select({ seq: sql<number>`nextval('order_number_seq')` }).from(sql`(select 1) as one`);
  const stamp = now.toISOString();
  return {
    id: randomUUID(),
    number: `D${shanghaiDate(now)}-${String(seq).padStart(5, '0')}`,
    customerId: customer.id,
    customerName: customer.name,
    customerPhone: customer.phone,
    address,
    lines,
    declinedBy: [],
    createdAt: stamp,
    updatedAt: stamp,
    payment: { method: input.paymentMethod, amountDueFen: input.paymentMethod === 'on_delivery' ? totalFen : 0 },
    promisedAt: terms.promisedAt,
    deliveryCode: terms.deliveryCode,
    proofPolicy: terms.proofPolicy,
    status: 'received',
  };
}

/**
 * Where the order goes: the address on file the agent picked (it must be this customer's), an
 * address given whole (the web shop's), or else the customer's first address on file.
 */
async function deliveryAddressFor(db: Transaction, input: CreateOrderInput): Promise<DeliveryAddress> {
  if (input.address) {
    if (!isInServiceArea(input.address)) throw badField('address', 'That point is outside the area the chain delivers to (Shanghai).');
    return input.address;
  }
  const [onFile] = await db.select({ text: customerAddresses.text, lat: customerAddresses.lat, lng: customerAddresses.lng })
    .from(customerAddresses)
    .where(input.addressId
      ? and(eq(customerAddresses.id, input.addressId), eq(customerAddresses.customerId, input.customerId))
      : eq(customerAddresses.customerId, input.customerId))
    .orderBy(asc(customerAddresses.createdAt), asc(customerAddresses.id))
    .limit(1);
  // Another customer's address gets the same answer as no address at all.
  if (!onFile && input.addressId) throw badField('addressId', 'Not an address of this customer.');
  if (!onFile) throw badField('addressId', 'This customer has no address on file: add one first.');
  return onFile;
}

/** A BAD_REQUEST naming the field, listed as `fields` so the console marks it. */
export function badField(path: string, message: string): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message: `${path}: ${message}`, cause: new FieldProblems([{ path, message }]) });
}

/** Order numbers follow the chain's business day, which runs on China Standard Time. */
function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
}
