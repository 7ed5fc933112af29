import { and, eq, inArray, sql } from 'drizzle-orm';
import { orderSchema, storeOf, type Order, type OrderEvent } from '@repo/domain';
import type { Database, Transaction } from './database.js';
import { orderEvents, orders, storeOrderRemovals, storeVersions } from './schema.js';

type Executor = Database | Transaction;

/** Reads one order, locking its row when inside a transaction that will change it. */
export async function loadOrder(db: Executor, orderId: string, opts: { forUpdate?: boolean } = {}): Promise<Order | null> {
  const query = db.select({ data: orders.data }).from(orders).where(eq(orders.id, orderId));
  const rows = opts.forUpdate ? await query.for('update') : await query;
  return rows[0] ? orderSchema.parse(rows[0].data) : null;
}

/** Saves a new order (no store yet) and its first history entry. */
export async function insertOrder(tx: Transaction, order: Order, actorUserId: string): Promise<void> {
  await tx.insert(orders).values(rowOf(order, 0));
  await tx.insert(orderEvents).values({
    orderId: order.id, type: 'create', actorUserId, fromStatus: order.status, toStatus: order.status, at: new Date(order.createdAt),
  });
}

/**
 * Saves the result of a lifecycle transition with its history entry, and bumps the version of
 * every store that sees the change (the one it left and the one it went to).
 */
export async function saveTransition(
  tx: Transaction,
  change: { before: Order; after: Order; event: OrderEvent; actorUserId: string | null },
): Promise<string[]> {
  const touched = [...new Set([storeOf(change.before), storeOf(change.after)].filter((s): s is string => s !== null))];
  const versions = await bumpStoreVersions(tx, touched);
  const after = storeOf(change.after);
  const before = storeOf(change.before);
  if (before && before !== after) {
    await tx.insert(storeOrderRemovals).values({ storeId: before, orderId: change.after.id, version: versions.get(before) ?? 0 });
  }
  await tx.update(orders).set(rowOf(change.after, after ? (versions.get(after) ?? 0) : 0)).where(eq(orders.id, change.after.id));
  const { type, ...payload } = change.event;
  await tx.insert(orderEvents).values({
    orderId: change.after.id, type, actorUserId: change.actorUserId, fromStatus: change.before.status,
    toStatus: change.after.status, payload, at: new Date(change.after.updatedAt),
  });
  return touched;
}

async function bumpStoreVersions(tx: Transaction, storeIds: string[]): Promise<Map<string, number>> {
  if (storeIds.length === 0) return new Map();
  // One upsert; rows sorted so two transactions touching the same stores lock them in the same order.
  const rows = await tx
    .insert(storeVersions)
    .values([...storeIds].sort().map((storeId) => ({ storeId, version: 1 })))
    .onConflictDoUpdate({ target: storeVersions.storeId, set: { version: sql`${storeVersions.version} + 1` } })
    .returning({ storeId: storeVersions.storeId, version: storeVersions.version });
  return new Map(rows.map((r) => [r.storeId, r.version]));
}

function rowOf(order: Order, storeVersion: number) {
  return {
    id: order.id, number: order.number, status: order.status, storeId: storeOf(order), customerId: order.customerId,
    data: order, storeVersion, createdAt: new Date(order.createdAt), updatedAt: new Date(order.updatedAt),
  };
}

/** A store sees an order from the offer until it is delivered; history lives in head office. */
export const storeVisibleStatuses = [
  'offered', 'accepted', 'picking', 'short', 'picked', 'out_for_delivery', 'returned_to_store', 'delivered',
] as const;
