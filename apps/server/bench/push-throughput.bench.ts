import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { seedTestChain, testServer } from '../src/test/test-chain.js';
import { sampleBackendActivity } from './backend-waits.js';
import { openBenchDatabase, type BenchDatabase } from './bench-database.js';
import { measurePeerInserts, measurePushes, offerOrders, pushAsDevice, type Measurement } from './push-workload.js';

/**
 * Push throughput: store actions applied per second through `applyPush` on the Drizzle push
 * database, beside the same database's rate of plain single-row INSERTs (docs/benchmarks.md).
 * Knobs: BENCH_BATCH, BENCH_PGLITE_ACTIONS, BENCH_PG_ACTIONS, BENCH_PG_CLIENTS, BENCH_SINGLE_ACTIONS; DATABASE_URL for PostgreSQL.
 */
const knobs = {
  batch: intKnob('BENCH_BATCH', 50),
  pgliteActions: intKnob('BENCH_PGLITE_ACTIONS', 1_000),
  pgActions: intKnob('BENCH_PG_ACTIONS', 4_000),
  pgClients: intKnob('BENCH_PG_CLIENTS', 8),
  singleActions: intKnob('BENCH_SINGLE_ACTIONS', 800),
};
const targets = { pglite: 500, postgres: 2_000 } as const;
const warmUp = 200;

interface Run {
  readonly clients: number;
  readonly actions: number;
  /** Mutations per push: a device back from offline sends up to 100; one online sends each tap alone. */
  readonly batch: number;
}

interface Row extends Run {
  readonly database: 'pglite' | 'postgres';
  readonly push: Measurement;
  readonly peer: Measurement;
}

const rows: Row[] = [];
const notes: string[] = [];
const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`push throughput · ${os.cpus().length} cpus · ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB · node ${process.version} · load ${load}`);

const single = knobs.singleActions;
await runLeg({ kind: 'pglite' }, [
  { clients: 1, actions: knobs.pgliteActions, batch: knobs.batch },
  { clients: 1, actions: single, batch: 1 },
]);
const adminUrl = process.env.DATABASE_URL;
if (adminUrl) {
  await runLeg({ kind: 'postgres', adminUrl }, [
    { clients: 1, actions: Math.ceil(knobs.pgActions / 4), batch: knobs.batch },
    { clients: knobs.pgClients, actions: knobs.pgActions, batch: knobs.batch },
    { clients: knobs.pgClients, actions: single, batch: 1 },
  ]);
} else {
  console.log('\nPostgreSQL skipped: DATABASE_URL is not set (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test).');
}
printTable(rows);
for (const note of notes) console.log(note);
console.log(`\nload average at the end: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);

async function runLeg(target: Parameters<typeof openBenchDatabase>[0], runs: Run[]): Promise<void> {
  const database = await openBenchDatabase(target);
  try {
    const orderIds = await seedOffers(database, warmUp + knobs.batch + runs.reduce((n, r) => n + r.actions, 0));
    // Warm-up (JIT, plan caches, the first sync_clients rows), not measured.
    await pushAsDevice({ db: database.db, orderIds: orderIds.splice(0, warmUp), batch: knobs.batch });
    await measurePeerInserts({ db: database.db, rows: warmUp, clients: 1 });
    for (const run of runs) {
      const sampler = database.url && run.clients > 1 ? await sampleBackendActivity(database.url) : null;
      const push = await measurePushes({ db: database.db, orderIds: orderIds.splice(0, run.actions), clients: run.clients, batch: run.batch });
      const activity = await sampler?.stop();
      const peer = await measurePeerInserts({ db: database.db, rows: run.actions, clients: run.clients });
      rows.push({ database: database.kind, ...run, push, peer });
      console.log(`${database.kind} · ${run.clients} client(s), ${run.batch} per push: ${Math.round(push.perSecond)} actions/s, ${Math.round(peer.perSecond)} inserts/s`);
      if (activity) notes.push(formatActivity(`${database.kind}, ${run.clients} clients, ${run.batch} per push`, activity));
    }
    notes.push(await profileOnePush(database, orderIds.splice(0, knobs.batch)));
  } finally {
    await database.close();
  }
}

/** The test chain plus `count` orders offered to store-a, created through the router as head office. */
async function seedOffers(database: BenchDatabase, count: number): Promise<string[]> {
  const started = performance.now();
  await seedTestChain(database.db);
  const server = testServer(database.db);
  const hqToken = await server.login('hq');
  const orderIds = await offerOrders({ server, hqToken, count, concurrency: database.kind === 'postgres' ? 8 : 1 });
  console.log(`${database.kind}: ${count} offered orders seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return orderIds;
}

/** Which statements one push of `batch` accepts sends, per mutation. */
async function profileOnePush(database: BenchDatabase, orderIds: string[]): Promise<string> {
  database.statements.counts.clear();
  database.statements.recording = true;
  await pushAsDevice({ db: database.db, orderIds, batch: orderIds.length });
  database.statements.recording = false;
  const perMutation = (n: number) => (n / orderIds.length).toFixed(2).padStart(6);
  const lines = [...database.statements.counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `  ${perMutation(n)}  ${kind}`);
  const note = database.kind === 'pglite' ? ' (BEGIN/COMMIT go through PGlite directly and are not listed)' : '';
  return [`\n${database.kind}: statements per applied mutation, one push of ${orderIds.length}${note}`, ...lines, `  ${perMutation(database.statements.total())}  total`].join('\n');
}

function formatActivity(label: string, activity: Map<string, number>): string {
  const lines = [...activity].map(([what, share]) => `  ${(share * 100).toFixed(0).padStart(4)} %  ${what}`);
  return [`\n${label}: what backends inside a transaction were doing (pg_stat_activity samples)`, ...lines].join('\n');
}

function printTable(results: Row[]): void {
  const header = ['database', 'clients', 'per push', 'actions', 'actions/s', 'cpu ms/action', 'inserts/s', 'ratio', 'target', 'met'];
  const body = results.map((r) => [
    r.database, String(r.clients), String(r.batch), String(r.push.operations), r.push.perSecond.toFixed(0), (r.push.cpuMs / r.push.operations).toFixed(2),
    r.peer.perSecond.toFixed(0), (r.push.perSecond / r.peer.perSecond).toFixed(3), `>= ${targets[r.database]}`,
    r.push.perSecond >= targets[r.database] ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(['', line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n'));
  console.log('actions/s: accepts applied through applyPush + pushDatabase; inserts/s: single-row autocommit INSERTs, same database and concurrency;');
  console.log('cpu ms/action: this Node process\'s CPU per applied action; ratio = actions/s ÷ inserts/s.');
}

function intKnob(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer.`);
  return value;
}
