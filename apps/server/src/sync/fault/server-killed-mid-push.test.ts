import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { Mutation, MutationOutcome, PullResponse, PushResponse } from '@repo/sync/protocol';
import type { AppRouter } from '../../routers/app-router.js';
import { describeWithDatabase, testDatabaseKind } from '../../test/test-database.js';
import { createFaultDatabase, type FaultDatabase } from './fault-database.js';
import { startServer, type ServerProcess } from './server-process.js';

const ORDERS = 200;
const BATCH = 50;
const serverStartMs = 45_000;

type Api = TRPCClient<AppRouter>;

interface DiskTruth {
  readonly acceptsPerOrder: Map<string, number>;
  readonly lastMutationId: number | undefined;
  /** sync_outcomes.status of the device's mutations, in id order. */
  readonly outcomes: string[];
}

/**
 * The real server, its real database, a real SIGKILL: a store device pushes 200 accepts in batches
 * of 50, the server dies while the second batch is being applied, and the device, never having heard
 * back, sends everything again from id 1 to the restarted server.
 */
describeWithDatabase(`[SY14] server killed mid-push on ${testDatabaseKind}`, () => {
  const clientId = randomUUID();
  const started: ServerProcess[] = [];
  let database: FaultDatabase | undefined;
  let orderIds: string[] = [];
  let firstBatch: PushResponse;
  let interrupted: PromiseSettledResult<PushResponse>;
  let afterRestart: PullResponse;
  const rePush: MutationOutcome[] = [];
  let onDisk: DiskTruth;

  beforeAll(async () => {
    database = await createFaultDatabase(testDatabaseKind);
    const first = await start(database);
    orderIds = await offerOrders(await signIn(first, 'hq'), ORDERS);
    const device = await signIn(first, 'store01.manager');
    const began = Date.now();
    firstBatch = await device.sync.push.mutate({ clientId, mutations: accepts(1, BATCH) });
    const batchMs = Date.now() - began;

    const inFlight = Promise.allSettled([device.sync.push.mutate({ clientId, mutations: accepts(BATCH + 1, BATCH) })]);
    // Early in applying the second batch: the first batch's time includes warm-up, so half of it can
    // already be past the second's commit; a kill before the batch arrives is still a lost answer.
    await sleep(batchMs / 4);
    await first.stop('SIGKILL');
    [interrupted] = await inFlight;

    const second = await start(database);
    const restartedDevice = await signIn(second, 'store01.manager');
    afterRestart = await restartedDevice.sync.pull.mutate({ clientId, cursor: null });
    console.info(`[SY14] ${testDatabaseKind}: the kill left last_mutation_id at ${afterRestart.lastMutationId} (second batch: ${BATCH + 1}..${2 * BATCH})`);
    for (let from = 1; from <= ORDERS; from += BATCH) {
      rePush.push(...(await restartedDevice.sync.push.mutate({ clientId, mutations: accepts(from, BATCH) })).outcomes);
    }
    await second.stop('SIGTERM'); // PGlite: one process at a time on the directory
    onDisk = await readTruth(database, clientId);
  }, 85_000);

  afterAll(async () => {
    // Always, even when beforeAll failed half-way: no server outlives the suite.
    for (const server of started) await server.stop('SIGKILL').catch((error: unknown) => console.error(error));
    await database?.dispose();
  }, 30_000);

  async function start(db: FaultDatabase): Promise<ServerProcess> {
    const server = await startServer({ env: db.serverEnv, timeoutMs: serverStartMs });
    started.push(server);
    return server;
  }

  const accepts = (from: number, n: number): Mutation[] =>
    Array.from({ length: n }, (_, i) => ({
      id: from + i, name: 'offer.accept', version: 1, args: { orderId: orderIds[from + i - 1]! }, createdAt: new Date().toISOString(),
    }));

  test('[SY14] a push interrupted by SIGKILL is applied exactly once after restart', () => {
    expect(firstBatch.lastMutationId).toBe(BATCH);
    expect(interrupted.status, 'the device must not have heard back from the killed server').toBe('rejected');
    const statuses = new Set(rePush.map((o) => o.status));
    expect([...statuses].every((s) => s === 'applied' || s === 'already_applied')).toBe(true);
    expect(rePush.map((o) => o.id)).toEqual(Array.from({ length: ORDERS }, (_, i) => i + 1));
    expect(orderIds.filter((id) => onDisk.acceptsPerOrder.get(id) !== 1)).toEqual([]);
    expect(onDisk.lastMutationId).toBe(ORDERS);
    expect(onDisk.outcomes).toEqual(Array.from({ length: ORDERS }, () => 'applied'));
  });

  test('[SY4] after the kill, the effects that survived are exactly the mutations up to last_mutation_id', () => {
    const last = afterRestart.lastMutationId;
    expect(last).toBeGreaterThanOrEqual(BATCH);
    expect(last).toBeLessThanOrEqual(2 * BATCH);
    const status = new Map(afterRestart.puts.map((o) => [o.id, o.status]));
    expect(orderIds.map((id) => status.get(id))).toEqual(orderIds.map((_, i) => (i < last ? 'accepted' : 'offered')));
    // The replay answers what was applied before the kill; nothing after it is claimed as applied.
    expect(rePush.filter((o) => o.status === 'already_applied').map((o) => o.id)).toEqual(Array.from({ length: last }, (_, i) => i + 1));
    expect(rePush.filter((o) => o.status === 'already_applied' && o.original !== 'applied')).toEqual([]);
  });
});

