import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { rowsOf, type OpenDatabase } from '../db/database.js';
import { orders, stock, stores } from '../db/schema.js';
import { codeOf, seedTestChain, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';

/** A clock the test moves, shared by the procedures and the dispatcher. */
let clock = new Date();
const later = (minutes: number) => { clock = new Date(clock.getTime() + minutes * 60_000); };

describeWithDatabase(`re-dispatch, notices and stock on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let auto: TestServer;
  let manual: TestServer;
  let hqToken = '';
  let managerA = '';
  let managerB = '';

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    // Store B moves to 1.4 km from the customer, inside its radius; store A stays at 0.7 km.
    await database.db.update(stores).set({ lat: 31.2, lng: 121.45 }).where(eq(stores.id, 'store-b'));
    auto = testServer(database.db, () => clock, { autoRedispatch: true });
    manual = testServer(database.db, () => clock, { autoRedispatch: false });
    hqToken = await auto.login('hq');
    managerA = await auto.login('a.manager');
    managerB = await auto.login('b.manager');
  }, 120_000);
  afterAll(() => database?.close());

  const hq = () => auto.caller(hqToken);
  const decline = (token: string, orderId: string) =>
    auto.caller(token).sync.push({ clientId: randomUUID(), mutations: [{ id: 1, name: 'offer.decline', version: 2, args: { orderId, reason: 'out_of_stock' }, createdAt: clock.toISOString() }] });
  const accept = (token: string, orderId: string) =>
    auto.caller(token).sync.push({ clientId: randomUUID(), mutations: [{ id: 1, name: 'offer.accept', version: 1, args: { orderId }, createdAt: clock.toISOString() }] });
  const stateOf = async (orderId: string) =>
    (await database.db.select({ status: orders.status, storeId: orders.storeId, dispatchState: orders.dispatchState }).from(orders).where(eq(orders.id, orderId)))[0];
  const stockAt = async (storeId: string, productId: string) =>
    (await database.db.select({ quantity: stock.quantity, reserved: stock.reserved }).from(stock).where(and(eq(stock.storeId, storeId), eq(stock.productId, productId))))[0];

  describe('with AUTO_REDISPATCH on', () => {
    let orderId = '';

    test('[DS2] the best store is the nearer one with the goods; the order is offered to it', async () => {
      orderId = (await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 2 }] })).id;
      const { candidates } = await hq().orders.candidateStores({ orderId });
      expect(candidates.map((c) => [c.storeId, c.hasAllStock])).toEqual([['store-a', true], ['store-b', true]]);
      await hq().orders.dispatch({ orderId, storeId: candidates[0]!.storeId });
    });

    test('[DS5] [DS6] [DS9] a decline is re-offered to the next store at once, and head office is told why', async () => {
      const notices = hq().dispatch.notices({ since: clock.toISOString() });
      await decline(managerA, orderId);
      await auto.dispatcher.tick();
      expect(await stateOf(orderId)).toEqual({ status: 'offered', storeId: 'store-b', dispatchState: null });
      const iterator = (await notices)[Symbol.asyncIterator]();
      const first = await iterator.next();
      await iterator.return?.();
      expect(first.value).toMatchObject({ orderId, kind: 'declined', storeId: 'store-a', storeName: '徐家汇店', reason: 'out_of_stock', outcome: 'reoffered', nextStoreId: 'store-b', nextStoreName: '陆家嘴店' });
      expect((await hq().orders.candidateStores({ orderId })).leftOut.map((s) => [s.storeId, s.why])).toContainEqual(['store-a', 'declined']);
    });

    test('[DS7] [DS8] the next store lets it expire; with no store left the order comes back flagged', async () => {
      later(16);
      expect(await auto.dispatcher.tick()).toEqual({ expired: 1, settled: 1 });
      expect(await stateOf(orderId)).toEqual({ status: 'received', storeId: null, dispatchState: 'no_candidate' });
      const waiting = await hq().dispatch.waiting();
      expect(waiting).toContainEqual(expect.objectContaining({ orderId, kind: 'expired', storeId: 'store-b', outcome: 'no_candidate', nextStoreId: null }));
      // A second tick finds nothing to do: the flag is for a person.
      expect(await auto.dispatcher.tick()).toEqual({ expired: 0, settled: 0 });
    });
  });

  test('[DS6] with AUTO_REDISPATCH off a decline comes back to the dispatcher with the next store suggested', async () => {
    const orderId = (await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] })).id;
    await hq().orders.dispatch({ orderId, storeId: 'store-a' });
    await decline(managerA, orderId);
    await manual.dispatcher.tick();
    expect(await stateOf(orderId)).toEqual({ status: 'received', storeId: null, dispatchState: 'needs_dispatcher' });
    expect(await manual.caller(hqToken).dispatch.waiting()).toContainEqual(expect.objectContaining({ orderId, outcome: 'needs_dispatcher', nextStoreId: 'store-b' }));
    await hq().orders.dispatch({ orderId, storeId: 'store-b' });
    expect(await stateOf(orderId)).toEqual({ status: 'offered', storeId: 'store-b', dispatchState: null });
    expect((await hq().dispatch.waiting()).map((n) => n.orderId)).not.toContain(orderId);
  });

  test('[DS6] a store that lacks a line is never offered by itself: the dispatcher decides', async () => {
    // p-2 (milk): store A has 5, store B none.
    const orderId = (await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-2', quantity: 1 }] })).id;
    await hq().orders.dispatch({ orderId, storeId: 'store-a' });
    await decline(managerA, orderId);
    await auto.dispatcher.tick();
    expect(await stateOf(orderId)).toMatchObject({ status: 'received', dispatchState: 'needs_dispatcher' });
    const { candidates } = await hq().orders.candidateStores({ orderId });
    expect(candidates).toEqual([expect.objectContaining({ storeId: 'store-b', hasAllStock: false, missing: [{ productId: 'p-2', name: '光明 鲜牛奶 950ml', ordered: 1, free: 0 }] })]);
  });

  test('[DS10] [DS12] the accept reserves the goods and a cancel releases them; the free count ranks', async () => {
    const before = await stockAt('store-b', 'p-1');
    const orderId = (await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 2 }] })).id;
    await hq().orders.dispatch({ orderId, storeId: 'store-b' });
    await accept(managerB, orderId);
    expect(await stockAt('store-b', 'p-1')).toEqual({ quantity: before!.quantity, reserved: before!.reserved + 2 });
    const next = (await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] })).id;
    const { candidates } = await hq().orders.candidateStores({ orderId: next });
    expect(candidates.find((c) => c.storeId === 'store-b')).toMatchObject({ hasAllStock: false, missing: [expect.objectContaining({ free: 0 })] });
    await hq().orders.cancel({ orderId, reason: '客户取消' });
    expect(await stockAt('store-b', 'p-1')).toEqual(before);
  });

  test('[DS4] a store whose device pulled a minute ago shows online', async () => {
    await database.db.execute(sql`UPDATE sync_clients SET updated_at = now() - interval '10 minutes'`);
    await auto.caller(managerA).sync.pull({ clientId: randomUUID(), cursor: null });
    const orderId = (await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] })).id;
    // The database's clock stamps the device; rank at the real time, not the test's.
    const realTime = testServer(database.db);
    const ranked = await realTime.caller(await realTime.login('hq')).orders.candidateStores({ orderId });
    expect(ranked.candidates.find((c) => c.storeId === 'store-a')).toMatchObject({ online: true });
    expect(ranked.candidates.find((c) => c.storeId === 'store-b')).toMatchObject({ online: false });
  });

  test('[DS1] a closed store cannot be offered an order; the refusal names the field and changes nothing', async () => {
    const orderId = (await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] })).id;
    await database.db.update(stores).set({ open: false }).where(eq(stores.id, 'store-b'));
    try {
      const error = await hq().orders.dispatch({ orderId, storeId: 'store-b' }).catch((e: { code: string; message: string }) => e);
      expect(error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('storeId') });
      expect(await stateOf(orderId)).toMatchObject({ status: 'received', storeId: null });
      expect((await hq().orders.candidateStores({ orderId })).leftOut).toContainEqual(expect.objectContaining({ storeId: 'store-b', why: 'closed' }));
    } finally {
      await database.db.update(stores).set({ open: true }).where(eq(stores.id, 'store-b'));
    }
  });

  test('[DS1] abuse: a store id with U+0000 or a lone surrogate is refused with the field, never a 500', async () => {
    const orderId = (await hq().orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] })).id;
    for (const storeId of ['store-a\u0000', '\uD800', '', 'x'.repeat(65)]) {
      const error = await hq().orders.dispatch({ orderId, storeId }).catch((e: { code: string; message: string }) => e);
      expect(error).toMatchObject({ code: 'BAD_REQUEST' });
      expect((error as { message: string }).message).not.toMatch(/select|failed query/i);
    }
    expect(await stateOf(orderId)).toMatchObject({ status: 'received', storeId: null });
  });

  test('[SEC] a store user cannot read dispatch notices', async () => {
    expect(await codeOf(auto.caller(managerA).dispatch.waiting())).toBe('FORBIDDEN');
    const [row] = await rowsOf<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM dispatch_notices`);
    expect(row!.n).toBeGreaterThan(0);
  });
});
