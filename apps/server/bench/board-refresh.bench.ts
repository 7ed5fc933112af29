import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { sql } from 'drizzle-orm';
import { boardInput } from '@repo/domain';
import { hashPassword } from '../src/auth/password.js';
import { boardQuery } from '../src/orders/board-query.js';
import { rowsOf, type Database } from '../src/db/database.js';
import { users } from '../src/db/schema.js';
import { seedTestChain, testServer } from '../src/test/test-chain.js';
import { openBenchDatabase } from './bench-database.js';

/**
 * The board's refresh (docs/benchmarks.md): BENCH_OPEN_ORDERS (5,000) open orders in every open
 * state, beside BENCH_CLOSED_ORDERS (20,000) closed ones, seeded with SQL. Times `orders.board`
 * through the real tRPC caller (session check, input parsing, the one query, mapping), p50 and p95
 * over BENCH_ROUNDS refreshes, for the filters a dispatcher uses most. The peer is the plainest SQL
 * reading the same page and counts (no deadlines, no names): what the board costs above reading.
 */
const open = Number(process.env.BENCH_OPEN_ORDERS ?? 5000);
const closed = Number(process.env.BENCH_CLOSED_ORDERS ?? 20000);
const rounds = Number(process.env.BENCH_ROUNDS ?? 60);
const now = new Date();
console.log(`\nboard refresh · ${os.cpus().length} cpus · node ${process.version} · load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} · ${open} open + ${closed} closed orders · ${rounds} rounds`);

const results: string[] = [];
await leg({ kind: 'pglite' });
if (process.env.DATABASE_URL) await leg({ kind: 'postgres', adminUrl: process.env.DATABASE_URL });
else console.log('PostgreSQL skipped: DATABASE_URL is not set.');
console.log(['', '| database | view | rows | orders.board p50 | p95 | its query alone p50 | peer p50 (plain SQL) | ratio p50 board ÷ peer |', '|---|---|---:|---:|---:|---:|---:|---:|', ...results].join('\n'));

async function leg(target: Parameters<typeof openBenchDatabase>[0]): Promise<void> {
  const bench = await openBenchDatabase(target);
  try {
    await seedTestChain(bench.db);
    const hash = await hashPassword('test-password');
    await bench.db.insert(users).values(Array.from({ length: 9 }, (_, i) => ({ id: `u-hq${i + 2}`, username: `hq${i + 2}`, displayName: `总部 ${i + 2}`, role: 'hq' as const, storeId: null, passwordHash: hash })));
    const seeded = performance.now();
    await seedOrders(bench.db);
    console.log(`${bench.kind}: seeded ${open + closed} orders in ${(performance.now() - seeded).toFixed(0)} ms`);
    const server = testServer(bench.db, () => now);
    const hq = server.caller(await server.login('hq'));
    const views = [
      ['all open, first 200', {}],
      ['我的订单 (mine)', { mine: true }],
      ['late only', { lateOnly: true }],
      ['one state, one store', { statuses: ['picking' as const], storeId: 'store-a' }],
    ] as const;
    for (const [name, input] of views) {
      const board = await hq.orders.board(input);
      const times = await timed(() => hq.orders.board(input));
      const alone = await timed(() => boardQuery({ db: bench.db, input: boardInput.parse(input), actorUserId: 'u-hq', now }));
      const peer = await timed(() => peerQuery(bench.db, input));
      results.push(`| ${bench.kind} | ${name} | ${board.rows.length} of ${board.total} | ${ms(p(times, 50))} | ${ms(p(times, 95))} | ${ms(p(alone, 50))} | ${ms(p(peer, 50))} | ${(p(times, 50) / p(peer, 50)).toFixed(1)}× |`);
    }
  } finally {
    await bench.close();
  }
}

