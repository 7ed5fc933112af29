import { and, eq, inArray } from 'drizzle-orm';
import { distanceKm, type Order } from '@repo/domain';
import type { Database } from '../db/database.js';
import { stock, stores } from '../db/schema.js';

export interface CandidateStore {
  readonly storeId: string;
  readonly code: string;
  readonly name: string;
  readonly distanceKm: number;
  /** True when the store has every line in stock at the ordered quantity. */
  readonly hasAllStock: boolean;
  readonly declined: boolean;
}

/** Stores that could fill the order, nearest with full stock first (物流调配: by actual stock, then distance). */
export async function candidateStores(db: Database, order: Order): Promise<CandidateStore[]> {
  const productIds = order.lines.map((l) => l.productId);
  const [allStores, stockRows] = await Promise.all([
    db.select().from(stores),
    db.select().from(stock).where(and(inArray(stock.productId, productIds))),
  ]);
  const onHand = new Map(stockRows.map((r) => [`${r.storeId}/${r.productId}`, r.quantity]));
  return allStores
    .map((s) => ({
      storeId: s.id,
      code: s.code,
      name: s.name,
      distanceKm: Math.round(distanceKm(s, order.address) * 10) / 10,
      hasAllStock: order.lines.every((l) => (onHand.get(`${s.id}/${l.productId}`) ?? 0) >= l.quantity),
      declined: order.declinedBy.includes(s.id),
    }))
    .sort((a, b) => Number(b.hasAllStock) - Number(a.hasAllStock) || Number(a.declined) - Number(b.declined) || a.distanceKm - b.distanceKm);
}

export async function storeExists(db: Database, storeId: string): Promise<boolean> {
  return (await db.select({ id: stores.id }).from(stores).where(eq(stores.id, storeId)).limit(1)).length === 1;
}
