/**
 * Two server processes on one PostgreSQL behind HAProxy, with up to thousands of simulated store
 * devices (Node clients speaking the real protocol: an SSE poke subscription each, pulls, pushes).
 * Measures new-dispatch-visible p50/p95/p99, server memory per connected device, and keeps adding
 * devices past 2,000 until something breaks. docs/benchmarks.md ("Two processes behind HAProxy, thousands of devices").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { startHaproxy } from '../../apps/server/src/scale-out/haproxy.js';
import { NodeStoreDevice } from '../../apps/server/src/scale-out/node-store-device.js';
import { createPostgresDatabase } from '../../apps/server/src/sync/fault/fault-database.js';
import { startServer, type ServerProcess } from '../../apps/server/src/sync/fault/server-process.js';
import { HqClient } from './hq-client.js';
import { intFromEnv, ms, percentile } from './stats.js';

const settings = {
  steps: (process.env.SCALE_STEPS ?? '500,1000,2000,3000,4000').split(',').map(Number),
  stores: intFromEnv('SCALE_STORES', 200),
  dispatches: intFromEnv('SCALE_DISPATCHES', 60),
  dispatchesPerSecond: intFromEnv('SCALE_DISPATCH_RATE', 5),
  visibleTimeoutMs: intFromEnv('SCALE_VISIBLE_TIMEOUT_MS', 10_000),
  /** As the app does: every device pulls on its own every 30 s, whatever the pokes say. */
  periodicPullMs: intFromEnv('SCALE_PERIODIC_PULL_MS', 30_000),
  connectBatch: intFromEnv('SCALE_CONNECT_BATCH', 100),
  /** A step whose p95 passes this, or that loses a dispatch, is where the run stops. */
  breakP95Ms: intFromEnv('SCALE_BREAK_P95_MS', 5_000),
};

interface Device {
  readonly store: string;
  readonly client: NodeStoreDevice;
  readonly seen: Map<string, number>;
  timer?: ReturnType<typeof setInterval>;
}

const log = (line: string) => console.log(`[scale-out] ${line}`);
const adminUrl = process.env.DATABASE_URL;
if (!adminUrl) {
  console.log('[scale-out] skipped: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test); the bench makes and drops a database of its own.');
  process.exit(0);
}

