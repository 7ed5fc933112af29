import { setTimeout as sleep } from 'node:timers/promises';
import { createTRPCClient, httpBatchLink, type TRPCClient } from '@trpc/client';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { AppRouter } from '../routers/app-router.js';
import { createPostgresDatabase, type FaultDatabase } from '../sync/fault/fault-database.js';
import { startServer, type ServerProcess } from '../sync/fault/server-process.js';
import { testDatabaseKind } from '../test/test-database.js';
import { haproxyPath, startHaproxy, type RunningHaproxy } from './haproxy.js';
import { NodeStoreDevice } from './node-store-device.js';

const skipReason = testDatabaseKind !== 'postgres' ? 'PostgreSQL only: PGlite has one process'
  : !process.env.DATABASE_URL ? 'PostgreSQL leg skipped: DATABASE_URL is not set'
  : !haproxyPath() ? 'HAProxy is not installed: apt-get install haproxy (the test command does it as root)'
  : null;
const describeScaleOut: typeof describe = skipReason
  ? (((name: string, fn: () => void) => describe.skip(`${name} (${skipReason})`, fn)) as typeof describe)
  : describe;

type Api = TRPCClient<AppRouter>;
const store = 'store-01';

/**
 * Two real server processes on one PostgreSQL behind a real HAProxy: a store device on one, head
 * office on the other ([SO4]); then the device's process is killed ([SO5]).
 */
describeScaleOut('[SO] two server processes behind HAProxy on one PostgreSQL', () => {
  let database: FaultDatabase | undefined;
  const processes = new Map<string, ServerProcess>();
  let balancer: RunningHaproxy | undefined;
  let device: NodeStoreDevice;
  let hq: Api;
  let deviceOn = '';
  let hqOn = '';

  beforeAll(async () => {
    database = await createPostgresDatabase(process.env.DATABASE_URL!);
    // Both start at once on the empty database: migrations and demo data must not collide.
    const [a, b] = await Promise.all(['a', 'b'].map((name) => startServer({ env: database!.serverEnv, timeoutMs: 60_000 }).then((p) => {
      processes.set(name, p);
      return p;
    })));
    balancer = await startHaproxy({ servers: [a!, b!].map((p, i) => ({ name: i === 0 ? 'a' : 'b', ...hostAndPort(p) })) });
    const token = await NodeStoreDevice.signIn(balancer.baseUrl, 'store01.manager');
    device = new NodeStoreDevice({ baseUrl: balancer.baseUrl, token });
    await device.connect();
    deviceOn = device.servedBy[0]!;
    hqOn = deviceOn === 'a' ? 'b' : 'a';
    hq = await signIn(processes.get(hqOn)!.trpcUrl, 'hq');
  }, 90_000);

  afterAll(async () => {
    device?.close();
    await balancer?.stop();
    for (const p of processes.values()) await p.stop('SIGKILL').catch((error: unknown) => console.error(error));
    await database?.dispose();
  }, 30_000);

  test('[SO4] a dispatch made on one process reaches a device subscribed on the other, by poke', async () => {
    expect(['a', 'b']).toContain(deviceOn);
    const pokesBefore = device.pokes;
    const [order] = await dispatch(hq, 1);
    await waitUntil(() => device.orders.get(order!)?.status === 'offered', 10_000, 'the dispatched order on the device');
    expect(device.pokes).toBeGreaterThan(pokesBefore);
    // The device never asked on its own: only a poke makes it pull.
    expect(device.servedBy).toEqual([deviceOn]);
  });

  test('[SO5] when the device\'s process is killed, it reconnects through HAProxy to the other and misses nothing', async () => {
    const before = await dispatch(hq, 2);
    await waitUntil(() => before.every((id) => device.orders.has(id)), 10_000, 'the orders dispatched before the kill');
    await processes.get(deviceOn)!.stop('SIGKILL');
    // Dispatched while the device has no subscription: no poke can reach it for these.
    const during = await dispatch(hq, 3);
    await waitUntil(() => device.servedBy.length > 1, 20_000, 'the poke subscription to reconnect');
    expect(device.servedBy.at(-1)).toBe(hqOn);
    const after = await dispatch(hq, 2);
    const all = [...before, ...during, ...after];
    await waitUntil(() => all.every((id) => device.orders.get(id)?.status === 'offered'), 15_000, 'every order on the device');

    const pushed = await device.push(all.map((orderId) => ({ name: 'offer.accept' as const, version: 1, args: { orderId } })));
    expect(pushed.outcomes.map((o) => o.status)).toEqual(all.map(() => 'applied'));
    const statuses = await Promise.all(all.map(async (orderId) => (await hq.orders.get.query({ orderId })).order.status));
    expect(statuses).toEqual(all.map(() => 'accepted'));
  });
});

function hostAndPort(server: ServerProcess): { host: string; port: number } {
  const url = new URL(server.trpcUrl);
  return { host: url.hostname, port: Number(url.port) };
}

async function signIn(trpcUrl: string, username: string): Promise<Api> {
  const anonymous = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: trpcUrl })] });
  const { token } = await anonymous.auth.login.mutate({ username, password: 'demo1234' });
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: trpcUrl, headers: { authorization: `Bearer ${token}` } })] });
}

/** Head office takes `n` orders and offers each to the store; returns their ids. */
async function dispatch(hq: Api, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const order = await hq.orders.create.mutate({ customerId: 'c-001', lines: [{ productId: 'p-001', quantity: 1 }] });
    await hq.orders.dispatch.mutate({ orderId: order.id, storeId: store });
    ids.push(order.id);
  }
  return ids;
}

async function waitUntil(check: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await sleep(20);
  }
}
