import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.js';
import { orderEvents, orders, storeVersions } from '../db/schema.js';
import { codeOf, seedTestChain, storeOrders, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';

describeWithDatabase(`[OR] order intake and dispatch on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let server: TestServer;
  let hqToken = '';
  let managerToken = '';
  const hq = () => server.caller(hqToken);

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    server = testServer(database.db);
    hqToken = await server.login('hq');
    managerToken = await server.login('a.manager');
  }, 60_000);
  afterAll(() => database?.close());

  async function snapshot() {
    const [o] = await database.db.select({ n: count() }).from(orders);
    const [e] = await database.db.select({ n: count() }).from(orderEvents);
    const versions = await database.db.select().from(storeVersions);
    return { orders: o?.n, events: e?.n, versions };
  }

  test('[OR1] head office creates an order with the customer\'s address and product names from the catalogue', async () => {
    const order = await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 3 }] });
    expect(order).toMatchObject({
      status: 'received', customerName: '王芳', address: { text: expect.stringContaining('天钥桥路') },
      lines: [{ productId: 'p-1', gtin: '06901234567892', name: '农夫山泉 550ml', quantity: 3, confirmedQuantity: 3 }],
    });
    expect(order.number).toMatch(/^D\d{8}-\d{5}$/);
    const detail = await hq().orders.get({ orderId: order.id });
    expect(detail.history.map((h) => h.type)).toEqual(['create']);
  });

  test('[OR1b] the agent who takes an order on the phone owns it, and nothing waits for review', async () => {
    const order = await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] });
    const [row] = await database.db.select().from(orders).where(eq(orders.id, order.id));
    const [{ actorUserId } = { actorUserId: null }] = await database.db.select().from(orderEvents).where(eq(orderEvents.orderId, order.id));
    expect(row).toMatchObject({ channel: 'phone', ownerUserId: actorUserId, reviewState: null, callId: null });
    expect(actorUserId).toBeTruthy();
  });

  test.each([
    ['no lines', { customerId: 'c-1', lines: [] }, 'lines'],
    ['a zero quantity', { customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 0 }] }, 'lines.0.quantity'],
    ['the same product twice', { customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }, { productId: 'p-1', quantity: 2 }] }, 'lines'],
    ['no customer', { lines: [{ productId: 'p-1', quantity: 1 }] }, 'customerId'],
  ])('[OR2] an order with %s is refused with the field named, and nothing changes', async (_name, input, field) => {
    const before = await snapshot();
    const error = await hq().orders.create(input as never).catch((e: { code: string; cause: { issues: { path: (string | number)[] }[] } }) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    expect((error as { cause: { issues: { path: (string | number)[] }[] } }).cause.issues.map((i) => i.path.join('.'))).toContain(field);
    expect(await snapshot()).toEqual(before);
  });

  test('[OR3] an unknown product or customer is refused by name, and nothing changes', async () => {
    const before = await snapshot();
    await expect(hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-404', quantity: 1 }] })).rejects.toThrow(/lines\.0\.productId/);
    await expect(hq().orders.create({ customerId: 'c-404', lines: [{ productId: 'p-1', quantity: 1 }] })).rejects.toThrow(/customerId/);
    expect(await snapshot()).toEqual(before);
  });

  test('[OR4] dispatch offers the order to the store, bumps that store\'s version and pokes it', async () => {
    const order = await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-2', quantity: 1 }] });
    const abort = new AbortController();
    const pokes = server.pokes.listen('store-a', abort.signal);
    const firstPoke = pokes.next();
    const offered = await hq().orders.dispatch({ orderId: order.id, storeId: 'store-a' });
    expect(offered).toMatchObject({ status: 'offered', storeId: 'store-a' });
    await expect(firstPoke).resolves.toMatchObject({ done: false });
    abort.abort();
    const [row] = await database.db.select().from(orders).where(eq(orders.id, order.id));
    const [version] = await database.db.select().from(storeVersions).where(eq(storeVersions.storeId, 'store-a'));
    expect(row?.storeVersion).toBe(version?.version);
    const held = await storeOrders(server.caller(managerToken));
    expect(held.find((o) => o.id === order.id)).toMatchObject({ status: 'offered' });
  });

  test('[OR5] dispatching to a store that does not exist, or twice, is refused and changes nothing', async () => {
    const order = await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] });
    const before = await snapshot();
    expect(await codeOf(hq().orders.dispatch({ orderId: order.id, storeId: 'store-zz' }))).toBe('BAD_REQUEST');
    expect(await snapshot()).toEqual(before);
    await hq().orders.dispatch({ orderId: order.id, storeId: 'store-a' });
    const afterFirst = await snapshot();
    const second = await hq().orders.dispatch({ orderId: order.id, storeId: 'store-b' }).catch((e: { code: string; shape?: unknown; message: string }) => e);
    expect(second).toMatchObject({ code: 'CONFLICT' });
    expect(await snapshot()).toEqual(afterFirst);
  });

  test('[OR6] candidate stores: the store within reach with the stock; a store beyond its radius is left out, with why', async () => {
    const order = await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 10 }] });
    const { candidates, leftOut } = await hq().orders.candidateStores({ orderId: order.id });
    expect(candidates.map((c) => [c.storeId, c.hasAllStock])).toEqual([['store-a', true]]);
    expect(leftOut).toEqual([expect.objectContaining({ storeId: 'store-b', why: 'out_of_range' })]);
    expect(candidates[0]!.distanceKm).toBeLessThan(leftOut[0]!.distanceKm);
  });

  test('[OR7] cancelling pulls the order out of the store\'s inbox and records why', async () => {
    const order = await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] });
    await hq().orders.dispatch({ orderId: order.id, storeId: 'store-a' });
    await hq().orders.cancel({ orderId: order.id, reason: '客户来电取消' });
    const held = await storeOrders(server.caller(managerToken));
    expect(held.map((o) => o.id)).not.toContain(order.id);
    const detail = await hq().orders.get({ orderId: order.id });
    expect(detail.order).toMatchObject({ status: 'cancelled', cancelReason: '客户来电取消' });
    expect(detail.history.map((h) => h.toStatus)).toEqual(['received', 'offered', 'cancelled']);
  });

  test('[OR8] the board lists orders by status', async () => {
    const offered = await hq().orders.list({ statuses: ['offered'] });
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((o) => o.status === 'offered')).toBe(true);
  });
});