process.env.OFFER_TTL_MINUTES = '600'; // no offer expires mid-run
const database = await createPostgresDatabase(adminUrl);
const servers: ServerProcess[] = [];
let balancer: Awaited<ReturnType<typeof startHaproxy>> | undefined;
const devices: Device[] = [];
try {
  servers.push(await startServer({ env: database.serverEnv, timeoutMs: 120_000 }));
  servers.push(await startServer({ env: database.serverEnv, timeoutMs: 120_000 }));
  balancer = await startHaproxy({
    servers: servers.map((s, i) => ({ name: `p${i + 1}`, host: '127.0.0.1', port: Number(new URL(s.trpcUrl).port) })),
    maxConnections: 9_000, // the fd limit here is 20,000 and each connection takes two
  });
  const storeIds = await addStores(settings.stores);
  log(`${servers.length} processes behind HAProxy on PostgreSQL, ${storeIds.length} stores; machine load ${loadAverage()}`);
  const tokens = await signInStores(balancer.baseUrl, storeIds);
  const hq = await HqClient.signIn(balancer.baseUrl);
  const baseline = servers.map(rssOf);
  log(`server RSS with no device: ${baseline.map(mb).join(' + ')}`);

  let firstStep: { devices: number; rss: number } | undefined;
  for (const target of settings.steps) {
    const connect = await addDevices({ baseUrl: balancer.baseUrl, storeIds, tokens, target });
    await sleep(2_000); // let the first pulls settle before reading memory
    const rss = servers.map(rssOf);
    // Growth since the first step, per device added: the start-up's garbage and the first
    // connections' one-off costs (buffers, code warming up) do not count against each device.
    firstStep ??= { devices: devices.length, rss: sum(rss) };
    const added = devices.length - firstStep.devices;
    const perDevice = added > 0 ? `${((sum(rss) - firstStep.rss) / added).toFixed(0)} KiB per device added since ${firstStep.devices}` : 'first step';
    log(`${devices.length} devices: connected ${connect.added} in ${ms(connect.ms)} (${connect.failed} failed); server RSS ${rss.map(mb).join(' + ')}, ${perDevice}; load ${loadAverage()}`);
    const cpuBefore = cpuSnapshot(balancer.pid);
    const result = await measureDispatches({ hq, storeIds });
    const cpu = cpuUsed(cpuBefore, cpuSnapshot(balancer.pid));
    const { samples } = result;
    log(`${devices.length} devices: new dispatch visible p50 ${ms(percentile(samples, 0.5))}, p95 ${ms(percentile(samples, 0.95))}, p99 ${ms(percentile(samples, 0.99))} over ${samples.length} device sightings of ${result.dispatched} dispatches; `
      + `not seen within ${ms(settings.visibleTimeoutMs)}: ${result.late}, still missing after one pull: ${result.lost}; pulls failed: ${result.pullFailures}${result.pullError ? ` (last: ${result.pullError})` : ''}; load ${loadAverage()}`);
    log(`${devices.length} devices: cores busy while measuring: ${cpu}`);
    const events = balancer.output().split('\n').filter((line) => /is (DOWN|UP)|ALERT/.test(line));
    if (events.length > 0) log(`HAProxy so far: ${events.slice(-6).map((l) => l.replace(/^.*?(Server|ALERT)/, '$1').slice(0, 120)).join(' | ')}`);
    const broken = connect.failed > 0 ? `${connect.failed} devices could not connect (${connect.why})`
      : result.dispatchErrors.length > 0 ? `${result.dispatchErrors.length} dispatches failed (${result.dispatchErrors[0]})`
      : result.lost > 0 ? `${result.lost} dispatches never reached a device`
      : percentile(samples, 0.95) > settings.breakP95Ms ? `p95 ${ms(percentile(samples, 0.95))} is past ${ms(settings.breakP95Ms)}`
      : servers.some((s) => rssOf(s) === 0) ? 'a server process died' : null;
    if (broken) {
      log(`stopped at ${devices.length} devices: ${broken}`);
      break;
    }
  }
} finally {
  for (const device of devices) {
    clearInterval(device.timer);
    clearTimeout(device.timer);
    device.client.close();
  }
  await balancer?.stop();
  for (const server of servers) await server.stop('SIGKILL').catch(() => undefined);
  await database.dispose();
}
process.exit(0); // undici's idle sockets would keep the program alive a while longer

/** Adds stores next to the 14 demo ones, each with a manager who signs in with the demo password. */
async function addStores(count: number): Promise<string[]> {
  const client = await database.openSql();
  try {
    const extra = Math.max(0, count - 14);
    await client.query(`
      INSERT INTO stores (id, code, name, address, phone, lat, lng)
      SELECT 'store-x' || lpad(i::text, 4, '0'), 'X' || lpad(i::text, 4, '0'), name || ' ' || i, address, phone, lat + i * 0.001, lng
      FROM stores, generate_series(1, $1) AS i WHERE id = 'store-01'`, [extra]);
    await client.query(`
      INSERT INTO users (id, username, display_name, role, store_id, password_hash)
      SELECT 'u-x' || substr(s.id, 8), 'storex' || substr(s.id, 8) || '.manager', '店长', 'store_manager', s.id, u.password_hash
      FROM stores s, users u WHERE s.id LIKE 'store-x%' AND u.username = 'store01.manager'`);
    const rows = await client.query<{ id: string }>(`SELECT id FROM stores ORDER BY id LIMIT $1`, [count]);
    return rows.map((r) => r.id);
  } finally {
    await client.close();
  }
}

