import { PGlite } from '@electric-sql/pglite';
import type { Logger } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import type { Database } from '../src/db/database.js';
import * as schema from '../src/db/schema.js';
import { paths } from '../src/env.js';
import { createPostgresDatabase } from '../src/sync/fault/fault-database.js';

/** A fresh database opened as the server opens it (`db/database.ts`), plus a statement log for profiling. */
export interface BenchDatabase {
  readonly kind: 'pglite' | 'postgres';
  readonly db: Database;
  /** The PostgreSQL database's URL, for probes beside the pool; null on PGlite. */
  readonly url: string | null;
  readonly statements: StatementLog;
  close(): Promise<void>;
}

/** Counts the statements Drizzle sends, by verb and table, while `recording` is on. */
export class StatementLog implements Logger {
  recording = false;
  readonly counts = new Map<string, number>();

  logQuery(query: string): void {
    if (!this.recording) return;
    const key = statementKind(query);
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
  }

  total(): number {
    return [...this.counts.values()].reduce((a, b) => a + b, 0);
  }
}

/** In-memory PGlite, or a new PostgreSQL database next to `adminUrl` that `close` drops. */
export async function openBenchDatabase(target: { kind: 'pglite' } | { kind: 'postgres'; adminUrl: string }): Promise<BenchDatabase> {
  const statements = new StatementLog();
  if (target.kind === 'pglite') {
    const client = new PGlite();
    const db = drizzlePglite(client, { schema, logger: statements });
    await migratePglite(db, { migrationsFolder: paths.migrations });
    return { kind: 'pglite', db: db as unknown as Database, url: null, statements, close: () => client.close() };
  }
  const scratch = await createPostgresDatabase(target.adminUrl);
  // The server's pool size (db/database.ts), so concurrency is limited the same way.
  const pool = new pg.Pool({ connectionString: scratch.serverEnv.DATABASE_URL, max: 10 });
  // pool.end() resolves before its connections finish closing, so DROP ... WITH (FORCE) can still
  // terminate one; without a listener that error would crash the process.
  let closing = false;
  pool.on('error', (error) => {
    if (!closing) throw error;
  });
  const db = drizzlePg(pool, { schema, logger: statements });
  await migratePg(db, { migrationsFolder: paths.migrations });
  return {
    kind: 'postgres', db: db as unknown as Database, url: scratch.serverEnv.DATABASE_URL, statements,
    close: async () => {
      closing = true;
      await pool.end();
      await scratch.dispose();
    },
  };
}

/** "INSERT sync_outcomes", "SELECT orders FOR UPDATE", "WITH: UPDATE sync_clients + INSERT sync_outcomes", "BEGIN" … */
function statementKind(query: string): string {
  const text = query.trim().replace(/\s+/g, ' ');
  const verb = text.split(' ', 1)[0]!.toUpperCase();
  if (verb === 'WITH') {
    // A statement with data-modifying CTEs: name every write in it.
    const writes = [...text.matchAll(/\b(insert into|update) (?!set\b)"?(\w+)"?/gi)].map((m) => `${m[1]!.split(' ')[0]!.toUpperCase()} ${m[2]}`);
    return `WITH: ${[...new Set(writes)].join(' + ')}`;
  }
  const table = text.match(/(?:from|into|update) "?(\w+)"?/i)?.[1];
  const locking = / for update$/i.test(text) ? ' FOR UPDATE' : '';
  const conflict = / on conflict do nothing/i.test(text) ? ' ON CONFLICT DO NOTHING' : '';
  return table ? `${verb} ${table}${conflict}${locking}` : verb;
}
