import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { paths } from '../../env.js';

/** The real server (`apps/server/src/main.ts`) running as a child process, as `pnpm start` runs it. */
export interface ServerProcess {
  /** The tRPC endpoint the server printed, e.g. http://127.0.0.1:41234/trpc. */
  readonly trpcUrl: string;
  /** The process group's id (the tsx wrapper's pid; the server runs in its child). */
  readonly pid: number;
  /** Everything the server wrote so far, for failure messages. */
  output(): string;
  /** Signals the whole process group and waits until every process in it is gone. */
  stop(signal: 'SIGKILL' | 'SIGTERM'): Promise<void>;
}

export interface StartServer {
  /** DATABASE_URL and DATA_DIR; '' leaves a variable unset (env.ts treats '' as absent). */
  readonly env: { DATABASE_URL: string; DATA_DIR: string };
  readonly timeoutMs: number;
}

const tsx = path.join(paths.repoRoot, 'node_modules/.bin/tsx');
const serverDir = path.join(paths.repoRoot, 'apps/server');
const trpcLine = /tRPC API\s+(http:\/\/\S+\/trpc)/;

/** Starts the server on a port of its choosing (PORT=0) and resolves once it prints its tRPC address. */
export async function startServer({ env, timeoutMs }: StartServer): Promise<ServerProcess> {
  // detached: its own process group. tsx runs the server in a grandchild node process, and SIGKILL
  // cannot be relayed, so killing only the tsx pid would leave the real server running.
  const child = spawn(tsx, ['src/main.ts'], {
    cwd: serverDir,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_DATA: 'on' },
  });
  let output = '';
  const collect = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-20_000));
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  const server: ServerProcess = { trpcUrl: '', pid: child.pid ?? -1, output: () => output, stop: (signal) => stopGroup(child, signal) };
  try {
    const trpcUrl = await waitFor(() => output.match(trpcLine)?.[1], { child, timeoutMs, what: 'the tRPC address' });
    return { ...server, trpcUrl };
  } catch (error) {
    await server.stop('SIGKILL');
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}`);
  }
}

async function waitFor<T>(read: () => T | undefined, { child, timeoutMs, what }: { child: ChildProcess; timeoutMs: number; what: string }): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = read();
    if (value !== undefined) return value;
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`The server exited (${child.exitCode ?? child.signalCode}) before printing ${what}.`);
    await sleep(50);
  }
  throw new Error(`The server did not print ${what} within ${timeoutMs} ms.`);
}

/** Safe to call twice and after the process died on its own. */
async function stopGroup(child: ChildProcess, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
  if (child.pid === undefined) return;
  const exited = child.exitCode !== null || child.signalCode !== null ? Promise.resolve() : once(child, 'exit');
  signalGroup(child.pid, signal);
  await Promise.race([exited, sleep(15_000)]);
  if (signal === 'SIGTERM') signalGroup(child.pid, 'SIGKILL'); // whatever did not stop gracefully
  // The orphaned grandchild is reaped by init; the data directory is free only once it is gone.
  for (let i = 0; i < 200 && isGroupAlive(child.pid); i++) await sleep(50);
  if (isGroupAlive(child.pid)) throw new Error(`Process group ${child.pid} is still alive after ${signal}.`);
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

function isGroupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}