/** One sign-in per store through the real login; a store's devices share it (a store's handhelds share a manager). */
async function signInStores(baseUrl: string, storeIds: readonly string[]): Promise<Map<string, string>> {
  const tokens = new Map<string, string>();
  const started = Date.now();
  for (let i = 0; i < storeIds.length; i += 8) {
    await Promise.all(storeIds.slice(i, i + 8).map(async (id) => {
      const username = id.startsWith('store-x') ? `storex${id.slice(7)}.manager` : `store${id.slice(6)}.manager`;
      tokens.set(id, await NodeStoreDevice.signIn(baseUrl, username));
    }));
  }
  log(`${tokens.size} store managers signed in in ${ms(Date.now() - started)}`);
  return tokens;
}

async function addDevices(options: { baseUrl: string; storeIds: readonly string[]; tokens: Map<string, string>; target: number }) {
  const started = Date.now();
  let added = 0;
  let failed = 0;
  let why: string | undefined;
  while (devices.length < options.target) {
    const batch = Array.from({ length: Math.min(settings.connectBatch, options.target - devices.length) }, (_, i) => {
      const store = options.storeIds[(devices.length + i) % options.storeIds.length]!;
      const seen = new Map<string, number>();
      const client = new NodeStoreDevice({ baseUrl: options.baseUrl, token: options.tokens.get(store)!, onOrderSeen: (id, at) => seen.set(id, at) });
      const device: Device = { store, client, seen };
      return device;
    });
    const results = await Promise.allSettled(batch.map((d) => withTimeout(d.client.connect(), 30_000)));
    results.forEach((r, i) => {
      const device = batch[i]!;
      if (r.status === 'rejected') return void (failed += 1, (why ??= String((r.reason as Error).message).slice(0, 120)), device.client.close());
      // Real handhelds start at different moments: spread the periodic pulls over the whole period.
      const phase = setTimeout(() => {
        void device.client.pull();
        device.timer = setInterval(() => void device.client.pull(), settings.periodicPullMs);
      }, Math.random() * settings.periodicPullMs);
      device.timer = phase as unknown as ReturnType<typeof setInterval>;
      devices.push(device);
      added += 1;
    });
    if (failed > 0) break;
  }
  return { added, failed, why, ms: Date.now() - started };
}

/**
 * Head office (through HAProxy, so on either process) creates orders, then dispatches each to a
 * random store at a steady rate; every device of that store records when a pull brought it. The
 * first device of the store to see an offer accepts it (a push), which pokes the store again.
 */