async function signIn(server: ServerProcess, username: string): Promise<Api> {
  const anonymous = api(server.trpcUrl, null);
  const { token } = await anonymous.auth.login.mutate({ username, password: 'demo1234' });
  return api(server.trpcUrl, token);
}

function api(url: string, token: string | null): Api {
  return createTRPCClient<AppRouter>({
    // The server refuses batches over its maxBatchSize (docs/security.md SEC15).
    links: [httpBatchLink({ url, maxItems: 10, headers: () => (token ? { authorization: `Bearer ${token}` } : {}) })],
  });
}

/** Head office creates `n` orders and offers each to store-01; returns their ids in creation order. */
async function offerOrders(hq: Api, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let from = 0; from < n; from += 25) {
    const chunk = Array.from({ length: Math.min(25, n - from) }, (_, k) => from + k);
    const orders = await Promise.all(chunk.map((i) => hq.orders.create.mutate({
      customerId: `c-${String((i % 200) + 1).padStart(3, '0')}`,
      lines: [{ productId: `p-${String((i % 300) + 1).padStart(3, '0')}`, quantity: 1 }],
    })));
    await Promise.all(orders.map((o) => hq.orders.dispatch.mutate({ orderId: o.id, storeId: 'store-01' })));
    ids.push(...orders.map((o) => o.id));
  }
  return ids;
}

/** Reads the outcome straight from the database, with no server in between. */
async function readTruth(database: FaultDatabase, clientId: string): Promise<DiskTruth> {
  const sql = await database.openSql();
  try {
    const accepts = await sql.query<{ order_id: string; n: number }>(`SELECT order_id, count(*)::int AS n FROM order_events WHERE type = 'accept' GROUP BY order_id`);
    const [client] = await sql.query<{ last: number }>(`SELECT last_mutation_id::int AS last FROM sync_clients WHERE client_id = $1`, [clientId]);
    const outcomes = await sql.query<{ status: string }>(`SELECT status FROM sync_outcomes WHERE client_id = $1 ORDER BY mutation_id`, [clientId]);
    return { acceptsPerOrder: new Map(accepts.map((r) => [r.order_id, r.n])), lastMutationId: client?.last, outcomes: outcomes.map((r) => r.status) };
  } finally {
    await sql.close();
  }
}
