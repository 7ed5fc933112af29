import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase, rowsOf, type OpenDatabase } from '../db/database.js';
import { orders } from '../db/schema.js';
import { paths } from '../env.js';
import { seedTestChain } from '../test/test-chain.js';
import { dueOffers } from '../test/due-offers.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';
import { expireDueOffers } from './offer-expiry.js';

const now = new Date('2026-11-23T10:00:00+08:00');

describeWithDatabase(`offer expiry on ${testDatabaseKind}`, () => {
  let database: OpenDatabase & { url?: string };
  let second: OpenDatabase | null = null;

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    // On PostgreSQL a second pool is a second server process as far as the database can tell.
    if (database.url) second = await openDatabase({ kind: 'postgres', url: database.url }, paths.migrations);
  }, 120_000);
  afterAll(async () => {
    await second?.close();
    await database?.close();
  });

  test('[DS7] 1,000 due offers, two expirers at once: each offer is expired exactly once', async () => {
    const rows = dueOffers(1000, now);
    for (let i = 0; i < rows.length; i += 250) await database.db.insert(orders).values(rows.slice(i, i + 250));
    const other = second?.db ?? database.db;
    const [a, b] = await Promise.all([
      expireDueOffers(database.db, { now, batchSize: 100 }),
      expireDueOffers(other, { now, batchSize: 100 }),
    ]);
    expect(a.expired + b.expired).toBe(1000);
    if (second) expect(Math.min(a.expired, b.expired)).toBeGreaterThan(0);
    const [counts] = await rowsOf<{ events: number; orders: number; still: number; returned: number }>(database.db, sql`
      SELECT (SELECT count(*) FROM order_events WHERE type = 'expire_offer')::int AS events,
        (SELECT count(DISTINCT order_id) FROM order_events WHERE type = 'expire_offer')::int AS orders,
        (SELECT count(*) FROM orders WHERE status = 'offered')::int AS still,
        (SELECT count(*) FROM orders WHERE status = 'received' AND dispatch_state = 'returned' AND offer_expires_at IS NULL)::int AS returned`);
    expect(counts).toEqual({ events: 1000, orders: 1000, still: 0, returned: 1000 });
    const [history] = await rowsOf<{ n: number }>(database.db, sql`SELECT count(*)::int AS n FROM order_events WHERE type = 'expire_offer' AND actor_user_id IS NULL`);
    expect(history!.n).toBe(1000);
    expect(new Set([...a.touched, ...b.touched])).toEqual(new Set(['store-a', 'store-b']));
  }, 120_000);

  test('[DS7] an offer still open is left alone, and expires at its time with no one watching', async () => {
    const [row] = dueOffers(1, new Date(now.getTime() + 10 * 60_000), 'later');
    await database.db.insert(orders).values(row!);
    expect((await expireDueOffers(database.db, { now })).expired).toBe(0);
    expect((await expireDueOffers(database.db, { now: new Date(now.getTime() + 9 * 60_000) })).expired).toBe(1);
  });
});
