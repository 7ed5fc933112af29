import { orderIdInput } from '@repo/domain';
import { listStoreOrders, loadOrder, storeVisibleStatuses } from '../db/order-rows.js';
import { forbidden, router, storeProcedure } from '../trpc.js';

/**
 * A store's view of its orders. Replaced by the sync engine's pull in the next issue; until then the
 * device refetches the list when poked.
 */
export const inboxRouter = router({
  list: storeProcedure.query(async ({ ctx }) => ({
    storeId: ctx.storeId,
    orders: await listStoreOrders(ctx.db, ctx.storeId),
    at: ctx.now().toISOString(),
  })),

  get: storeProcedure.input(orderIdInput).query(async ({ ctx, input }) => {
    const order = await loadOrder(ctx.db, input.orderId);
    const visible = order && 'storeId' in order && order.storeId === ctx.storeId
      && (storeVisibleStatuses as readonly string[]).includes(order.status);
    if (!order || !visible) throw forbidden();
    return order;
  }),

  /** Contentless pokes: "your store's orders changed, pull". */
  onChange: storeProcedure.subscription(async function* ({ ctx, signal }) {
    yield { at: Date.now() };
    for await (const at of ctx.pokes.listen(ctx.storeId, signal)) yield { at };
  }),
});
