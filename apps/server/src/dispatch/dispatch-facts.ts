import { inArray, sql } from 'drizzle-orm';
import type { Database, Transaction } from '../db/database.js';
import { stock, stores, syncClients } from '../db/schema.js';
import type { DispatchFacts } from './candidate-ranking.js';

/** Reads what ranking needs for orders of these products: every store, its free stock and when its devices were last seen. */
export async function loadDispatchFacts(db: Database | Transaction, productIds: readonly string[]): Promise<DispatchFacts> {
  const ids = [...new Set(productIds)];
  const [storeRows, stockRows, seenRows] = await Promise.all([
    db.select().from(stores).orderBy(stores.code),
    ids.length === 0 ? Promise.resolve([]) : db
      .select({ storeId: stock.storeId, productId: stock.productId, free: sql<number>`greatest(${stock.quantity} - ${stock.reserved}, 0)::int` })
      .from(stock).where(inArray(stock.productId, ids)),
    db.select({ storeId: syncClients.storeId, lastSeenAt: sql<string>`max(${syncClients.updatedAt})` }).from(syncClients).groupBy(syncClients.storeId),
  ]);
  const seen = new Map(seenRows.map((r) => [r.storeId, new Date(r.lastSeenAt)]));
  return {
    stores: storeRows.map((s) => ({
      id: s.id, code: s.code, name: s.name, lat: s.lat, lng: s.lng, deliveryRadiusM: s.deliveryRadiusM, open: s.open, lastSeenAt: seen.get(s.id) ?? null,
    })),
    free: new Map(stockRows.map((r) => [`${r.storeId}/${r.productId}`, Number(r.free)])),
  };
}
