import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { describe } from 'vitest';
import { openDatabase, type OpenDatabase } from '../db/database.js';
import { paths } from '../env.js';

/** Which database this vitest project runs the server suite on (set per project in vitest.config.ts). */
export const testDatabaseKind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const postgresUrl = process.env.DATABASE_URL;

/**
 * `describe` for suites that need a database. On the PostgreSQL leg without DATABASE_URL the suite
 * is reported as skipped, with the reason, rather than silently passing.
 */
export const describeWithDatabase: typeof describe =
  testDatabaseKind === 'postgres' && !postgresUrl
    ? (((name: string, fn: () => void) => describe.skip(`${name} (PostgreSQL leg skipped: DATABASE_URL is not set)`, fn)) as typeof describe)
    : describe;

/**
 * A fresh, migrated database of its own: in-memory PGlite, or a new PostgreSQL database that is
 * dropped on close, so runs and workers never see each other's rows.
 */
export async function openTestDatabase(): Promise<OpenDatabase & { url?: string }> {
  if (testDatabaseKind === 'pglite') return openDatabase({ kind: 'pglite' }, paths.migrations);
  const name = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  await withAdmin((admin) => admin.query(`CREATE DATABASE ${name}`));
  const url = new URL(postgresUrl!);
  url.pathname = `/${name}`;
  const opened = await openDatabase({ kind: 'postgres', url: url.toString() }, paths.migrations);
  return {
    ...opened,
    /** For a second connection pool on the same database: another server process, as far as the database can tell. */
    url: url.toString(),
    close: async () => {
      await opened.close();
      await withAdmin((admin) => admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresUrl });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}
