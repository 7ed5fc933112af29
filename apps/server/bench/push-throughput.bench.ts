import os from 'node:os';
import { performance } from 'node:perf_hooks';
import { seedTestChain, testServer } from '../src/test/test-chain.js';
import { openBenchDatabase, type BenchDatabase } from './bench-database.js';
import { measurePeerInserts, measurePushes, offerOrders, pushAsDevice, type Measurement } from './push-workload.js';

/**
 * Push throughput: store actions applied per second through `applyPush` on the Drizzle push
 * database, against the same database's plain single-row INSERT rate (docs/benchmarks.md).
 * Knobs: BENCH_BATCH, BENCH_PGLITE_ACTIONS, BENCH_PG_ACTIONS, BENCH_PG_CLIENTS; DATABASE_URL for PostgreSQL.
 */
const knobs = {
  batch: intKnob('BENCH_BATCH', 50),
  pgliteActions: intKnob('BENCH_PGLITE_ACTIONS', 2_000),
  pgActions: intKnob('BENCH_PG_ACTIONS', 8_000),
  pgClients: intKnob('BENCH_PG_CLIENTS', 8),
};
const targets = { pglite: 500, postgres: 2_000 } as const;
const warmUp = 200;

interface Row {
  readonly database: 'pglite' | 'postgres';
  readonly clients: number;
  readonly push: Measurement;
  readonly peer: Measurement;
}

const rows: Row[] = [];
const profiles: string[] = [];
console.log(`push throughput · ${os.cpus().length} cpus · ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB · node ${process.version} · batch ${knobs.batch}`);

await runLeg({ kind: 'pglite' }, [{ clients: 1, actions: knobs.pgliteActions }]);
const adminUrl = process.env.DATABASE_URL;
if (adminUrl) {
  await runLeg({ kind: 'postgres', adminUrl }, [{ clients: 1, actions: Math.ceil(knobs.pgActions / 4) }, { clients: knobs.pgClients, actions: knobs.pgActions }]);
} else {
  console.log('\nPostgreSQL skipped: DATABASE_URL is not set (e.g. DATABASE_URL=postgres://postgres@127.0.0.1:5432/test).');
}
printTable(rows);
for (const profile of profiles) console.log(profile);

async function runLeg(target: Parameters<typeof openBenchDatabase>[0], runs: { clients: number; actions: number }[]): Promise<void> {
  const database = await openBenchDatabase(target);
  try {
    const server = testServer(database.db);
    await seedTestChain(database.db);
    const hqToken = await server.login('hq');
    const concurrency = database.kind === 'postgres' ? 8 : 1;
    const seeding = performance.now();
    const needed = warmUp + knobs.batch + runs.reduce((n, r) => n + r.actions, 0);
    const orderIds = await offerOrders({ server, hqToken, count: needed, concurrency });
    console.log(`${database.kind}: ${needed} offered orders seeded in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);

    // Warm-up (JIT, plan caches, the first sync_clients rows), not measured.
    await pushAsDevice({ db: database.db, orderIds: orderIds.splice(0, warmUp), batch: knobs.batch });
    await measurePeerInserts({ db: database.db, rows: warmUp, clients: 1 });
    for (const run of runs) {
      const push = await measurePushes({ db: database.db, orderIds: orderIds.splice(0, run.actions), clients: run.clients, batch: knobs.batch });
      const peer = await measurePeerInserts({ db: database.db, rows: run.actions, clients: run.clients });
      rows.push({ database: database.kind, clients: run.clients, push, peer });
      console.log(`${database.kind} · ${run.clients} client(s): ${Math.round(push.perSecond)} actions/s, ${Math.round(peer.perSecond)} inserts/s`);
    }
    profiles.push(await profileOnePush(database, orderIds.splice(0, knobs.batch)));
  } finally {
    await database.close();
  }
}

/** Which statements one push of `batch` accepts sends, per mutation. */
async function profileOnePush(database: BenchDatabase, orderIds: string[]): Promise<string> {
  database.statements.counts.clear();
  database.statements.recording = true;
  await pushAsDevice({ db: database.db, orderIds, batch: orderIds.length });
  database.statements.recording = false;
  const perMutation = (n: number) => (n / orderIds.length).toFixed(2).padStart(6);
  const lines = [...database.statements.counts].sort((a, b) => b[1] - a[1]).map(([kind, n]) => `  ${perMutation(n)}  ${kind}`);
  return [`\n${database.kind}: statements per applied mutation (one push of ${orderIds.length})`, ...lines, `  ${perMutation(database.statements.total())}  total`].join('\n');
}

function printTable(results: Row[]): void {
  const header = ['database', 'clients', 'actions', 'actions/s', 'inserts', 'inserts/s', 'ratio', 'target', 'met'];
  const body = results.map((r) => [
    r.database, String(r.clients), String(r.push.operations), r.push.perSecond.toFixed(0), String(r.peer.operations),
    r.peer.perSecond.toFixed(0), (r.push.perSecond / r.peer.perSecond).toFixed(3), `>= ${targets[r.database]}`,
    r.push.perSecond >= targets[r.database] ? 'yes' : 'NO',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(['', line(header), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n'));
}

function intKnob(name: string, fallback: number): number {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value <= 0) throw new Error(`${name} must be a positive integer.`);
  return value;
}
