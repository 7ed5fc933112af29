import { sql } from 'drizzle-orm';
import { distanceKm, orderSchema, type Order } from '@repo/domain';
import { rowsOf, type Database } from '../db/database.js';
import { stores } from '../db/schema.js';

/** A web order as the reviewer weighs it: who, where, what, how much, and how long it has waited. */
export interface ReviewItem {
  readonly orderId: string;
  readonly number: string;
  /** The web shop's own order number. */
  readonly webOrderNumber: string;
  readonly receivedAt: string;
  /** Seconds since it came in, by the server's clock (the console's clock may be off). */
  readonly waitingSeconds: number;
  readonly customer: { readonly name: string; readonly phone: string; readonly nameInShop: string; readonly earlierOrders: number };
  readonly address: Order['address'];
  readonly lines: readonly { readonly name: string; readonly gtin: string; readonly quantity: number; readonly unitPriceFen: number | null }[];
  readonly totalFen: number;
  readonly paymentMethod: 'prepaid' | 'on_delivery';
  readonly note: string | null;
  /** The nearest open store and whether the pin lies within its delivery radius. */
  readonly nearestStore: { readonly name: string; readonly distanceM: number; readonly inRange: boolean } | null;
  readonly ownerName: string | null;
  /** For the call list: why the reviewer wants the customer called, who asked and when. */
  readonly confirmReason: string | null;
  readonly reviewedByName: string | null;
  readonly reviewedAt: string | null;
}

interface Row {
  id: string; number: string; data: unknown; created_at: string | Date; shop_reference: string; customer_name: string; note: string | null;
  owner_name: string | null; confirm_reason: string | null; reviewer_name: string | null; reviewed_at: string | Date | null; earlier_orders: number | string;
}

/** Web orders in one review state that are still waiting (received), oldest first (WS8, WS9). */
export async function reviewItems(db: Database, state: 'pending' | 'confirm_by_phone', now: Date, limit = 200): Promise<ReviewItem[]> {
  const rows = await rowsOf<Row>(db, sql`
    SELECT o.id, o.number, o.data, o.created_at, w.shop_reference, w.customer_name, w.note, w.confirm_reason, w.reviewed_at,
      owner.display_name AS owner_name, reviewer.display_name AS reviewer_name,
      (SELECT count(*) FROM orders e WHERE e.customer_id = o.customer_id AND e.id <> o.id) AS earlier_orders
    FROM orders o
    JOIN web_orders w ON w.order_id = o.id
    LEFT JOIN users owner ON owner.id = o.owner_user_id
    LEFT JOIN users reviewer ON reviewer.id = w.reviewed_by
    WHERE o.review_state = ${state} AND o.status = 'received'
    ORDER BY o.created_at, o.id
    LIMIT ${limit}`);
  const openStores = (await db.select({ name: stores.name, lat: stores.lat, lng: stores.lng, radiusM: stores.deliveryRadiusM, open: stores.open }).from(stores)).filter((s) => s.open);
  return rows.map((row) => itemOf(row, openStores, now));
}

/** How many web orders wait in each list, for the console's badge. */
export async function reviewCounts(db: Database): Promise<{ pending: number; confirmByPhone: number }> {
  const rows = await rowsOf<{ review_state: string; n: number | string }>(db, sql`
    SELECT review_state, count(*) AS n FROM orders WHERE review_state IS NOT NULL AND status = 'received' GROUP BY review_state`);
  const count = (state: string) => Number(rows.find((r) => r.review_state === state)?.n ?? 0);
  return { pending: count('pending'), confirmByPhone: count('confirm_by_phone') };
}

function itemOf(row: Row, openStores: { name: string; lat: number; lng: number; radiusM: number }[], now: Date): ReviewItem {
  const order = orderSchema.parse(row.data);
  const receivedAt = new Date(row.created_at);
  const nearest = openStores
    .map((s) => ({ name: s.name, distanceM: Math.round(distanceKm(s, order.address) * 1000), radiusM: s.radiusM }))
    .sort((a, b) => a.distanceM - b.distanceM)[0];
  return {
    orderId: row.id, number: row.number, webOrderNumber: row.shop_reference, receivedAt: receivedAt.toISOString(),
    waitingSeconds: Math.max(0, Math.round((now.getTime() - receivedAt.getTime()) / 1000)),
    customer: { name: order.customerName, phone: order.customerPhone, nameInShop: row.customer_name, earlierOrders: Number(row.earlier_orders) },
    address: order.address,
    lines: order.lines.map((l) => ({ name: l.name, gtin: l.gtin, quantity: l.quantity, unitPriceFen: l.unitPriceFen ?? null })),
    totalFen: order.lines.reduce((sum, l) => sum + (l.unitPriceFen ?? 0) * l.quantity, 0),
    paymentMethod: order.payment?.method ?? 'on_delivery',
    note: row.note,
    nearestStore: nearest ? { name: nearest.name, distanceM: nearest.distanceM, inRange: nearest.distanceM <= nearest.radiusM } : null,
    ownerName: row.owner_name,
    confirmReason: row.confirm_reason,
    reviewedByName: row.reviewer_name,
    reviewedAt: row.reviewed_at ? new Date(row.reviewed_at).toISOString() : null,
  };
}
