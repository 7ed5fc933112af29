import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../apps/server/src/scale-out/free-port.js';

const repoRoot = path.resolve(import.meta.dirname, '../..');

export interface LoadServer {
  readonly baseUrl: string;
  /** Which code was measured: the checked-out commit and when the served store app was built. */
  readonly build: string;
  /** Stops the server's whole process group and removes its data directory; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * Starts the server the README's way (`bash scripts/start.sh`: install, build, run) on a free local
 * port with a fresh PGlite directory, and waits for /healthz. With LOAD_SKIP_BUILD=1 it runs only
 * start.sh's last step on the existing builds, for a tree where another package does not build
 * right now. The server runs in a process group of its own so that stopping it also stops the
 * tsx child. LOAD_PORT fixes the port (for a machine where each person is given theirs); by default
 * the system picks a free one.
 */
export async function startLoadServer(options: { env?: Record<string, string>; startTimeoutMs?: number } = {}): Promise<LoadServer> {
  const port = process.env.LOAD_PORT ? Number(process.env.LOAD_PORT) : await freePort();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'load-pglite-'));
  const skipBuild = process.env.LOAD_SKIP_BUILD === '1';
  const [command, args, cwd] = skipBuild
    ? [path.join(repoRoot, 'node_modules/.bin/tsx'), ['src/main.ts'], path.join(repoRoot, 'apps/server')]
    : ['bash', ['scripts/start.sh'], repoRoot];
  const child = spawn(command, args, {
    cwd,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATA_DIR: dataDir, DATABASE_URL: '', LOG_LEVEL: 'warn', ...options.env },
  });
  const log: string[] = [];
  const keep = (chunk: Buffer) => log.push(chunk.toString()) > 200 && log.shift();
  child.stdout?.on('data', keep);
  child.stderr?.on('data', keep);
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const killOnExit = () => killGroup(child, 'SIGKILL');
  process.once('exit', killOnExit);

  let stopped = false;
  const server: LoadServer = {
    baseUrl: `http://127.0.0.1:${port}`,
    get build() {
      return describeBuild();
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      killGroup(child, 'SIGTERM');
      const hard = setTimeout(() => killGroup(child, 'SIGKILL'), 10_000);
      await exited;
      clearTimeout(hard);
      process.off('exit', killOnExit);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
  try {
    await waitForHealth(server.baseUrl, exited, options.startTimeoutMs ?? 240_000);
  } catch (error) {
    await server.stop();
    const hint = skipBuild ? '' : ' (start.sh installs and builds quietly: if the build fails, LOAD_SKIP_BUILD=1 uses the existing builds)';
    throw new Error(`server did not start: ${(error as Error).message}${hint}\n${log.join('').slice(-4000)}`);
  }
  return server;
}

/** Runs `body` with a started server and always stops it, also on Ctrl-C. */
export async function withLoadServer<T>(options: Parameters<typeof startLoadServer>[0], body: (server: LoadServer) => Promise<T>): Promise<T> {
  const server = await startLoadServer(options);
  const onSignal = () => void server.stop().finally(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    return await body(server);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await server.stop();
  }
}

function describeBuild(): string {
  let commit = 'unknown commit';
  try {
    commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot, encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout.
  }
  let built = 'not built';
  try {
    built = statSync(path.join(repoRoot, 'apps/store/dist/index.html')).mtime.toISOString();
  } catch {
    // No store build.
  }
  return `HEAD ${commit}, store app built ${built}`;
}

function killGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

async function waitForHealth(baseUrl: string, exited: Promise<void>, timeoutMs: number): Promise<void> {
  let hasExited = false;
  void exited.then(() => (hasExited = true));
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (hasExited) throw new Error('start.sh exited');
    try {
      if ((await fetch(`${baseUrl}/healthz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no /healthz within ${timeoutMs} ms`);
}