async function measureDispatches({ hq, storeIds }: { hq: HqClient; storeIds: readonly string[] }) {
  const withDevices = storeIds.filter((id) => devices.some((d) => d.store === id));
  const created = await Promise.all(Array.from({ length: settings.dispatches }, (_, i) => hq.createOrder(i)));
  const sentAt = new Map<string, number>();
  const storeOf = new Map<string, string>();
  const accepting = new Set<string>();
  const failuresBefore = sum(devices.map((d) => d.client.pullFailures));
  const acceptWatch = setInterval(() => {
    for (const [orderId, store] of storeOf) {
      if (accepting.has(orderId)) continue;
      const first = devices.find((d) => d.store === store && d.seen.has(orderId));
      if (!first) continue;
      accepting.add(orderId);
      void first.client.push([{ name: 'offer.accept', version: 1, args: { orderId } }]).catch(() => accepting.delete(orderId));
    }
  }, 50);
  const gapMs = 1_000 / settings.dispatchesPerSecond;
  const inFlight: Promise<void>[] = [];
  const dispatchErrors: string[] = [];
  for (const [i, order] of created.entries()) {
    const store = withDevices[Math.floor(Math.random() * withDevices.length)]!;
    storeOf.set(order.id, store);
    sentAt.set(order.id, Date.now());
    inFlight.push(hq.dispatch(order.id, store).catch((error: Error) => {
      storeOf.delete(order.id); // never offered: nobody should see it
      dispatchErrors.push(error.message.slice(0, 120));
    }));
    await sleep(Math.max(0, (i + 1) * gapMs - (Date.now() - [...sentAt.values()][0]!)));
  }
  await Promise.all(inFlight);
  const lastSent = Math.max(...sentAt.values());
  while (Date.now() < lastSent + settings.visibleTimeoutMs && !allSeen(storeOf)) await sleep(100);
  clearInterval(acceptWatch);

  const samples: number[] = [];
  let late = 0;
  for (const [orderId, store] of storeOf) {
    for (const device of devices.filter((d) => d.store === store)) {
      const at = device.seen.get(orderId);
      if (at === undefined || at - sentAt.get(orderId)! > settings.visibleTimeoutMs) late += 1;
      else samples.push(at - sentAt.get(orderId)!);
    }
  }
  // A missed poke must be made up by the next pull: pull once on every device still lacking one.
  const lacking = devices.filter((d) => [...storeOf].some(([orderId, store]) => store === d.store && !d.seen.has(orderId)));
  await Promise.all(lacking.map((d) => d.client.pull()));
  const lost = sum(devices.map((d) => [...storeOf].filter(([orderId, store]) => store === d.store && !d.seen.has(orderId)).length));
  const pullError = devices.map((d) => d.client.lastPullError).find((e) => e !== null) ?? null;
  return { samples, late, lost, dispatched: storeOf.size, dispatchErrors, pullFailures: sum(devices.map((d) => d.client.pullFailures)) - failuresBefore, pullError };
}

function allSeen(storeOf: Map<string, string>): boolean {
  return devices.every((d) => [...storeOf].every(([orderId, store]) => store !== d.store || d.seen.has(orderId)));
}

/** Resident memory of a server's process group (the tsx wrapper and the server), in KiB; 0 when gone. */
function rssOf(server: ServerProcess): number {
  let total = 0;
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const pgrp = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
      if (pgrp !== server.pid) continue;
      total += Number(readFileSync(`/proc/${pid}/status`, 'utf8').match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
    } catch {
      // The process ended while we looked.
    }
  }
  return total;
}

interface CpuSnapshot {
  readonly at: number;
  readonly ticks: Record<string, number>;
}

/** CPU time so far (clock ticks) of the two servers, HAProxy, PostgreSQL (every backend, other users' too) and this program. */
function cpuSnapshot(haproxyPid: number): CpuSnapshot {
  const ticks: Record<string, number> = { 'server 1': 0, 'server 2': 0, haproxy: 0, postgres: 0 };
  for (const pid of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const used = Number(fields[11]) + Number(fields[12]);
      const pgrp = Number(fields[2]);
      const owner = servers.findIndex((s) => s.pid === pgrp);
      if (owner >= 0) ticks[`server ${owner + 1}`]! += used;
      else if (Number(pid) === haproxyPid) ticks.haproxy! += used;
      else if (comm === 'postgres') ticks.postgres! += used;
    } catch {
      // The process ended while we looked.
    }
  }
  const own = process.cpuUsage();
  ticks['bench clients'] = (own.user + own.system) / 10_000;
  return { at: Date.now(), ticks };
}

function cpuUsed(before: CpuSnapshot, after: CpuSnapshot): string {
  const seconds = (after.at - before.at) / 1_000;
  return Object.keys(after.ticks).map((name) => `${name} ${((after.ticks[name]! - (before.ticks[name] ?? 0)) / 100 / seconds).toFixed(2)}`).join(', ');
}

async function withTimeout<T>(promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)));
  try {
    return await Promise.race([promise, expired]);
  } finally {
    clearTimeout(timer);
  }
}

function sum(values: readonly number[]): number {
  return values.reduce((a, b) => a + b, 0);
}

function mb(kib: number): string {
  return `${Math.round(kib / 1024)} MiB`;
}

function loadAverage(): string {
  return readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ');
}
