import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase, type OpenDatabase } from './db/database.js';
import { paths } from './env.js';
import { listenerApplicationName, PostgresStorePokes } from './postgres-store-pokes.js';
import { createPostgresDatabase, type FaultDatabase } from './sync/fault/fault-database.js';
import { seedTestChain, testServer, type TestServer } from './test/test-chain.js';
import { describeWithDatabase, testDatabaseKind } from './test/test-database.js';

// LISTEN/NOTIFY between processes is a PostgreSQL matter; PGlite keeps the in-process pokes.
const describeOnPostgres: typeof describe = testDatabaseKind === 'postgres'
  ? describeWithDatabase
  : (((name: string, fn: () => void) => describe.skip(`${name} (PostgreSQL only: PGlite has one process)`, fn)) as typeof describe);

describeOnPostgres('[SO] store pokes across processes through LISTEN/NOTIFY', () => {
  let database: FaultDatabase | undefined;
  let opened: OpenDatabase;
  let server: TestServer;
  let hqToken = '';
  /** Two listeners on one database stand for two server processes. */
  let processA: PostgresStorePokes;
  let processB: PostgresStorePokes;
  const logA: string[] = [];

  beforeAll(async () => {
    database = await createPostgresDatabase(process.env.DATABASE_URL!);
    const url = database.serverEnv.DATABASE_URL;
    opened = await openDatabase({ kind: 'postgres', url }, paths.migrations);
    await seedTestChain(opened.db);
    server = testServer(opened.db);
    hqToken = await server.login('hq');
    processA = await PostgresStorePokes.start({ url, log: (m) => logA.push(m) });
    processB = await PostgresStorePokes.start({ url, log: () => undefined });
  }, 60_000);

  afterAll(async () => {
    await processA?.close();
    await processB?.close();
    await opened?.close();
    await database?.dispose();
  });

  async function dispatch(storeId: string): Promise<void> {
    const hq = server.caller(hqToken);
    const order = await hq.orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] });
    await hq.orders.dispatch({ orderId: order.id, storeId });
  }

  /** Settles after every poke already received has been handed to its listener. */
  const quietMoment = () => new Promise<'quiet'>((resolve) => setImmediate(() => resolve('quiet')));

  test('[SO1] a dispatch committed by one process pokes the store\'s subscribers in every process', async () => {
    const abort = new AbortController();
    const onA = processA.listen('store-a', abort.signal).next();
    const onB = processB.listen('store-a', abort.signal).next();
    await dispatch('store-a');
    await expect(Promise.all([onA, onB])).resolves.toMatchObject([{ done: false }, { done: false }]);
    abort.abort();
  });

  test('[SO1] poking a PostgreSQL process directly delivers nothing: the commit\'s NOTIFY is the one poke', async () => {
    const abort = new AbortController();
    const onB = processB.listen('store-b', abort.signal).next();
    processB.poke('store-b');
    expect(await Promise.race([onB.then(() => 'poked'), quietMoment()])).toBe('quiet');
    await dispatch('store-b');
    await expect(onB).resolves.toMatchObject({ done: false });
    abort.abort();
  });

  test('[SO2] a change that rolls back pokes nobody', async () => {
    const abort = new AbortController();
    const onA = processB.listen('store-a', abort.signal).next();
    const onB = processB.listen('store-b', abort.signal).next();
    const rolledBack = opened.db.transaction(async (tx) => {
      await tx.execute(sql`INSERT INTO store_versions (store_id, version) VALUES ('store-a', 1)
        ON CONFLICT (store_id) DO UPDATE SET version = store_versions.version + 1`);
      throw new Error('abandon');
    });
    await expect(rolledBack).rejects.toThrow('abandon');
    // Notifications arrive in commit order: once store-b's is in, store-a's would have come first.
    await dispatch('store-b');
    await onB;
    expect(await Promise.race([onA.then(() => 'poked'), quietMoment()])).toBe('quiet');
    abort.abort();
  });

  test('[SO3] a lost LISTEN connection is reopened, every subscriber pulls once, and later commits are heard', async () => {
    const abort = new AbortController();
    const pokes = processA.listen('store-a', abort.signal);
    const [killed] = await server.db.execute(sql`SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity
      WHERE application_name = ${listenerApplicationName} AND datname = current_database()`).then((r) => (r as unknown as { rows: { n: number }[] }).rows);
    expect(killed?.n).toBe(2);
    // The catch-up poke: commits made while the connection was down went unheard.
    await expect(pokes.next()).resolves.toMatchObject({ done: false });
    expect(logA.join('\n')).toMatch(/lost[\s\S]*listening again/);
    const next = pokes.next();
    await dispatch('store-a');
    await expect(next).resolves.toMatchObject({ done: false });
    abort.abort();
  });
});
