import { randomUUID } from 'node:crypto';
import { and, count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Mutation } from '@repo/sync/protocol';
import type { OpenDatabase } from '../db/database.js';
import { orderEvents, syncClients, syncOutcomes } from '../db/schema.js';
import { codeOf, offerNewOrder, seedTestChain, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';

describeWithDatabase(`[SEC] sync refuses what it must not trust on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let server: TestServer;
  let hqToken = '';
  let managerA = '';
  let managerB = '';
  const hq = () => server.caller(hqToken);

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    server = testServer(database.db);
    hqToken = await server.login('hq');
    managerA = await server.login('a.manager');
    managerB = await server.login('b.manager');
  }, 60_000);
  afterAll(() => database?.close());

  const offeredOrder = (storeId = 'store-a') => offerNewOrder(hq(), storeId);
  const mutation = (id: number, fields: Record<string, unknown>) => ({ id, createdAt: new Date().toISOString(), ...fields }) as Mutation;
  const accept = (id: number, orderId: string) => mutation(id, { name: 'offer.accept', version: 1, args: { orderId } });
  async function acceptsOf(orderId: string): Promise<number> {
    const [row] = await database.db.select({ n: count() }).from(orderEvents).where(and(eq(orderEvents.orderId, orderId), eq(orderEvents.type, 'accept')));
    return row?.n ?? 0;
  }

  test('[SEC14] an action with text PostgreSQL cannot store, or a malformed one, is rejected on its own and the rest of the push applies', async () => {
    const clientId = randomUUID();
    const [before, after] = [await offeredOrder(), await offeredOrder()];
    const bad = [
      { name: 'offer.accept', version: 1, args: { orderId: 'o\u0000' } },
      { name: 'offer.accept', version: 1, args: { orderId: '\uD800' } },
      { name: 'offer\u0000accept', version: 1, args: { orderId: before } },
      { name: 'offer.decline', version: 2, args: { orderId: before, reason: 'other', ['note\u0000']: 'x' } },
      { name: 'offer.accept', version: '1', args: { orderId: before } },
      { name: 42, version: 1, args: { orderId: before } },
      { version: 1, args: { orderId: before } },
    ];
    const result = await server.caller(managerA).sync.push({
      clientId,
      mutations: [accept(1, before), ...bad.map((fields, i) => mutation(i + 2, fields)), accept(bad.length + 2, after)],
    });
    expect(result.lastMutationId).toBe(bad.length + 2);
    expect(result.outcomes[0]).toEqual({ id: 1, status: 'applied' });
    for (const outcome of result.outcomes.slice(1, -1)) expect(outcome).toMatchObject({ status: 'rejected', rejection: { reason: 'INVALID_ACTION' } });
    expect(result.outcomes.at(-1)).toEqual({ id: bad.length + 2, status: 'applied' });
    expect([await acceptsOf(before), await acceptsOf(after)]).toEqual([1, 1]);
  });

  test('[SEC30] a replayed id with the same action is answered from the record; with another action it is refused, loudly', async () => {
    const clientId = randomUUID();
    const [first, second] = [await offeredOrder(), await offeredOrder()];
    await server.caller(managerA).sync.push({ clientId, mutations: [accept(1, first)] });
    // The same action, its keys in another order: the same action.
    const same = await server.caller(managerA).sync.push({ clientId, mutations: [mutation(1, { args: { orderId: first }, version: 1, name: 'offer.accept' })] });
    expect(same.outcomes).toEqual([{ id: 1, status: 'already_applied', original: 'applied' }]);
    // A clone of the device: its own first action, under the id the original already used.
    const clone = await server.caller(managerA).sync.push({ clientId, mutations: [accept(1, second)] });
    expect(clone.outcomes).toEqual([{ id: 1, status: 'rejected', rejection: expect.objectContaining({ reason: 'MUTATION_ID_REUSED' }) }]);
    expect(await acceptsOf(second)).toBe(0);
    const [row] = await database.db.select().from(syncOutcomes).where(and(eq(syncOutcomes.clientId, clientId), eq(syncOutcomes.mutationId, 1)));
    expect(row?.actionHash).toMatch(/^[0-9a-f]{64}$/);
  });

  test('[SEC45] a pull with another store\'s device id learns nothing of that device', async () => {
    const clientId = randomUUID();
    await server.caller(managerA).sync.push({ clientId, mutations: [accept(1, await offeredOrder()), accept(2, 'no-such-order')] });
    const [device] = await database.db.select().from(syncClients).where(eq(syncClients.clientId, clientId));
    expect(device?.lastMutationId).toBe(2);
    const stranger = await server.caller(managerB).sync.pull({ clientId, cursor: null });
    const unknown = await server.caller(managerB).sync.pull({ clientId: randomUUID(), cursor: null });
    expect(stranger.lastMutationId).toBe(0);
    expect({ ...stranger, serverTime: '' }).toEqual({ ...unknown, serverTime: '' });
  });

  test('[SEC46] an action newer than the server is held: the push changes nothing and is refused so the device keeps it and retries', async () => {
    const clientId = randomUUID();
    const orderId = await offeredOrder();
    const push = server.caller(managerA).sync.push({ clientId, mutations: [accept(1, orderId), mutation(2, { name: 'offer.accept', version: 9, args: { orderId } })] });
    const error = (await push.catch((e: Error) => e)) as Error;
    expect(await codeOf(Promise.reject(error))).toBe('PRECONDITION_FAILED');
    expect(error.message).toMatch(/server is older/);
    expect(await acceptsOf(orderId)).toBe(0);
    const [device] = await database.db.select().from(syncClients).where(eq(syncClients.clientId, clientId));
    expect(device?.lastMutationId ?? 0).toBe(0);
  });
});
