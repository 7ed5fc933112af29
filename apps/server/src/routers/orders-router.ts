import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  cancelOrderInput, closeOrderInput, createOrderInput, dispatchOrderInput, orderIdInput, orderSchema, orderStatusSchema, resolveShortInput,
  toGtin14, type Order,
} from '@repo/domain';
import { orderProofBlobs } from '../blobs/order-proof-blobs.js';
import type { Database } from '../db/database.js';
import { insertOrder, loadOrder } from '../db/order-rows.js';
import { customers, deliveryCodes, orders, outgoingMessages, products } from '../db/schema.js';
import { deliveryCodeMessage, deliveryTermsFor, type DeliveryTerms } from '../orders/delivery-terms.js';
import { orderHistory } from '../orders/order-history.js';
import { shortResolutionEvent } from '../orders/short-resolution.js';
import { applyOrderEvent } from '../order-actions.js';
import { candidateStores, findStore } from './order-dispatch.js';
import { hqProcedure, router } from '../trpc.js';

/** Head office's side of an order: intake, dispatch, watching it to the end. */
export const ordersRouter = router({
  create: hqProcedure.input(createOrderInput).mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    const terms = deliveryTermsFor(now, ctx.config);
    const order = await ctx.db.transaction(async (tx) => {
      const order = await buildOrder(tx as unknown as Database, input, now, terms);
      await insertOrder(tx, order, ctx.actor.userId);
      await tx.insert(deliveryCodes).values({ orderId: order.id, code: terms.code });
      await tx.insert(outgoingMessages).values({ phone: order.customerPhone, body: deliveryCodeMessage(order.number, terms), orderId: order.id });
      return order;
    });
    return order;
  }),

  dispatch: hqProcedure.input(dispatchOrderInput).mutation(async ({ ctx, input }) => {
    const store = await findStore(ctx.db, input.storeId);
    if (!store) throw badField('storeId', 'No such store.');
    if (!store.open) throw badField('storeId', 'That store is closed; choose another store.');
    const now = ctx.now();
    const offerExpiresAt = new Date(now.getTime() + ctx.config.offerTtlMinutes * 60_000).toISOString();
    return applyOrderEvent({
      db: ctx.db, pokes: ctx.pokes, orderId: input.orderId, actor: ctx.actor, now,
      event: { type: 'offer', storeId: input.storeId, offerExpiresAt },
    });
  }),

  cancel: hqProcedure.input(cancelOrderInput).mutation(({ ctx, input }) =>
    applyOrderEvent({
      db: ctx.db, pokes: ctx.pokes, orderId: input.orderId, actor: ctx.actor, now: ctx.now(),
      event: { type: 'cancel', reason: input.reason },
    }),
  ),

  /** 结单: head office closes a delivered order (OL13). */
  close: hqProcedure.input(closeOrderInput).mutation(({ ctx, input }) =>
    applyOrderEvent({ db: ctx.db, pokes: ctx.pokes, orderId: input.orderId, actor: ctx.actor, now: ctx.now(), event: { type: 'close' } }),
  ),

  /** Head office's decision on a short order (OL7): partial after a call, a substitute, or another store. */
  resolveShort: hqProcedure.input(resolveShortInput).mutation(async ({ ctx, input }) => {
    const order = await loadOrder(ctx.db, input.orderId);
    if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such order.' });
    // Read without the lock: a short order's lines change only by leaving 'short', which the lifecycle re-checks under it.
    const event = await shortResolutionEvent(ctx.db, order, input);
    return applyOrderEvent({ db: ctx.db, pokes: ctx.pokes, orderId: input.orderId, actor: ctx.actor, now: ctx.now(), event });
  }),

  list: hqProcedure
    .input(z.object({ statuses: z.array(orderStatusSchema).max(11).optional(), limit: z.number().int().min(1).max(500).default(100) }))
    .query(async ({ ctx, input }) => {
      const query = ctx.db.select({ data: orders.data }).from(orders);
      const filtered = input.statuses?.length ? query.where(inArray(orders.status, input.statuses)) : query;
      const rows = await filtered.orderBy(desc(orders.updatedAt)).limit(input.limit);
      return rows.map((r) => orderSchema.parse(r.data));
    }),

  get: hqProcedure.input(orderIdInput).query(async ({ ctx, input }) => {
    const order = await loadOrder(ctx.db, input.orderId);
    if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such order.' });
    const history = await orderHistory(ctx.db, input.orderId);
    const [code] = await ctx.db.select({ code: deliveryCodes.code }).from(deliveryCodes).where(eq(deliveryCodes.orderId, input.orderId));
    return { order, deliveryCode: code?.code ?? null, history };
  }),

  /** The order's proof photos and signatures, each with whether its bytes have reached the server. */
  proofBlobs: hqProcedure.input(orderIdInput).query(async ({ ctx, input }) => {
    const order = await loadOrder(ctx.db, input.orderId);
    if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such order.' });
    return orderProofBlobs(ctx.db, input.orderId);
  }),

  candidateStores: hqProcedure.input(orderIdInput).query(async ({ ctx, input }) => {
    const order = await loadOrder(ctx.db, input.orderId);
    if (!order) throw new TRPCError({ code: 'NOT_FOUND', message: 'No such order.' });
    return candidateStores(ctx.db, order, ctx.now());
  }),
});

/** Turns the intake form into a received order, refusing unknown customers or products. */
async function buildOrder(db: Database, input: z.infer<typeof createOrderInput>, now: Date, terms: DeliveryTerms): Promise<Order> {
  const [customer] = await db.select().from(customers).where(eq(customers.id, input.customerId)).limit(1);
  if (!customer) throw badField('customerId', 'No such customer.');
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
    address: input.address ?? { text: customer.address, lat: customer.lat, lng: customer.lng },
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

function badField(path: string, message: string): TRPCError {
  return new TRPCError({ code: 'BAD_REQUEST', message: `${path}: ${message}` });
}

/** Order numbers follow the chain's business day, which runs on China Standard Time. */
function shanghaiDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10).replaceAll('-', '');
}
