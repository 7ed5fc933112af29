import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createPostgresDatabase } from '../src/sync/fault/fault-database.js';
import { startServer, type ServerProcess } from '../src/sync/fault/server-process.js';
import { agentConsole, aCall, PopCollector, ring, testCtiSecret } from '../src/test/cti-switch.js';

/**
 * Screen pop (docs/benchmarks.md, docs/cti.md): from the telephone system's signed POST to the
 * agent's console receiving the pop over server-sent events, BENCH_CTI_CALLS (200) calls one after
 * another. The servers are real `src/main.ts` processes: one on PGlite; on PostgreSQL
 * (DATABASE_URL) two, the webhook posted to A and the agent connected to B, so every pop crosses
 * LISTEN/NOTIFY.
 */
const calls = Number(process.env.BENCH_CTI_CALLS ?? 200);
process.env.CTI_SECRET = testCtiSecret;
console.log(`\nscreen pop · ${os.cpus().length} cpus · node ${process.version} · load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')} · ${calls} calls`);

const results: string[] = [];
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'bench-cti-'));
try {
  const single = await startServer({ env: { DATABASE_URL: '', DATA_DIR: dataDir }, timeoutMs: 120_000 });
  await leg('pglite, one process', single, single);
} finally {
  rmSync(dataDir, { recursive: true, force: true });
}
if (process.env.DATABASE_URL) {
  const database = await createPostgresDatabase(process.env.DATABASE_URL);
  try {
    const [a, b] = await Promise.all([0, 1].map(() => startServer({ env: database.serverEnv, timeoutMs: 120_000 })));
    await leg('postgres, webhook on A, agent on B', a!, b!, true);
  } finally {
    await database.dispose();
  }
} else console.log('PostgreSQL skipped: DATABASE_URL is not set.');
console.log(['', '| servers | calls | POST answered p50 | pop p50 | pop p95 | pop max |', '|---|---|---|---|---|---|', ...results].join('\n'));

async function leg(name: string, webhook: ServerProcess, agentOn: ServerProcess, stopBoth = false): Promise<void> {
  try {
    const [webhookUrl, agentUrl] = [webhook, agentOn].map((p) => p.trpcUrl.replace(/\/trpc$/, '')) as [string, string];
    const token = await signIn(agentUrl);
    const client = agentConsole(agentUrl, token);
    await client.cti.setExtension.mutate({ extension: '8001', takeOver: true });
    const arrived = new Map<string, number>();
    const pops = new PopCollector(client, {}, (pop) => arrived.set(pop.callId, performance.now()));
    await pops.started;
    const answered: number[] = [];
    const popped: number[] = [];
    for (let i = 0; i < calls; i++) {
      const call = aCall('8001');
      const sent = performance.now();
      const answer = await ring(webhookUrl, call);
      if (answer.status !== 200) throw new Error(`call ${i}: ${answer.status} ${JSON.stringify(answer.body)}`);
      answered.push(performance.now() - sent);
      await pops.waitFor(call.callId, 10_000);
      popped.push(arrived.get(call.callId)! - sent);
    }
    pops.stop();
    results.push(`| ${name} | ${calls} | ${ms(percentile(answered, 50))} | ${ms(percentile(popped, 50))} | ${ms(percentile(popped, 95))} | ${ms(Math.max(...popped))} |`);
  } finally {
    await webhook.stop('SIGTERM');
    if (stopBoth || agentOn !== webhook) await agentOn.stop('SIGTERM');
  }
}

async function signIn(baseUrl: string): Promise<string> {
  const response = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'hq', password: 'demo1234' }),
  });
  const body = (await response.json()) as { result: { data: { token: string } } };
  return body.result.data.token;
}

function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function ms(value: number): string {
  return `${value.toFixed(1)} ms`;
}
