import { fork, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../src/db/database.js';
import { orders } from '../src/db/schema.js';
import { expireDueOffers } from '../src/dispatch/offer-expiry.js';
import { dueOffers } from '../src/test/due-offers.js';
import { seedTestChain } from '../src/test/test-chain.js';
import { openBenchDatabase } from './bench-database.js';

/**
 * Offer expiry (docs/benchmarks.md): BENCH_DUE_OFFERS (1,000) due offers expired by two server
 * processes at once on PostgreSQL (one process on PGlite), each exactly once; the peer is one plain
 * UPDATE of the same number of rows. DATABASE_URL for PostgreSQL.
 */
const due = Number(process.env.BENCH_DUE_OFFERS ?? 1000);
const now = new Date();
console.log(`\noffer expiry · ${os.cpus().length} cpus · node ${process.version} · load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} · ${due} due offers`);

const results: string[] = [];
await leg({ kind: 'pglite' });
if (process.env.DATABASE_URL) await leg({ kind: 'postgres', adminUrl: process.env.DATABASE_URL });
else console.log('PostgreSQL skipped: DATABASE_URL is not set.');
console.log(['', '| database | expirers | expired | each once | time | peer (one UPDATE) | ratio |', '|---|---|---|---|---|---|---|', ...results].join('\n'));

async function leg(target: Parameters<typeof openBenchDatabase>[0]): Promise<void> {
  const bench = await openBenchDatabase(target);
  try {
    await seedTestChain(bench.db);
    await insertDue(bench.db, 'bench');
    const started = performance.now();
    const counts = bench.url ? await twoProcesses(bench.url) : [(await expireDueOffers(bench.db, { now })).expired];
    const ms = performance.now() - started;
    const [check] = await rowsOf<{ events: number; orders: number }>(bench.db, sql`
      SELECT count(*)::int AS events, count(DISTINCT order_id)::int AS orders FROM order_events WHERE type = 'expire_offer'`);
    const once = check!.events === due && check!.orders === due && counts.reduce((a, b) => a + b, 0) === due;
    if (!once) throw new Error(`Expected ${due} expiries, one per offer; got ${JSON.stringify({ counts, check })}`);
    await insertDue(bench.db, 'peer');
    const peerStarted = performance.now();
    await bench.db.execute(sql`UPDATE orders SET status = 'received', offer_expires_at = NULL WHERE status = 'offered' AND offer_expires_at <= ${now.toISOString()}::timestamptz`);
    const peerMs = performance.now() - peerStarted;
    results.push(`| ${bench.kind} | ${counts.length} (${counts.join(' + ')}) | ${due} | ${once ? 'yes' : 'NO'} | ${ms.toFixed(0)} ms | ${peerMs.toFixed(0)} ms | ${(ms / peerMs).toFixed(1)}× |`);
  } finally {
    await bench.close();
  }
}

async function insertDue(db: Database, prefix: string): Promise<void> {
  const rows = dueOffers(due, now, prefix);
  for (let i = 0; i < rows.length; i += 250) await db.insert(orders).values(rows.slice(i, i + 250));
}

/** Two child processes, each with its own pool, told to start at the same moment; the time is until both finish. */
async function twoProcesses(url: string): Promise<number[]> {
  const script = fileURLToPath(new URL('./offer-expirer.child.ts', import.meta.url));
  const children = [0, 1].map(() => fork(script, [url], { execArgv: ['--import', 'tsx'], stdio: 'inherit' }));
  await Promise.all(children.map((child) => nextMessage(child)));
  const done = children.map((child) => nextMessage(child) as Promise<{ expired: number }>);
  for (const child of children) child.send({ go: now.toISOString() });
  return (await Promise.all(done)).map((r) => r.expired);
}

function nextMessage(child: ChildProcess): Promise<unknown> {
  return new Promise((resolve, reject) => {
    child.once('message', resolve);
    child.once('exit', (code) => reject(new Error(`expirer exited with ${code}`)));
  });
}
