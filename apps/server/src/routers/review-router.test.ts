import { eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { WebShopOrderInput } from '@repo/domain';
import type { OpenDatabase } from '../db/database.js';
import { orders } from '../db/schema.js';
import { settleReturnedOrders } from '../dispatch/redispatch.js';
import { codeOf, seedTestChain, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';
import { receiveWebOrder } from '../webshop/web-order-intake.js';

const config = { promiseMinutes: 60, undoWindowSeconds: 120 };

describeWithDatabase(`[WS] web-order review on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let server: TestServer;
  let hq: ReturnType<TestServer['caller']>;
  let serial = 0;

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    server = testServer(database.db);
    hq = server.caller(await server.login('hq'));
  }, 120_000);
  afterAll(() => database?.close());

  /** A web order as the shop's API takes it, received `minutesAgo` before now; returns its id. */
  async function webOrder(minutesAgo = 0, overrides: Partial<WebShopOrderInput> = {}): Promise<string> {
    serial += 1;
    const input: WebShopOrderInput = {
      webOrderNumber: `R-${serial}`, customer: { name: '韩梅梅', phone: '13700000101' },
      address: { text: '天钥桥路 200 号 5 室', lat: 31.19, lng: 121.44 },
      lines: [{ gtin: '6901234567892', quantity: 3 }], paymentMethod: 'prepaid', note: '下午送', ...overrides,
    };
    const outcome = await receiveWebOrder({ db: database.db, idempotencyKey: `review-${serial}`, input, ownerUsername: 'hq', config, now: new Date(Date.now() - minutesAgo * 60_000) });
    if (outcome.kind !== 'created') throw new Error(`Not created: ${outcome.kind}`);
    return outcome.receipt.orderId;
  }
  const reviewOf = async (orderId: string) => (await database.db.select({ review: orders.reviewState }).from(orders).where(eq(orders.id, orderId)))[0]?.review;

  test('[WS12] the queue lists pending web orders oldest first, with customer, address, lines, total and waiting time; phone orders never', async () => {
    const newer = await webOrder(2);
    const older = await webOrder(30, { customer: { name: '小王', phone: '13800138000' }, note: undefined });
    await hq.orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] });
    const queue = await hq.review.queue();
    expect(queue.map((i) => i.orderId)).toEqual([older, newer]);
    const [first] = queue;
    expect(first).toMatchObject({
      webOrderNumber: expect.stringMatching(/^R-\d+$/),
      customer: { name: '王芳', phone: '13800138000', nameInShop: '小王', earlierOrders: expect.any(Number) },
      address: { text: '天钥桥路 200 号 5 室', lat: 31.19, lng: 121.44 },
      lines: [{ name: '农夫山泉 550ml', gtin: '06901234567892', quantity: 3, unitPriceFen: 200 }],
      totalFen: 600, paymentMethod: 'prepaid', note: null, ownerName: '总部',
      nearestStore: { name: '徐家汇店', inRange: true, distanceM: expect.any(Number) },
    });
    expect(first!.waitingSeconds).toBeGreaterThanOrEqual(30 * 60 - 5);
    expect(queue[1]!.customer.earlierOrders).toBe(0);
    expect(await hq.review.counts()).toEqual({ pending: 2, confirmByPhone: 0 });
  });

  test('[WS11] approve: out of the queue and dispatchable', async () => {
    const orderId = await webOrder();
    expect(await codeOf(hq.orders.dispatch({ orderId, storeId: 'store-a' }))).toBe('CONFLICT');
    // The board says why it waits, where the dispatcher looks first.
    const onBoard = async () => (await hq.orders.board({ statuses: ['received'], limit: 500 })).rows.find((r) => r.id === orderId);
    expect(await onBoard()).toMatchObject({ status: 'received', review: 'pending' });
    expect(await hq.review.approve({ orderId })).toEqual({ orderId, review: null, status: 'received' });
    expect(await onBoard()).toMatchObject({ status: 'received', review: null });
    expect((await hq.review.queue()).map((i) => i.orderId)).not.toContain(orderId);
    expect((await hq.orders.dispatch({ orderId, storeId: 'store-a' })).status).toBe('offered');
    expect(await codeOf(hq.review.approve({ orderId }))).toBe('CONFLICT');
  });

  test('[WS11] confirm by phone: on the call list with the reason; the call confirms it, and then it is dispatchable', async () => {
    const orderId = await webOrder();
    await hq.review.confirmByPhone({ orderId, reason: '地址不完整，需确认门牌号' });
    expect(await reviewOf(orderId)).toBe('confirm_by_phone');
    expect((await hq.review.queue()).map((i) => i.orderId)).not.toContain(orderId);
    const call = (await hq.review.callList()).find((i) => i.orderId === orderId);
    expect(call).toMatchObject({ confirmReason: '地址不完整，需确认门牌号', reviewedByName: '总部', customer: { phone: '13700000101' }, reviewedAt: expect.any(String) });
    expect(await codeOf(hq.orders.dispatch({ orderId, storeId: 'store-a' }))).toBe('CONFLICT');
    expect(await codeOf(hq.review.approve({ orderId }))).toBe('CONFLICT');
    expect(await hq.review.recordCall({ orderId, outcome: 'confirmed' })).toMatchObject({ review: null, status: 'received' });
    expect((await hq.review.callList()).map((i) => i.orderId)).not.toContain(orderId);
    expect((await hq.orders.dispatch({ orderId, storeId: 'store-a' })).status).toBe('offered');
    const { history } = await hq.orders.get({ orderId });
    expect(history.map((h) => h.type)).toEqual(['create', 'review_confirm_by_phone', 'review_call_confirmed', 'offer']);
    expect(history[1]!.details).toEqual({ reason: '地址不完整，需确认门牌号' });
  });

  test('[WS11] the call ends in a cancel with its reason, through the order lifecycle', async () => {
    const orderId = await webOrder();
    await hq.review.confirmByPhone({ orderId, reason: '金额较大' });
    expect(await hq.review.recordCall({ orderId, outcome: 'cancel', reason: '顾客说没有下过这单' })).toMatchObject({ status: 'cancelled' });
    const { order, history } = await hq.orders.get({ orderId });
    expect(order).toMatchObject({ status: 'cancelled', cancelReason: '顾客说没有下过这单' });
    expect(history.at(-1)).toMatchObject({ type: 'cancel', fromStatus: 'received', toStatus: 'cancelled' });
    expect((await hq.review.callList()).map((i) => i.orderId)).not.toContain(orderId);
    expect(await codeOf(hq.review.recordCall({ orderId, outcome: 'confirmed' }))).toBe('CONFLICT');
  });

  test('[WS11] decisions are refused from the wrong state, on phone orders and on no order, and bad input names the field', async () => {
    const pending = await webOrder();
    const phone = (await hq.orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] })).id;
    expect(await codeOf(hq.review.recordCall({ orderId: pending, outcome: 'confirmed' }))).toBe('CONFLICT');
    expect(await codeOf(hq.review.approve({ orderId: phone }))).toBe('NOT_FOUND');
    expect(await codeOf(hq.review.approve({ orderId: 'no-such-order' }))).toBe('NOT_FOUND');
    expect(await codeOf(hq.review.confirmByPhone({ orderId: pending, reason: '  ' }))).toBe('BAD_REQUEST');
    expect(await codeOf(hq.review.confirmByPhone({ orderId: pending, reason: 'a\u0000' }))).toBe('BAD_REQUEST');
    const anyCall = hq.review.recordCall as unknown as (input: unknown) => Promise<unknown>;
    expect(await codeOf(anyCall({ orderId: pending, outcome: 'cancel' }))).toBe('BAD_REQUEST');
    expect(await codeOf(anyCall({ orderId: pending, outcome: 'maybe' }))).toBe('BAD_REQUEST');
    expect(await reviewOf(pending)).toBe('pending');
  });

  test('[WS10] automatic re-dispatch leaves an order under review alone', async () => {
    const orderId = await webOrder();
    // No path returns an order to dispatch while under review; the guard holds even if one did.
    await database.db.update(orders).set({ dispatchState: 'returned' }).where(eq(orders.id, orderId));
    const run = await settleReturnedOrders(database.db, { now: new Date(), autoRedispatch: true, offerTtlMinutes: 15 });
    expect(run.settled).toBe(0);
    expect((await hq.orders.get({ orderId })).order.status).toBe('received');
  });
});
