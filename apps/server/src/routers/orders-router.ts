import { TRPCError } from '@trpc/server';
import { desc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
  boardInput, cancelOrderInput, closeOrderInput, handOverInput, createOrderInput, dispatchOrderInput, orderIdInput, orderSchema, orderStatusSchema, resolveShortInput,
} from '@repo/domain';
import { orderProofBlobs } from '../blobs/order-proof-blobs.js';
import { loadOrder } from '../db/order-rows.js';
import { deliveryCodes, orders, users } from '../db/schema.js';
import { boardQuery } from '../orders/board-query.js';
import { handOver, orderOwners } from '../orders/ownership.js';
import { orderHistory } from '../orders/order-history.js';
import { shortResolutionEvent } from '../orders/short-resolution.js';
import { badField, takeOrder } from '../orders/take-order.js';
import { applyOrderEvent } from '../order-actions.js';
import { candidateStores, findStore } from './order-dispatch.js';
import { assertNotUnderReview } from '../review/review-guard.js';
import { orderIntakeFacts } from '../review/order-intake-facts.js';
import { hqProcedure, router } from '../trpc.js';

/** Head office's side of an order: intake, dispatch, watching it to the end. */
export const ordersRouter = router({
  create: hqProcedure.input(createOrderInput).mutation(({ ctx, input }) =>
    takeOrder({
      db: ctx.db, input, now: ctx.now(), config: ctx.config, actorUserId: ctx.actor.userId,
      // The agent who takes the order owns it until the customer has it (一单责任制).
      intake: { channel: 'phone', callId: input.callId ?? null, ownerUserId: ctx.actor.userId },
    }),
  ),

  dispatch: hqProcedure.input(dispatchOrderInput).mutation(async ({ ctx, input }) => {
    const store = await findStore(ctx.db, input.storeId);
    if (!store) throw badField('storeId', 'No such store.');
    if (!store.open) throw badField('storeId', 'That store is closed; choose another store.');
    await assertNotUnderReview(ctx.db, input.orderId);
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
    // How it came in (phone or web shop) and where its review stands: the console shows both.
    const intake = await orderIntakeFacts(ctx.db, input.orderId);
    const [owner] = await ctx.db.select({ userId: users.id, name: users.displayName }).from(orders)
      .innerJoin(users, eq(users.id, orders.ownerUserId)).where(eq(orders.id, input.orderId));
    return { order, deliveryCode: code?.code ?? null, history, intake, owner: owner ?? null };
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

  /** The live board of open orders: filters, late warnings, counts (docs/board.md BD2-BD7). */
  board: hqProcedure.input(boardInput).query(({ ctx, input }) =>
    boardQuery({ db: ctx.db, input, actorUserId: ctx.actor.userId, now: ctx.now(), limits: ctx.config.lateLimits }),
  ),

  /** Head-office staff who can own orders, with their open orders: the owner filter and the hand-over's list. */
  owners: hqProcedure.query(({ ctx }) => orderOwners(ctx.db)),

  /** 交班: hand one's open orders, or some of them, to a colleague in one step (BD9). */
  handOver: hqProcedure.input(handOverInput).mutation(({ ctx, input }) =>
    handOver({ db: ctx.db, input, actorUserId: ctx.actor.userId, now: ctx.now() }),
  ),
});
