import { sql } from 'drizzle-orm';
import { orderSchema, transition, type Actor, type OrderTransition } from '@repo/domain';
import { rowsOf, type Database } from '../db/database.js';
import { saveTransitions } from '../db/order-rows.js';

const system: Actor = { role: 'system' };

export interface ExpiryRun {
  /** Offers this run expired; each belongs to this run alone. */
  readonly expired: number;
  /** Stores whose view changed: poke them after the commit. */
  readonly touched: ReadonlySet<string>;
}

/**
 * Expires every offer whose time is up (lifecycle OL4, actor system), in batches of `batchSize`.
 * Each batch locks its due offers with FOR UPDATE SKIP LOCKED, so any number of server processes
 * on one database share the work and each offer is expired by exactly one of them (DS7); a row
 * another process already expired no longer matches (PostgreSQL re-checks the WHERE on the new
 * row version), and the lifecycle refuses a second expiry anyway.
 */
export async function expireDueOffers(db: Database, options: { now: Date; batchSize?: number }): Promise<ExpiryRun> {
  const batchSize = options.batchSize ?? 500;
  const touched = new Set<string>();
  let expired = 0;
  for (;;) {
    const batch = await db.transaction(async (tx) => {
      const due = await rowsOf<{ data: unknown }>(tx, sql`
        SELECT data FROM orders
        WHERE status = 'offered' AND offer_expires_at <= ${options.now.toISOString()}::timestamptz
        ORDER BY offer_expires_at, id
        LIMIT ${batchSize}
        FOR UPDATE SKIP LOCKED`);
      const transitions: OrderTransition[] = [];
      for (const row of due) {
        const before = orderSchema.parse(row.data);
        const result = transition(before, { type: 'expire_offer' }, { actor: system, now: options.now });
        if (result.ok) transitions.push({ before, after: result.value, event: { type: 'expire_offer' }, actorUserId: null });
      }
      for (const storeId of await saveTransitions(tx, transitions)) touched.add(storeId);
      return { locked: due.length, expired: transitions.length };
    });
    expired += batch.expired;
    // A short batch means nothing due was left unlocked; rows other processes hold are theirs.
    if (batch.locked < batchSize) return { expired, touched };
  }
}
