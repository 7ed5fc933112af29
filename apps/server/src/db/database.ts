import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import type { SQL } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import * as schema from './schema.js';

/** The one database type the rest of the server sees, whichever driver is underneath. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type Transaction = Parameters<Parameters<Database['transaction']>[0]>[0];

export interface OpenDatabase {
  readonly db: Database;
  readonly kind: 'pglite' | 'postgres';
  /**
   * Runs `fn` while no other server process on this database runs its own: start-up work (schema,
   * demo data) when several processes start together on one PostgreSQL.
   */
  exclusively<T>(fn: () => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/** The advisory lock every process of this app takes for its start-up work; any constant would do. */
const startupLock = 47_112_026;

export type DatabaseTarget = { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir?: string };

/** Opens the database and brings its schema up to date before anyone uses it. */
export async function openDatabase(target: DatabaseTarget, migrationsFolder: string): Promise<OpenDatabase> {
  if (target.kind === 'postgres') {
    const pool = new pg.Pool({ connectionString: target.url, max: 10 });
    // An idle connection the server closes (restart, admin kill) must not crash the process: the
    // pool drops it and opens a new one on the next query.
    pool.on('error', (error) => console.warn(`PostgreSQL connection lost: ${error.message}`));
    const db = drizzlePg(pool, { schema });
    const exclusively = <T>(fn: () => Promise<T>) => whileHoldingLock(pool, startupLock, fn);
    await exclusively(() => migratePg(db, { migrationsFolder }));
    return { db: db as unknown as Database, kind: 'postgres', exclusively, close: () => pool.end() };
  }
  if (target.dataDir) mkdirSync(target.dataDir, { recursive: true });
  const client = target.dataDir ? new PGlite(target.dataDir) : new PGlite();
  const db = drizzlePglite(client, { schema });
  await migratePglite(db, { migrationsFolder });
  // One process owns a PGlite directory: nobody to wait for.
  return { db: db as unknown as Database, kind: 'pglite', exclusively: (fn) => fn(), close: () => client.close() };
}

/** A session advisory lock on one pooled connection, released (or the connection dropped) afterwards. */
async function whileHoldingLock<T>(pool: pg.Pool, key: number, fn: () => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('SELECT pg_advisory_lock($1)', [key]);
    return await fn();
  } finally {
    await client.query('SELECT pg_advisory_unlock($1)', [key]).catch((error: Error) => (broken = error));
    client.release(broken);
  }
}

/**
 * Rows of a raw SQL statement, for the few hot paths written in SQL. Both drivers (node-postgres
 * and PGlite) answer `execute` with an object holding `rows`; Drizzle's shared type cannot say so.
 */
export async function rowsOf<T>(db: Database | Transaction, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as { rows?: unknown };
  if (!Array.isArray(result.rows)) throw new Error('The database driver answered without rows.');
  return result.rows as T[];
}
