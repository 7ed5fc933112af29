import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { freePort } from './free-port.js';

export interface BackendServer {
  readonly name: string;
  readonly host: string;
  readonly port: number;
}

/**
 * The HAProxy configuration docs/deploy.md shows: round-robin over the processes, health checks on
 * /healthz, a request whose process is gone sent to another one, and long-lived SSE poke streams.
 */
export function haproxyConfig(options: { bind: string; servers: readonly BackendServer[]; maxConnections?: number }): string {
  return `global
    maxconn ${options.maxConnections ?? 4000}

defaults
    mode http
    timeout connect 2s
    # A process busy for a moment is not dead: a check may take 3 s, and three in a row must fail
    # (a killed process refuses connections at once, and redispatch covers the seconds until then).
    timeout check 3s
    # Inactivity limits, and in HTTP mode also what limits an SSE response (timeout tunnel applies
    # only to upgraded connections). The poke stream sends a comment every 20 s (sse.ping in
    # trpc.ts), so an idle subscription never reaches them; a vanished device is dropped after 60 s.
    timeout client 60s
    timeout server 60s
    timeout http-keep-alive 10s
    option redispatch
    retries 3

frontend store_delivery
    bind ${options.bind}
    default_backend servers

backend servers
    # Pokes are long-lived connections: leastconn spreads them evenly, also after a process returns.
    balance leastconn
    # A poke is a few bytes on a stream that stays open: send it now rather than wait for more data
    # to fill a packet (without this, each poke waited about 200 ms here).
    option http-no-delay
    option httpchk GET /healthz
    http-check expect status 200
    # Which process answered: for operators, and for the tests that kill one.
    http-response set-header x-served-by %s
${options.servers.map((s) => `    server ${s.name} ${s.host}:${s.port} check inter 1s fall 3 rise 2`).join('\n')}
`;
}

export interface RunningHaproxy {
  readonly baseUrl: string;
  readonly pid: number;
  /** What HAProxy printed (servers going DOWN and UP, alerts), most recent last. */
  output(): string;
  stop(): Promise<void>;
}

/** Where Debian's package puts it; null when it is not installed (scripts/ensure-tools.sh installs it as root). */
export function haproxyPath(): string | null {
  return ['/usr/sbin/haproxy', '/usr/bin/haproxy', '/usr/local/sbin/haproxy'].find((p) => existsSync(p)) ?? null;
}

/** Starts HAProxy in the foreground on a free local port and waits until it reaches a healthy process. */
export async function startHaproxy(options: { servers: readonly BackendServer[]; timeoutMs?: number; maxConnections?: number }): Promise<RunningHaproxy> {
  const binary = haproxyPath();
  if (!binary) throw new Error('HAProxy is not installed: apt-get install haproxy (scripts/ensure-tools.sh does it as root).');
  const port = await freePort();
  const dir = await mkdtemp(path.join(os.tmpdir(), 'haproxy-'));
  const configFile = path.join(dir, 'haproxy.cfg');
  await writeFile(configFile, haproxyConfig({ bind: `127.0.0.1:${port}`, ...options }));
  const child = spawn(binary, ['-db', '-f', configFile], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const collect = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-10_000));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const exited = once(child, 'exit');
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      await Promise.race([exited, sleep(5_000)]);
      child.kill('SIGKILL');
    }
    await rm(dir, { recursive: true, force: true });
  };
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  while (Date.now() < deadline) {
    if (child.exitCode !== null) break;
    const healthy = await fetch(`${baseUrl}/healthz`).then((r) => r.ok, () => false);
    if (healthy) return { baseUrl, pid: child.pid ?? -1, output: () => output, stop };
    await sleep(100);
  }
  await stop();
  throw new Error(`HAProxy did not reach a healthy server on ${baseUrl}.\n${output}`);
}