/** Open orders spread over the open states, two stores and ten owners, entered their state 0-90 minutes ago; then closed history. */
async function seedOrders(db: Database): Promise<void> {
  const at = now.toISOString();
  await db.execute(sql`
    INSERT INTO orders (id, number, status, store_id, customer_id, data, owner_user_id, status_since, created_at, updated_at, promised_at)
    SELECT 'b-' || g, 'B-' || g, s.status, CASE WHEN s.status = 'received' THEN NULL WHEN g % 2 = 0 THEN 'store-a' ELSE 'store-b' END, 'c-1',
      jsonb_build_object('id', 'b-' || g, 'number', 'B-' || g, 'status', s.status, 'customerName', '王芳', 'customerPhone', '13800138000',
        'promisedAt', to_char((${at}::timestamptz + ((g % 120) - 40) * interval '1 minute') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'address', jsonb_build_object('text', '上海市徐汇区天钥桥路 100 号', 'lat', 31.19, 'lng', 121.44), 'declinedBy', '[]'::jsonb,
        'lines', (SELECT jsonb_agg(jsonb_build_object('productId', 'p-1', 'gtin', '06901234567892', 'name', '农夫山泉 550ml', 'quantity', 1 + k % 3, 'confirmedQuantity', 1 + k % 3, 'unitPriceFen', 200)) FROM generate_series(1, 1 + g % 6) AS k)),
      CASE WHEN g % 10 = 0 THEN 'u-hq' ELSE 'u-hq' || (g % 10 + 1) END,
      ${at}::timestamptz - (g % 90) * interval '1 minute', ${at}::timestamptz - interval '2 hours', ${at}::timestamptz - (g % 90) * interval '1 minute',
      ${at}::timestamptz + ((g % 120) - 40) * interval '1 minute'
    FROM generate_series(1, ${open}) AS g
    JOIN LATERAL (SELECT (ARRAY['received','offered','accepted','picking','short','picked','out_for_delivery','returned_to_store','delivered'])[g % 9 + 1] AS status) s ON true`);
  await db.execute(sql`
    INSERT INTO orders (id, number, status, store_id, customer_id, data, owner_user_id, status_since, created_at, updated_at)
    SELECT 'x-' || g, 'X-' || g, CASE WHEN g % 5 = 0 THEN 'cancelled' ELSE 'closed' END, 'store-a', 'c-1',
      jsonb_build_object('id', 'x-' || g, 'customerName', '王芳', 'lines', '[]'::jsonb), 'u-hq',
      ${at}::timestamptz - interval '1 day', ${at}::timestamptz - interval '1 day', ${at}::timestamptz - interval '1 day'
    FROM generate_series(1, ${closed}) AS g`);
  await db.execute(sql`ANALYZE orders`);
}

/** The same page and counts read plainly: open orders by time in state, and the count per state. */
async function peerQuery(db: Database, input: { mine?: boolean; statuses?: readonly string[]; storeId?: string; lateOnly?: boolean }): Promise<unknown> {
  const owner = input.mine ? 'u-hq' : null;
  const statuses = input.statuses ? JSON.stringify(input.statuses) : null;
  return rowsOf(db, sql`
    WITH scoped AS (
      SELECT id, number, status, store_id, owner_user_id, status_since, promised_at FROM orders
      WHERE status NOT IN ('closed', 'cancelled') AND (${input.storeId ?? null}::text IS NULL OR store_id = ${input.storeId ?? null}::text)
        AND (${owner}::text IS NULL OR owner_user_id = ${owner}::text)
    ), page AS (
      SELECT * FROM scoped WHERE ${statuses}::jsonb IS NULL OR status IN (SELECT jsonb_array_elements_text(${statuses}::jsonb))
      ORDER BY status_since LIMIT 200
    )
    SELECT (SELECT jsonb_agg(jsonb_build_object('id', p.id, 'number', p.number, 'status', p.status, 'customerName', o.data->>'customerName'))
        FROM page p JOIN orders o ON o.id = p.id) AS rows,
      (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*) AS n FROM scoped GROUP BY status) c) AS counts`);
}

async function timed(fn: () => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < 5; i++) await fn(); // warm-up: plans cached, pages in memory
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const started = performance.now();
    await fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

function p(sorted: readonly number[], percentile: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((percentile / 100) * sorted.length))]!;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
