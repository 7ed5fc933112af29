import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';

/** A database that outlives server processes: a PGlite directory or a PostgreSQL database of its own. */
export interface FaultDatabase {
  /** What the server process needs to open it. */
  readonly serverEnv: { DATABASE_URL: string; DATA_DIR: string };
  /** Opens it directly for checks. On PGlite only while no server has the directory open. */
  openSql(): Promise<SqlSession>;
  /** Removes the directory or drops the database; safe to call when creation failed half-way. */
  dispose(): Promise<void>;
}

export interface SqlSession {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A fresh, empty database of the kind this vitest project runs on. */
export async function createFaultDatabase(kind: 'pglite' | 'postgres'): Promise<FaultDatabase> {
  return kind === 'pglite' ? createPgliteDirectory() : createPostgresDatabase(adminUrl());
}

async function createPgliteDirectory(): Promise<FaultDatabase> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'fault-pglite-'));
  return {
    serverEnv: { DATABASE_URL: '', DATA_DIR: dataDir },
    async openSql() {
      const client = new PGlite(dataDir);
      return {
        query: async <T>(sql: string, params: unknown[] = []) => (await client.query<T>(sql, params)).rows,
        close: () => client.close(),
      };
    },
    dispose: () => rm(dataDir, { recursive: true, force: true }),
  };
}

/** Creates a uniquely named PostgreSQL database next to the one `adminUrl` points at. */
export async function createPostgresDatabase(adminUrl: string): Promise<FaultDatabase> {
  const name = `fault_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withClient(adminUrl, (admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    serverEnv: { DATABASE_URL: url.toString(), DATA_DIR: '' },
    async openSql() {
      const client = new pg.Client({ connectionString: url.toString() });
      await client.connect();
      return {
        query: async <T>(sql: string, params: unknown[] = []) => (await client.query(sql, params)).rows as T[],
        close: () => client.end(),
      };
    },
    // FORCE: a killed server's sessions may still be open on the PostgreSQL side.
    dispose: () => withClient(adminUrl, (admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}

function adminUrl(): string {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set: the PostgreSQL leg needs it.');
  return url;
}

async function withClient<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
