import { sql } from 'drizzle-orm';
import { toGtin14 } from '@repo/domain';
import { rowsOf, type Database } from '../db/database.js';
import { products, stores } from '../db/schema.js';
import type { FieldProblem, StockCount } from './stock-counts.js';

export type ImportResult = { ok: true; storeId: string; products: number; zeroed: number } | { ok: false; problems: FieldProblem[] };

/**
 * Replaces a store's on-hand quantities with the inventory system's counts (DS14): listed products
 * get their count, products it no longer lists drop to 0. Reservations stay: they are this
 * system's, for orders accepted and not yet delivered. All or nothing: an unknown product refuses
 * the whole import, with the row named.
 */
export async function replaceStoreStock(db: Database, storeId: string, counts: readonly StockCount[]): Promise<ImportResult> {
  const [store] = await db.select({ id: stores.id }).from(stores).where(sql`${stores.id} = ${storeId}`);
  if (!store) return { ok: false, problems: [{ path: 'storeId', message: 'No such store.' }] };
  const catalogue = await db.select({ id: products.id, gtin: products.gtin }).from(products);
  const byGtin = new Map(catalogue.map((p) => [toGtin14(p.gtin), p.id]));
  const ids = new Set(catalogue.map((p) => p.id));
  const problems: FieldProblem[] = [];
  const listed = new Map<string, number>();
  for (const count of counts) {
    const productId = 'gtin' in count ? byGtin.get(toGtin14(count.gtin)) : ids.has(count.sku) ? count.sku : undefined;
    if (!productId) problems.push({ path: `${count.path}.${'gtin' in count ? 'gtin' : 'sku'}`, message: 'No such product in the chain\'s catalogue.' });
    else if (listed.has(productId)) problems.push({ path: count.path, message: 'This product is listed twice (once by barcode, once by sku).' });
    else listed.set(productId, count.quantity);
  }
  if (problems.length) return { ok: false, problems: problems.slice(0, 50) };
  const rows = [...listed].sort(([a], [b]) => (a < b ? -1 : 1)).map(([productId, quantity]) => ({ productId, quantity }));
  const zeroed = await db.transaction(async (tx) => {
    // The store's version row first, as saveTransitions takes it: imports and transitions of one
    // store queue on it, so their stock rows are never locked in opposite orders.
    await tx.execute(sql`INSERT INTO store_versions (store_id, version) VALUES (${storeId}, 0)
      ON CONFLICT (store_id) DO UPDATE SET version = store_versions.version`);
    const [result] = await rowsOf<{ zeroed: number }>(tx, sql`
      WITH listed AS (
        SELECT r->>'productId' AS product_id, (r->>'quantity')::int AS quantity
        FROM jsonb_array_elements(${JSON.stringify(rows)}::jsonb) AS r
      ), upserted AS (
        INSERT INTO stock (store_id, product_id, quantity) SELECT ${storeId}, product_id, quantity FROM listed ORDER BY product_id
        ON CONFLICT (store_id, product_id) DO UPDATE SET quantity = excluded.quantity
      ), zeroed AS (
        UPDATE stock SET quantity = 0
        WHERE store_id = ${storeId} AND quantity <> 0 AND product_id NOT IN (SELECT product_id FROM listed)
        RETURNING product_id
      )
      SELECT count(*)::int AS zeroed FROM zeroed`);
    return Number(result?.zeroed ?? 0);
  });
  return { ok: true, storeId, products: rows.length, zeroed };
}
