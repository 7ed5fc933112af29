import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.js';
import { orderEvents, outgoingMessages } from '../db/schema.js';
import { storeDevice } from '../test/store-device.js';
import { seedTestChain, storeOrders, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';

/** The store's steps after the accept, through the real push and pull (docs/order-lifecycle.md). */
describeWithDatabase(`[FU] the order from accept to the customer's hands on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const as = (user: string) => server.caller(tokens[user]!);
  const photo = { sha256: 'c'.repeat(64), type: 'image/jpeg' as const, bytes: 4096 };

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    server = testServer(database.db);
    for (const user of ['hq', 'a.manager', 'a.clerk', 'a.clerk2', 'b.manager']) tokens[user] = await server.login(user);
  }, 60_000);
  afterAll(() => database?.close());

  /** A device of `user`: numbers its own mutations, like the app's outbox. */
  const device = (user: string) => storeDevice(server, tokens[user]!);

  async function orderHandedTo(clerkId: string) {
    const order = await as('hq').orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 2 }], paymentMethod: 'on_delivery' });
    await as('hq').orders.dispatch({ orderId: order.id, storeId: 'store-a' });
    const pda = device('a.manager');
    expect(await pda.send('offer.accept', { orderId: order.id })).toMatchObject({ status: 'applied' });
    expect(await pda.send('pick.start', { orderId: order.id, device: pda.clientId })).toMatchObject({ status: 'applied' });
    const picked = [{ productId: 'p-1', quantity: 2, lots: [{ lot: 'L2026A', expiry: '2027-03-31', quantity: 2 }] }];
    expect(await pda.send('pick.finish', { orderId: order.id, device: pda.clientId, picked })).toMatchObject({ status: 'applied' });
    expect(await pda.send('handoff.assign', { orderId: order.id, clerk: { userId: clerkId, storeId: 'store-a' } })).toMatchObject({ status: 'applied' });
    return order;
  }

  test('[FU1] a new order carries a delivery code hash, a promise and the amount to collect; the code goes to the customer, never to the store', async () => {
    const order = await orderHandedTo('u-a-c');
    const { deliveryCode, order: stored } = await as('hq').orders.get({ orderId: order.id });
    expect(deliveryCode).toMatch(/^\d{6}$/);
    expect(stored).toMatchObject({ payment: { method: 'on_delivery', amountDueFen: expect.any(Number) }, promisedAt: expect.any(String), picked: [{ lots: [{ lot: 'L2026A' }] }] });
    expect(stored.payment!.amountDueFen).toBeGreaterThan(0);
    const [message] = await database.db.select().from(outgoingMessages).where(eq(outgoingMessages.orderId, order.id));
    expect(message?.body).toContain(deliveryCode!);
    const onDevice = JSON.stringify(await storeOrders(as('a.clerk')));
    expect(onDevice).toContain(order.id);
    expect(onDevice).not.toContain(`"${deliveryCode}"`);
  });

  test('[FU2] [OL15] a clerk pulls only their own orders, and another clerk is refused exactly as for an order that does not exist', async () => {
    const order = await orderHandedTo('u-a-c');
    expect((await storeOrders(as('a.clerk'))).map((o) => o.id)).toContain(order.id);
    expect((await storeOrders(as('a.clerk2'))).map((o) => o.id)).not.toContain(order.id);
    const close = { at: new Date().toISOString(), code: '000000', photo, position: { unavailable: 'denied' } };
    const other = device('a.clerk2');
    const onTheirs = await other.send('delivery.close', { orderId: order.id, ...close });
    const onNothing = await other.send('delivery.close', { orderId: randomUUID(), ...close });
    expect(onTheirs).toMatchObject({ status: 'rejected', rejection: { reason: 'WRONG_STORE' } });
    expect({ ...onTheirs, id: 0 }).toEqual({ ...onNothing, id: 0 });
  });

  test('[FU3] the close is checked against the code, needs its photo and cash, and head office sees the proof', async () => {
    const order = await orderHandedTo('u-a-c');
    const { deliveryCode, order: before } = await as('hq').orders.get({ orderId: order.id });
    const phone = device('a.clerk');
    const base = { orderId: order.id, at: new Date().toISOString(), photo, position: { lat: 31.19, lng: 121.44, accuracyM: 15 }, collectedFen: before.payment!.amountDueFen };
    const wrong = deliveryCode === '111111' ? '222222' : '111111';
    expect(await phone.send('delivery.close', { ...base, code: wrong })).toMatchObject({ status: 'rejected', rejection: { reason: 'DELIVERY_CODE_WRONG' } });
    const { photo: _photo, ...noPhoto } = base;
    expect(await phone.send('delivery.close', { ...noPhoto, code: deliveryCode })).toMatchObject({ status: 'rejected', rejection: { reason: 'PROOF_MISSING' } });
    expect(await phone.send('delivery.close', { ...base, code: deliveryCode })).toMatchObject({ status: 'applied' });
    const { order: after } = await as('hq').orders.get({ orderId: order.id });
    expect(after).toMatchObject({ status: 'delivered', clerkId: 'u-a-c', proof: { code: 'matched', photo, collectedFen: base.collectedFen, position: { accuracyM: 15 } } });
  });

  test('[FU4] [OL19] a close undone in its window goes back out for delivery; too late is refused', async () => {
    const order = await orderHandedTo('u-a-c');
    const { deliveryCode, order: before } = await as('hq').orders.get({ orderId: order.id });
    const phone = device('a.clerk');
    const closedAt = new Date();
    const close = { orderId: order.id, at: closedAt.toISOString(), code: deliveryCode, photo, position: { unavailable: 'timeout' }, collectedFen: before.payment!.amountDueFen };
    expect(await phone.send('delivery.close', close)).toMatchObject({ status: 'applied' });
    const late = new Date(closedAt.getTime() + 121_000).toISOString();
    expect(await phone.send('delivery.undo_close', { orderId: order.id, at: late })).toMatchObject({ status: 'rejected', rejection: { reason: 'UNDO_WINDOW_PASSED' } });
    expect(await phone.send('delivery.undo_close', { orderId: order.id, at: new Date(closedAt.getTime() + 30_000).toISOString() })).toMatchObject({ status: 'applied' });
    expect((await as('hq').orders.get({ orderId: order.id })).order).toMatchObject({ status: 'out_for_delivery', clerkId: 'u-a-c' });
  });

  test('[FU5] [OL20] [OL12] a failed delivery comes back, is confirmed by scan, and goes out again with another clerk', async () => {
    const order = await orderHandedTo('u-a-c');
    const phone = device('a.clerk');
    expect(await phone.send('delivery.fail', { orderId: order.id, reason: 'wrong_address' })).toMatchObject({ status: 'rejected', rejection: { reason: 'PROOF_MISSING' } });
    expect(await phone.send('delivery.fail', { orderId: order.id, reason: 'customer_unreachable', note: '电话三次无人接' })).toMatchObject({ status: 'applied' });
    const pda = device('a.manager');
    const retry = { orderId: order.id, clerk: { userId: 'u-a-c2', storeId: 'store-a' } };
    expect(await pda.send('return.retry', retry)).toMatchObject({ status: 'rejected', rejection: { reason: 'GOODS_NOT_BACK' } });
    expect(await pda.send('return.confirm', { orderId: order.id, via: 'bag_label', at: new Date().toISOString() })).toMatchObject({ status: 'applied' });
    expect(await pda.send('return.retry', retry)).toMatchObject({ status: 'applied' });
    expect((await storeOrders(as('a.clerk2'))).map((o) => o.id)).toContain(order.id);
    expect((await storeOrders(as('a.clerk'))).map((o) => o.id)).not.toContain(order.id);
  });

  test('[FU6] a hand-off names a clerk the server knows at that store', async () => {
    const order = await as('hq').orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] });
    await as('hq').orders.dispatch({ orderId: order.id, storeId: 'store-a' });
    const pda = device('a.manager');
    await pda.send('offer.accept', { orderId: order.id });
    await pda.send('pick.start', { orderId: order.id, device: pda.clientId });
    await pda.send('pick.finish', { orderId: order.id, device: pda.clientId, picked: [{ productId: 'p-1', quantity: 1, lots: [] }] });
    for (const clerk of [{ userId: 'u-b-c', storeId: 'store-a' }, { userId: 'u-a-m', storeId: 'store-a' }, { userId: 'nobody', storeId: 'store-a' }]) {
      expect(await pda.send('handoff.assign', { orderId: order.id, clerk }), clerk.userId).toMatchObject({ status: 'rejected', rejection: { reason: 'CLERK_UNKNOWN' } });
    }
    expect(await pda.send('handoff.assign', { orderId: order.id, clerk: { userId: 'u-a-c', storeId: 'store-b' } })).toMatchObject({ status: 'rejected', rejection: { reason: 'WRONG_STORE' } });
  });

  test('[FU7] [OL8] a second handheld picking the same order is told, and its pick does not count', async () => {
    const order = await as('hq').orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] });
    await as('hq').orders.dispatch({ orderId: order.id, storeId: 'store-a' });
    const [first, second] = [device('a.manager'), device('a.manager')];
    await first.send('offer.accept', { orderId: order.id });
    expect(await first.send('pick.start', { orderId: order.id, device: first.clientId })).toMatchObject({ status: 'applied' });
    expect(await second.send('pick.start', { orderId: order.id, device: second.clientId })).toMatchObject({ status: 'rejected', rejection: { reason: 'TRANSITION_NOT_ALLOWED' } });
    const picked = [{ productId: 'p-1', quantity: 1, lots: [] }];
    expect(await second.send('pick.finish', { orderId: order.id, device: second.clientId, picked })).toMatchObject({ status: 'rejected', rejection: { reason: 'PICK_ON_OTHER_DEVICE' } });
    expect(await first.send('pick.finish', { orderId: order.id, device: first.clientId, picked })).toMatchObject({ status: 'applied' });
  });

  test('[SY43] a pull tells the store why an order left: cancelled with head office\'s reason; a clerk is told it was reassigned', async () => {
    const order = await orderHandedTo('u-a-c');
    const clientId = randomUUID();
    const first = await as('a.manager').sync.pull({ clientId, cursor: null });
    const clerkFirst = await as('a.clerk').sync.pull({ clientId: randomUUID(), cursor: null });
    await as('hq').orders.cancel({ orderId: order.id, reason: '客户来电取消' });
    const next = await as('a.manager').sync.pull({ clientId, cursor: first.cursor });
    expect(next.deletes).toContain(order.id);
    expect(next.departures).toContainEqual({ orderId: order.id, orderNumber: order.number, why: 'cancelled', reason: '客户来电取消' });
    expect(next.serverTime).toEqual(expect.any(String));
    const clerkNext = await as('a.clerk').sync.pull({ clientId: randomUUID(), cursor: clerkFirst.cursor });
    expect(clerkNext.departures).toContainEqual(expect.objectContaining({ orderId: order.id, why: 'cancelled' }));
  });

  test('[SY45] a second handheld accepting the same offer is told who got there first; history keeps the device time', async () => {
    const order = await as('hq').orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] });
    await as('hq').orders.dispatch({ orderId: order.id, storeId: 'store-a' });
    const [first, second] = [device('a.manager'), device('a.manager')];
    expect(await first.send('offer.accept', { orderId: order.id })).toMatchObject({ status: 'applied' });
    expect(await second.send('offer.accept', { orderId: order.id })).toMatchObject({
      status: 'rejected', rejection: { reason: 'TRANSITION_NOT_ALLOWED', details: { status: 'accepted', byName: 'A 店长', byUserId: 'u-a-m', byYou: 1 } },
    });
    const [accept] = await database.db.select().from(orderEvents).where(and(eq(orderEvents.orderId, order.id), eq(orderEvents.type, 'accept')));
    expect(accept?.payload).toMatchObject({ deviceAt: expect.any(String) });
  });

  test('[SY48] a device reports what it still has to send; a fresh device of the same person is told which orders may be lost', async () => {
    const order = await as('hq').orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] });
    await as('hq').orders.dispatch({ orderId: order.id, storeId: 'store-a' });
    const old = randomUUID();
    await as('a.manager').sync.pull({ clientId: old, cursor: null, queue: { depth: 2, orderIds: [order.id], oldestAt: new Date().toISOString() } });
    // Another store cannot overwrite that report, nor read it.
    await as('b.manager').sync.pull({ clientId: old, cursor: null, queue: { depth: 0, orderIds: [] } });
    const fresh = await as('a.manager').sync.pull({ clientId: randomUUID(), cursor: null });
    expect(fresh.unsentElsewhere).toContainEqual({ orderNumber: order.number, reportedAt: expect.any(String) });
    expect((await as('b.manager').sync.pull({ clientId: randomUUID(), cursor: null })).unsentElsewhere).toEqual([]);
    expect((await as('a.clerk').sync.pull({ clientId: randomUUID(), cursor: null })).unsentElsewhere).toEqual([]);
    // Once the old device says its queue is empty, nothing is reported lost.
    await as('a.manager').sync.pull({ clientId: old, cursor: 0, queue: { depth: 0, orderIds: [] } });
    expect((await as('a.manager').sync.pull({ clientId: randomUUID(), cursor: null })).unsentElsewhere).toEqual([]);
  });
});
