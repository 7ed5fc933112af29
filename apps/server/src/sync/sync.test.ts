import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Mutation } from '@repo/sync/protocol';
import type { OpenDatabase } from '../db/database.js';
import { orderEvents, syncClients } from '../db/schema.js';
import { codeOf, offerNewOrder, seedTestChain, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';

describeWithDatabase(`[SY] push and pull on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let server: TestServer;
  let hqToken = '';
  let managerToken = '';
  const hq = () => server.caller(hqToken);
  const manager = () => server.caller(managerToken);

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    server = testServer(database.db);
    hqToken = await server.login('hq');
    managerToken = await server.login('a.manager');
  }, 60_000);
  afterAll(() => database?.close());

  const offeredOrder = (storeId = 'store-a') => offerNewOrder(hq(), storeId);
  const accept = (id: number, orderId: string): Mutation => ({ id, name: 'offer.accept', version: 1, args: { orderId }, createdAt: new Date().toISOString() });
  const decline = (id: number, orderId: string): Mutation => ({ id, name: 'offer.decline', version: 2, args: { orderId, reason: 'out_of_stock' }, createdAt: new Date().toISOString() });
  async function eventsOf(orderId: string, type: string): Promise<number> {
    const [row] = await database.db.select({ n: count() }).from(orderEvents).where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, type)));
    return row?.n ?? 0;
  }
  async function lastMutationId(clientId: string): Promise<number | undefined> {
    const [row] = await database.db.select().from(syncClients).where(eq(syncClients.clientId, clientId));
    return row?.lastMutationId;
  }

  test('[SY4] a mutation is applied once and its replay is answered with the original outcome', async () => {
    const clientId = randomUUID();
    const orderId = await offeredOrder();
    const first = await manager().sync.push({ clientId, mutations: [accept(1, orderId)] });
    const replay = await manager().sync.push({ clientId, mutations: [accept(1, orderId)] });
    expect(first).toEqual({ lastMutationId: 1, outcomes: [{ id: 1, status: 'applied' }] });
    expect(replay).toEqual({ lastMutationId: 1, outcomes: [{ id: 1, status: 'already_applied', original: 'applied' }] });
    expect(await eventsOf(orderId, 'accept')).toBe(1);
  });

  test('[SY36] later mutations in a push see what earlier ones did; history keeps their order', async () => {
    const clientId = randomUUID();
    const [a, b] = [await offeredOrder(), await offeredOrder()];
    const result = await manager().sync.push({ clientId, mutations: [accept(1, b), accept(2, a), accept(3, a), decline(4, b)] });
    expect(result.outcomes).toEqual([
      { id: 1, status: 'applied' },
      { id: 2, status: 'applied' },
      { id: 3, status: 'rejected', rejection: expect.objectContaining({ reason: 'TRANSITION_NOT_ALLOWED', details: expect.objectContaining({ status: 'accepted', event: 'accept' }) }) },
      { id: 4, status: 'rejected', rejection: expect.objectContaining({ reason: 'TRANSITION_NOT_ALLOWED', details: expect.objectContaining({ status: 'accepted', event: 'decline' }) }) },
    ]);
    const history = await database.db.select({ orderId: orderEvents.orderId, type: orderEvents.type }).from(orderEvents)
      .where(inArray(orderEvents.orderId, [a, b])).orderBy(asc(orderEvents.id));
    expect(history.map((h) => `${h.orderId === a ? 'a' : 'b'}:${h.type}`)).toEqual(['a:create', 'a:offer', 'b:create', 'b:offer', 'b:accept', 'a:accept']);
    const replay = await manager().sync.push({ clientId, mutations: [accept(3, a), decline(4, b), accept(5, a)] });
    expect(replay.outcomes.map((o) => o.status)).toEqual(['already_applied', 'already_applied', 'rejected']);
    expect(replay.outcomes[1]).toMatchObject({ original: 'rejected', rejection: { reason: 'TRANSITION_NOT_ALLOWED' } });
  });

  test('[SY37] one push moves its store\'s cursor by one, and the next pull carries every order it changed', async () => {
    const clientId = randomUUID();
    const ids = [await offeredOrder(), await offeredOrder(), await offeredOrder()];
    const before = await manager().sync.pull({ clientId, cursor: null });
    await manager().sync.push({ clientId, mutations: [accept(1, ids[0]!), decline(2, ids[1]!), accept(3, ids[2]!)] });
    const after = await manager().sync.pull({ clientId, cursor: before.cursor });
    expect(after.cursor).toBe(before.cursor + 1);
    expect(after.puts.map((o) => [o.id, o.status]).sort()).toEqual([[ids[0], 'accepted'], [ids[2], 'accepted']].sort());
    expect(after.deletes).toEqual([ids[1]]);
    expect(after.lastMutationId).toBe(3);
  });

  test('[SY38] an unknown order is refused exactly like another store\'s order, and the rest of the push goes through', async () => {
    const clientId = randomUUID();
    const [theirs, ours] = [await offeredOrder('store-b'), await offeredOrder()];
    const result = await manager().sync.push({ clientId, mutations: [accept(1, 'o-does-not-exist'), accept(2, theirs), accept(3, ours)] });
    expect(result.outcomes[0]).toEqual({ ...result.outcomes[1], id: 1 });
    expect(result.outcomes[1]).toMatchObject({ status: 'rejected', rejection: { reason: 'WRONG_STORE' } });
    expect(result.outcomes[2]).toEqual({ id: 3, status: 'applied' });
    expect(await eventsOf(theirs, 'accept')).toBe(0);
  });

  test('[SY5] a gap in mutation ids is refused and changes nothing', async () => {
    const clientId = randomUUID();
    const orderId = await offeredOrder();
    expect(await codeOf(manager().sync.push({ clientId, mutations: [accept(2, orderId)] }))).toBe('CONFLICT');
    const error = await manager().sync.push({ clientId, mutations: [accept(2, orderId)] }).catch((e: { cause?: { expected?: number } }) => e);
    expect(error).toMatchObject({ cause: { expected: 1 } });
    expect(await eventsOf(orderId, 'accept')).toBe(0);
    expect(await lastMutationId(clientId) ?? 0).toBe(0);
  });

  test('[SY6] pushes that arrive reordered apply once each, in id order', async () => {
    const clientId = randomUUID();
    const [a, b] = [await offeredOrder(), await offeredOrder()];
    expect(await codeOf(manager().sync.push({ clientId, mutations: [accept(2, b)] }))).toBe('CONFLICT');
    await manager().sync.push({ clientId, mutations: [accept(1, a)] });
    await manager().sync.push({ clientId, mutations: [accept(1, a), accept(2, b)] });
    expect([await eventsOf(a, 'accept'), await eventsOf(b, 'accept'), await lastMutationId(clientId)]).toEqual([1, 1, 2]);
  });

  test('[SY5] a push whose ids skip or go backwards inside it is refused whole, and changes nothing', async () => {
    const clientId = randomUUID();
    const [a, b] = [await offeredOrder(), await offeredOrder()];
    expect(await codeOf(manager().sync.push({ clientId, mutations: [accept(1, a), accept(3, b)] }))).toBe('CONFLICT');
    expect(await codeOf(manager().sync.push({ clientId, mutations: [accept(2, b), accept(1, a)] }))).toBe('CONFLICT');
    expect([await eventsOf(a, 'accept'), await eventsOf(b, 'accept'), (await lastMutationId(clientId)) ?? 0]).toEqual([0, 0, 0]);
  });

  test('[SY7] a business rejection rolls back its effects, spends its id, and does not block the actions behind it', async () => {
    const clientId = randomUUID();
    const [cancelled, fine] = [await offeredOrder(), await offeredOrder()];
    await hq().orders.cancel({ orderId: cancelled, reason: '客户取消' });
    const result = await manager().sync.push({ clientId, mutations: [accept(1, cancelled), accept(2, fine)] });
    expect(result.outcomes).toEqual([
      { id: 1, status: 'rejected', rejection: { reason: 'TRANSITION_NOT_ALLOWED', message: expect.stringMatching(/cancelled/), details: expect.objectContaining({ status: 'cancelled', event: 'accept', byName: expect.any(String) }) } },
      { id: 2, status: 'applied' },
    ]);
    expect(await eventsOf(cancelled, 'accept')).toBe(0);
    const replay = await manager().sync.push({ clientId, mutations: [accept(1, cancelled)] });
    expect(replay.outcomes[0]).toMatchObject({ status: 'already_applied', original: 'rejected', rejection: { reason: 'TRANSITION_NOT_ALLOWED' } });
  });

  test('[SY8] an unknown action or bad arguments is a rejection with a reason, not a stuck queue', async () => {
    const clientId = randomUUID();
    const result = await manager().sync.push({
      clientId,
      mutations: [{ id: 1, name: 'order.teleport', version: 1, args: {}, createdAt: new Date().toISOString() }],
    });
    expect(result.outcomes[0]).toMatchObject({ status: 'rejected', rejection: { reason: 'INVALID_ACTION' } });
    expect(await lastMutationId(clientId)).toBe(1);
  });

  test('[SY9] the same push sent twice at once is still applied exactly once', async () => {
    const clientId = randomUUID();
    const orderId = await offeredOrder();
    const results = await Promise.all([1, 2, 3].map(() => manager().sync.push({ clientId, mutations: [accept(1, orderId)] })));
    expect(results.filter((r) => r.outcomes[0]?.status === 'applied')).toHaveLength(1);
    expect(await eventsOf(orderId, 'accept')).toBe(1);
  });

  test('[SY10] pull: a first pull is a reset, later pulls carry only changes and deletions since the cursor', async () => {
    const clientId = randomUUID();
    const first = await manager().sync.pull({ clientId, cursor: null });
    expect(first.reset).toBe(true);
    const kept = await offeredOrder();
    const leaving = await offeredOrder();
    const second = await manager().sync.pull({ clientId, cursor: first.cursor });
    expect(second.reset).toBe(false);
    expect(second.puts.map((o) => o.id).sort()).toEqual([kept, leaving].sort());
    await manager().sync.push({ clientId, mutations: [decline(1, leaving)] });
    const third = await manager().sync.pull({ clientId, cursor: second.cursor });
    expect(third).toMatchObject({ reset: false, puts: [], deletes: [leaving], lastMutationId: 1 });
    const nothing = await manager().sync.pull({ clientId, cursor: third.cursor });
    expect(nothing).toMatchObject({ reset: false, puts: [], deletes: [], cursor: third.cursor });
  });

  test('[SY11] a cursor ahead of the server (a restore went back in time) gets a full reset', async () => {
    const clientId = randomUUID();
    const now = await manager().sync.pull({ clientId, cursor: null });
    const ahead = await manager().sync.pull({ clientId, cursor: now.cursor + 1000 });
    expect(ahead.reset).toBe(true);
    expect(ahead.cursor).toBe(now.cursor);
    expect(ahead.puts.map((o) => o.id).sort()).toEqual(now.puts.map((o) => o.id).sort());
  });

  test('[SY12] a cancelled order is deleted from the store on the next pull', async () => {
    const clientId = randomUUID();
    const orderId = await offeredOrder();
    const before = await manager().sync.pull({ clientId, cursor: null });
    await hq().orders.cancel({ orderId, reason: '客户取消' });
    const after = await manager().sync.pull({ clientId, cursor: before.cursor });
    expect(after.deletes).toContain(orderId);
  });

  test('[SY13] previous action versions still apply (decline v1 has no reason)', async () => {
    const clientId = randomUUID();
    const orderId = await offeredOrder();
    const result = await manager().sync.push({ clientId, mutations: [{ id: 1, name: 'offer.decline', version: 1, args: { orderId }, createdAt: new Date().toISOString() }] });
    expect(result.outcomes[0]).toEqual({ id: 1, status: 'applied' });
    expect((await hq().orders.get({ orderId })).order).toMatchObject({ status: 'received', declinedBy: ['store-a'] });
  });

  test('[SY46] one handheld, two people: each person\'s chain of ids is applied once and in order, gaps in between are other people\'s', async () => {
    const [a, b, c] = [await offeredOrder(), await offeredOrder(), await offeredOrder()];
    const mine = randomUUID();
    const chained = (id: number, prev: number, orderId: string): Mutation => ({ ...accept(id, orderId), prev });
    // Ids 1 and 4 are this person's; 2 and 3 were someone else's on the same device.
    expect(await manager().sync.push({ clientId: mine, mutations: [chained(1, 0, a), chained(4, 1, b)] }))
      .toEqual({ lastMutationId: 4, outcomes: [{ id: 1, status: 'applied' }, { id: 4, status: 'applied' }] });
    // A replay of the same chain is answered with the first outcomes.
    expect((await manager().sync.push({ clientId: mine, mutations: [chained(4, 1, b), chained(7, 4, c)] })).outcomes)
      .toEqual([{ id: 4, status: 'already_applied', original: 'applied' }, { id: 7, status: 'applied' }]);
    expect(await lastMutationId(mine)).toBe(7);
  });

  test('[SY46] a chain that does not continue what the server has is refused whole, with the id to resend from', async () => {
    const orderId = await offeredOrder();
    const clientId = randomUUID();
    const broken = { ...accept(5, orderId), prev: 3 };
    const error = await manager().sync.push({ clientId, mutations: [broken] }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'CONFLICT' });
    expect(await eventsOf(orderId, 'accept')).toBe(0);
    const inside = await manager().sync.push({ clientId, mutations: [{ ...accept(1, orderId), prev: 0 }, { ...accept(3, orderId), prev: 2 }] }).catch((e: unknown) => e);
    expect(inside).toMatchObject({ code: 'CONFLICT' });
    expect(await eventsOf(orderId, 'accept')).toBe(0);
    expect((await lastMutationId(clientId)) ?? 0).toBe(0);
  });
});
