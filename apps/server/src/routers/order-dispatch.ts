import { eq } from 'drizzle-orm';
import type { Order } from '@repo/domain';
import type { Database } from '../db/database.js';
import { stores } from '../db/schema.js';
import { rankCandidates, type Ranking } from '../dispatch/candidate-ranking.js';
import { loadDispatchFacts } from '../dispatch/dispatch-facts.js';

export type { CandidateStore, LeftOutStore, Ranking } from '../dispatch/candidate-ranking.js';

/** The stores that could take the order, best first, and those left out with why (docs/dispatch.md DS1-DS4). */
export async function candidateStores(db: Database, order: Order, now: Date): Promise<Ranking> {
  return rankCandidates(order, await loadDispatchFacts(db, order.lines.map((l) => l.productId)), now);
}

export async function findStore(db: Database, storeId: string): Promise<{ id: string; open: boolean } | null> {
  const [row] = await db.select({ id: stores.id, open: stores.open }).from(stores).where(eq(stores.id, storeId)).limit(1);
  return row ?? null;
}
