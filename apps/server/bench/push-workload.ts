import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import type { Actor } from '@repo/domain';
import type { Mutation } from '@repo/sync/protocol';
import { applyPush } from '@repo/sync/server';
import type { Database } from '../src/db/database.js';
import { pushDatabase } from '../src/sync/sync-database.js';
import type { TestServer } from '../src/test/test-chain.js';

/** How long `operations` took, what that makes per second, and this process's CPU time meanwhile. */
export interface Measurement {
  readonly operations: number;
  readonly ms: number;
  readonly perSecond: number;
  /** User + system CPU of this Node process: the ceiling one server process puts on throughput. */
  readonly cpuMs: number;
}

const manager: Extract<Actor, { storeId: string }> = { role: 'store_manager', userId: 'u-a-m', storeId: 'store-a' };

/** Head office creates `count` orders and offers each to store-a, `concurrency` at a time, through the router. */
export async function offerOrders({ server, hqToken, count, concurrency }: { server: TestServer; hqToken: string; count: number; concurrency: number }): Promise<string[]> {
  const hq = server.caller(hqToken);
  const ids: string[] = [];
  await inParallel(concurrency, async (worker) => {
    for (let i = worker; i < count; i += concurrency) {
      const order = await hq.orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] });
      await hq.orders.dispatch({ orderId: order.id, storeId: 'store-a' });
      ids.push(order.id);
    }
  });
  return ids;
}

/**
 * `clients` store devices, each with its own client id, accept their share of `orderIds` through
 * `applyPush` on the Drizzle push database, `batch` mutations per push, all devices at once.
 */
export async function measurePushes({ db, orderIds, clients, batch }: { db: Database; orderIds: string[]; clients: number; batch: number }): Promise<Measurement> {
  const share = Math.floor(orderIds.length / clients);
  const clock = startClock();
  const applied = await inParallel(clients, (c) => pushAsDevice({ db, orderIds: orderIds.slice(c * share, (c + 1) * share), batch }));
  const total = applied.reduce((a, b) => a + b, 0);
  // A bench that counts refusals as throughput measures the wrong thing.
  if (total !== share * clients) throw new Error(`Only ${total} of ${share * clients} accepts were applied.`);
  return clock.stop(total);
}

/** One device pushing its queue in order; returns how many mutations were applied. */
export async function pushAsDevice({ db, orderIds, batch }: { db: Database; orderIds: string[]; batch: number }): Promise<number> {
  const clientId = randomUUID();
  const push = pushDatabase(db, manager.userId);
  let applied = 0;
  for (let from = 0; from < orderIds.length; from += batch) {
    const mutations: Mutation[] = orderIds.slice(from, from + batch).map((orderId, i) => ({
      id: from + i + 1, name: 'offer.accept', version: 1, args: { orderId }, createdAt: new Date().toISOString(),
    }));
    const { response } = await applyPush({ db: push, actor: manager, request: { clientId, mutations }, now: () => new Date() });
    applied += response.outcomes.filter((o) => o.status === 'applied').length;
  }
  return applied;
}

/** The peer: one autocommitted single-row INSERT per row into a plain table, `clients` writers at once. */
export async function measurePeerInserts({ db, rows, clients }: { db: Database; rows: number; clients: number }): Promise<Measurement> {
  await db.execute(sql`CREATE TABLE IF NOT EXISTS bench_peer (id bigserial PRIMARY KEY, client_id text NOT NULL, n integer NOT NULL, at timestamptz NOT NULL DEFAULT now())`);
  const share = Math.floor(rows / clients);
  const clock = startClock();
  await inParallel(clients, async () => {
    const clientId = randomUUID();
    for (let n = 0; n < share; n++) await db.execute(sql`INSERT INTO bench_peer (client_id, n) VALUES (${clientId}, ${n})`);
  });
  return clock.stop(share * clients);
}

function startClock(): { stop(operations: number): Measurement } {
  const started = performance.now();
  const cpu = process.cpuUsage();
  return {
    stop(operations) {
      const ms = performance.now() - started;
      const used = process.cpuUsage(cpu);
      return { operations, ms, perSecond: (operations / ms) * 1000, cpuMs: (used.user + used.system) / 1000 };
    },
  };
}

function inParallel<T>(workers: number, fn: (worker: number) => Promise<T>): Promise<T[]> {
  return Promise.all(Array.from({ length: workers }, (_, w) => fn(w)));
}
