import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, expect, test } from 'vitest';
import { defaultLateLimits, lateness, transition } from '@repo/domain';
import { saveTransitions } from '../db/order-rows.js';
import { hashPassword } from '../auth/password.js';
import { rowsOf, type OpenDatabase } from '../db/database.js';
import { orderEvents, orders, users } from '../db/schema.js';
import { storeDevice } from '../test/store-device.js';
import { codeOf, seedTestChain, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';

const minute = 60_000;

/** The board, its late warnings and the hand-over (docs/board.md). The clock is the test's: `at(minutes)` moves it. */
describeWithDatabase(`[BD] board, late warnings and hand-over on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let server: TestServer;
  const start = new Date('2026-11-30T02:00:00.000Z');
  let clock = start;
  const at = (minutes: number) => (clock = new Date(start.getTime() + minutes * minute));
  const tokens: Record<string, string> = {};
  const as = (user: string) => server.caller(tokens[user]!);

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    await database.db.insert(users).values({ id: 'u-hq2', username: 'hq2', displayName: '总部二', role: 'hq', storeId: null, passwordHash: await hashPassword('test-password') });
    server = testServer(database.db, () => clock);
    for (const user of ['hq', 'hq2', 'a.manager', 'b.manager']) tokens[user] = await server.login(user);
  }, 60_000);
  afterAll(() => database?.close());
  // Each test starts from an empty board: earlier tests' orders are closed off by cancelling them in SQL.
  beforeEach(async () => {
    at(0);
    await database.db.execute(sql`UPDATE orders SET status = 'cancelled' WHERE status <> 'cancelled'`);
  });

  async function take(as_ = 'hq') {
    return as(as_).orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] });
  }

  async function statusSince(orderId: string): Promise<string> {
    const [row] = await database.db.select({ since: orders.statusSince }).from(orders).where(eq(orders.id, orderId));
    return row!.since.toISOString();
  }

  test('[BD1] an order taken on the console is owned by the agent who took it, and the column refuses an order without an owner', async () => {
    const order = await take('hq2');
    expect((await as('hq').orders.get({ orderId: order.id })).owner).toEqual({ userId: 'u-hq2', name: '总部二' });
    const row = { ...(await database.db.select().from(orders).where(eq(orders.id, order.id)))[0]!, id: 'no-owner', number: 'T-no-owner' };
    await expect(database.db.insert(orders).values({ ...row, ownerUserId: null as unknown as string })).rejects.toThrow();
  });

  test('[BD1] every path that creates orders goes through insertOrder, which takes the owner', () => {
    const src = path.resolve(import.meta.dirname, '..');
    const writers = sourceFiles(src).filter((file) => /insert\(orders\)|INSERT INTO orders\b/i.test(readFileSync(file, 'utf8')));
    expect(writers.map((f) => path.relative(src, f))).toEqual(['db/order-rows.ts']);
    const callers = sourceFiles(src).filter((file) => /insertOrder\(/.test(readFileSync(file, 'utf8')));
    for (const file of callers) {
      for (const call of readFileSync(file, 'utf8').matchAll(/insertOrder\(([^)]*)\)/g)) expect(call[1]!.split(',').length, file).toBe(4);
    }
  });

  test('[BD3] status_since moves with the status and only with it', async () => {
    const order = await take();
    expect(await statusSince(order.id)).toBe(start.toISOString());
    at(3);
    await as('hq').orders.dispatch({ orderId: order.id, storeId: 'store-a' });
    expect(await statusSince(order.id)).toBe(clock.toISOString());
    at(4);
    await as('hq').orders.handOver({ toUserId: 'u-hq2' });
    expect(await statusSince(order.id), 'a hand-over is not a new state').toBe(at(3).toISOString());
    at(6);
    await storeDevice(server, tokens['a.manager']!).send('offer.accept', { orderId: order.id });
    expect(await statusSince(order.id)).toBe(clock.toISOString());
  });

  test('[BD3] a decline and a re-offer saved together start a new offer, though the status ends where it began', async () => {
    const taken = await take();
    at(1);
    await as('hq').orders.dispatch({ orderId: taken.id, storeId: 'store-a' });
    const offered = (await as('hq').orders.get({ orderId: taken.id })).order;
    at(4);
    const declined = transition(offered, { type: 'decline', reason: 'out_of_stock' }, { actor: { role: 'store_manager', userId: 'u-a-m', storeId: 'store-a' }, now: clock });
    if (!declined.ok) throw new Error(declined.rejection.message);
    const reoffer = { type: 'offer' as const, storeId: 'store-b', offerExpiresAt: new Date(clock.getTime() + 15 * minute).toISOString() };
    const reoffered = transition(declined.value, reoffer, { actor: { role: 'system' }, now: clock });
    if (!reoffered.ok) throw new Error(reoffered.rejection.message);
    await database.db.transaction((tx) => saveTransitions(tx, [
      { before: offered, after: declined.value, event: { type: 'decline', reason: 'out_of_stock' }, actorUserId: 'u-a-m' },
      { before: declined.value, after: reoffered.value, event: reoffer, actorUserId: null },
    ]));
    expect(reoffered.value.status).toBe('offered');
    expect(await statusSince(taken.id)).toBe(clock.toISOString());
  });

  test('[BD4][BD5] each state is late after its limit, and before delivery the promise wins when it comes first', async () => {
    const pda = storeDevice(server, tokens['a.manager']!);
    const received = await take();
    const offered = await take();
    const picking = await take();
    await as('hq').orders.dispatch({ orderId: offered.id, storeId: 'store-a' });
    await as('hq').orders.dispatch({ orderId: picking.id, storeId: 'store-a' });
    await pda.send('offer.accept', { orderId: picking.id });
    await pda.send('pick.start', { orderId: picking.id, device: pda.clientId });

    const rowsAt = async (minutes: number) => {
      at(minutes);
      return new Map((await as('hq').orders.board({})).rows.map((r) => [r.id, r]));
    };
    let rows = await rowsAt(4);
    expect([...rows.values()].map((r) => r.late)).toEqual([false, false, false]);
    rows = await rowsAt(5); // received and offered limits are 5 minutes: both late at exactly 5
    expect(rows.get(received.id)).toMatchObject({ late: true, lateReason: 'state', status: 'received' });
    expect(rows.get(offered.id)).toMatchObject({ late: true, lateReason: 'state', status: 'offered' });
    expect(rows.get(picking.id)).toMatchObject({ late: false, lateReason: 'state', dueAt: new Date(start.getTime() + 15 * minute).toISOString() });
    rows = await rowsAt(16);
    expect(rows.get(picking.id)).toMatchObject({ late: true, lateReason: 'state' });
    // Late first, the most overdue first: all three are due at 5 or 15 minutes.
    expect([...rows.keys()].at(-1)).toBe(picking.id);

    // The same answers as the domain's rule, for every row.
    for (const row of rows.values()) {
      const rule = lateness({ status: row.status, statusSince: new Date(row.statusSince), promisedAt: row.promisedAt ? new Date(row.promisedAt) : null }, defaultLateLimits, clock);
      expect({ late: row.late, reason: row.lateReason, dueAt: row.dueAt }).toEqual({ late: rule.late, reason: rule.reason, dueAt: rule.dueAt?.toISOString() ?? null });
    }
  });

  test('[BD5] out for delivery past its promise is late for the promise; delivered waits to be closed on its own limit', async () => {
    const pda = storeDevice(server, tokens['a.manager']!);
    const order = await take();
    await as('hq').orders.dispatch({ orderId: order.id, storeId: 'store-a' });
    await pda.send('offer.accept', { orderId: order.id });
    await pda.send('pick.start', { orderId: order.id, device: pda.clientId });
    await pda.send('pick.finish', { orderId: order.id, device: pda.clientId, picked: [{ productId: 'p-1', quantity: 1, lots: [{ lot: 'L1', expiry: '2027-01-31', quantity: 1 }] }] });
    await pda.send('handoff.assign', { orderId: order.id, clerk: { userId: 'u-a-c', storeId: 'store-a' } });
    at(59);
    let [row] = (await as('hq').orders.board({})).rows;
    expect(row).toMatchObject({ status: 'out_for_delivery', late: false, lateReason: 'promise', promisedAt: new Date(start.getTime() + 60 * minute).toISOString() });
    at(65);
    [row] = (await as('hq').orders.board({ lateOnly: true })).rows;
    expect(row).toMatchObject({ id: order.id, late: true, lateReason: 'promise' });
    // Delivered: the promise no longer binds it; 待结单 is late 30 minutes after delivery.
    const { deliveryCode } = await as('hq').orders.get({ orderId: order.id });
    const clerk = storeDevice(server, await server.login('a.clerk'));
    const closed = await clerk.send('delivery.close', {
      orderId: order.id, at: clock.toISOString(), code: deliveryCode, photo: { sha256: 'd'.repeat(64), type: 'image/jpeg', bytes: 2048 },
      position: { lat: 31.19, lng: 121.44, accuracyM: 18 }, collectedFen: 200,
    });
    expect(closed).toMatchObject({ status: 'applied' });
    [row] = (await as('hq').orders.board({})).rows;
    expect(row).toMatchObject({ status: 'delivered', late: false, lateReason: 'state', dueAt: new Date(clock.getTime() + 30 * minute).toISOString() });
    at(65 + 30);
    expect((await as('hq').orders.board({ statuses: ['delivered'] })).rows[0]).toMatchObject({ late: true });
  });

  test('[BD4] the limits are the server\'s settings', async () => {
    const order = await take();
    at(2);
    expect((await as('hq').orders.board({})).rows[0]!.late).toBe(false);
    const board = await testServer(database.db, () => clock, { lateLimits: { received: 1 } }).caller(tokens.hq!).orders.board({});
    expect(board.rows[0]).toMatchObject({ id: order.id, late: true, lateReason: 'state' });
    expect(board.limits).toEqual({ received: 1 });
  });

  test('[BD6][BD7] filters: states, store, owner, mine, late only; counts for the header under the store and owner filters', async () => {
    const a1 = await take();
    const a2 = await take();
    const b1 = await take('hq2');
    const fresh = await take('hq2');
    await as('hq').orders.dispatch({ orderId: a1.id, storeId: 'store-a' });
    await as('hq').orders.dispatch({ orderId: a2.id, storeId: 'store-a' });
    await as('hq').orders.dispatch({ orderId: b1.id, storeId: 'store-b' });
    at(10);
    // Taken later: not late yet.
    await database.db.update(orders).set({ statusSince: clock }).where(eq(orders.id, fresh.id));
    const ids = (board: { rows: { id: string }[] }) => board.rows.map((r) => r.id).sort();

    const all = await as('hq').orders.board({});
    expect(all).toMatchObject({ total: 4, counts: { offered: 3, received: 1 }, late: 3, mine: 2 });
    expect(all.rows.at(-1)!.id, 'the one not late comes last').toBe(fresh.id);
    expect(ids(await as('hq').orders.board({ statuses: ['offered'] }))).toEqual([a1.id, a2.id, b1.id].sort());
    expect(ids(await as('hq').orders.board({ storeId: 'store-b' }))).toEqual([b1.id]);
    expect(ids(await as('hq').orders.board({ mine: true }))).toEqual([a1.id, a2.id].sort());
    expect(ids(await as('hq2').orders.board({ mine: true }))).toEqual([b1.id, fresh.id].sort());
    expect(ids(await as('hq').orders.board({ ownerUserId: 'u-hq2', lateOnly: true }))).toEqual([b1.id]);
    const storeA = await as('hq').orders.board({ storeId: 'store-a', statuses: ['received'] });
    expect(storeA).toMatchObject({ total: 0, counts: { offered: 2 }, late: 2 });
    const page = await as('hq').orders.board({ limit: 1 });
    expect(page.rows).toHaveLength(1);
    expect(page.total).toBe(4);
    expect(all.rows.find((r) => r.id === b1.id)).toMatchObject({ storeName: '陆家嘴店', ownerName: '总部二', customerName: '王芳' });
  });

  test('[BD6] closed and cancelled orders are off the board; a delivered one stays (待结单)', async () => {
    const order = await take();
    await as('hq').orders.cancel({ orderId: order.id, reason: '顾客取消' });
    expect((await as('hq').orders.board({})).total).toBe(0);
    expect(await codeOf(as('hq').orders.board({ statuses: ['closed'] as never }))).toBe('BAD_REQUEST');
  });

  test('[BD9] a hand-over moves every open order of the owner at once, each with an owner_change entry', async () => {
    const one = await take();
    const two = await take();
    const others = await take('hq2');
    const done = await take();
    await as('hq').orders.cancel({ orderId: done.id, reason: '顾客取消' });
    at(7);
    const result = await as('hq').orders.handOver({ toUserId: 'u-hq2' });
    expect(result).toEqual({ moved: 2, toUserId: 'u-hq2', toName: '总部二' });
    expect(ids(await as('hq2').orders.board({ mine: true }))).toEqual([one.id, two.id, others.id].sort());
    expect((await as('hq').orders.board({ mine: true })).total).toBe(0);
    const [cancelled] = await database.db.select({ owner: orders.ownerUserId }).from(orders).where(eq(orders.id, done.id));
    expect(cancelled!.owner, 'a finished order keeps the owner who finished it').toBe('u-hq');
    const history = (await as('hq2').orders.get({ orderId: one.id })).history.filter((h) => h.type === 'owner_change');
    expect(history).toEqual([expect.objectContaining({
      fromStatus: 'received', toStatus: 'received', at: clock.toISOString(),
      actor: expect.objectContaining({ userId: 'u-hq' }), details: { fromUserId: 'u-hq', toUserId: 'u-hq2', reason: 'handover' },
    })]);
  });

  test('[BD9] a hand-over of a selection moves only those', async () => {
    const one = await take();
    const two = await take();
    expect(await as('hq').orders.handOver({ toUserId: 'u-hq2', orderIds: [two.id] })).toMatchObject({ moved: 1 });
    expect(ids(await as('hq').orders.board({ mine: true }))).toEqual([one.id]);
  });

  test('[BD9] refusals change nothing: unknown user, store staff, oneself, an order not one\'s own, bad input', async () => {
    const mine = await take();
    const theirs = await take('hq2');
    const before = await snapshot();
    const refused = [
      [{ toUserId: 'no-such-user' }, 'toUserId'],
      [{ toUserId: 'u-a-m' }, 'toUserId'],
      [{ toUserId: 'u-hq' }, 'toUserId'],
      [{ toUserId: 'u-hq2', orderIds: [mine.id, theirs.id] }, 'orderIds.1'],
      [{ toUserId: 'u-hq2', orderIds: [mine.id, 'no-such-order'] }, 'orderIds.1'],
      [{ toUserId: 'u-hq2', orderIds: [] }, 'orderIds'],
      [{ toUserId: '' }, 'toUserId'],
      [{ toUserId: 'u-hq2\u0000' }, 'toUserId'],
    ] as const;
    for (const [input, field] of refused) {
      const error = await as('hq').orders.handOver(input as never).then(() => null, (e: Error) => e);
      expect(error, JSON.stringify(input)).toMatchObject({ code: 'BAD_REQUEST' });
      expect(fieldsOf(error!), JSON.stringify(input)).toContain(field);
    }
    expect(await snapshot()).toEqual(before);
    // Store staff cannot hand over at all.
    expect(await codeOf(as('a.manager').orders.handOver({ toUserId: 'u-hq2' }))).toBe('FORBIDDEN');
  });

  test('[BD8] the owner list names head-office staff with their open orders', async () => {
    await take();
    await take('hq2');
    await take('hq2');
    expect(await as('hq').orders.owners()).toEqual([
      { userId: 'u-hq2', name: '总部二', openOrders: 2 },
      { userId: 'u-hq', name: '总部', openOrders: 1 },
    ].sort((a, b) => a.name.localeCompare(b.name) || a.userId.localeCompare(b.userId)));
  });

  function ids(board: { rows: { id: string }[] }) {
    return board.rows.map((r) => r.id).sort();
  }

  async function snapshot() {
    const owners = await database.db.select({ id: orders.id, owner: orders.ownerUserId }).from(orders).orderBy(orders.id);
    const [events] = await rowsOf<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM ${orderEvents}`);
    return { owners, events: events!.n };
  }
});

/** The fields a refusal names: a schema's or the storable-text check's issue paths, or the field our own checks put first. */
function fieldsOf(error: Error): string[] {
  const issues = (error.cause as { issues?: { path: (string | number)[] }[] } | undefined)?.issues;
  return issues ? issues.map((i) => i.path.join('.')) : [error.message.split(':')[0]!];
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return name === 'test' ? [] : sourceFiles(file);
    return file.endsWith('.ts') && !file.endsWith('.test.ts') ? [file] : [];
  });
}
