import { eq, sql } from 'drizzle-orm';
import { orderSchema, stockChangesOf, storeOf, type Order, type OrderTransition } from '@repo/domain';
import { rowsOf, type Database, type Transaction } from './database.js';
import { orderEvents, orders } from './schema.js';

type Executor = Database | Transaction;

/** Reads one order, locking its row when inside a transaction that will change it. */
export async function loadOrder(db: Executor, orderId: string, opts: { forUpdate?: boolean } = {}): Promise<Order | null> {
  const query = db.select({ data: orders.data }).from(orders).where(eq(orders.id, orderId));
  const rows = opts.forUpdate ? await query.for('update') : await query;
  return rows[0] ? orderSchema.parse(rows[0].data) : null;
}

/**
 * Saves a new order (no store yet) and its first history entry. Every order has an owner from its
 * first moment (一单责任制, docs/board.md BD1): the agent who took it, or whoever intake names.
 */
export async function insertOrder(tx: Transaction, order: Order, actorUserId: string, ownerUserId: string): Promise<void> {
  await tx.insert(orders).values({
    ...rowOf(order, 0), ownerUserId, statusSince: new Date(order.createdAt), promisedAt: order.promisedAt ? new Date(order.promisedAt) : null,
  });
  await tx.insert(orderEvents).values({
    orderId: order.id, type: 'create', actorUserId, fromStatus: order.status, toStatus: order.status, at: new Date(order.createdAt),
  });
}

/**
 * Saves lifecycle steps, in order: their history entries, each order's final row, a removal for
 * each order that left a store, and the stock they reserve, consume or release (docs/dispatch.md
 * DS10-DS13), so the count can never disagree with the orders. Every store that sees a change gets ONE version bump, shared
 * by all the changes (they commit together); returns those stores. One statement whatever the
 * number of steps, its rows passed as JSON parameters. It takes the store's version row, which
 * serialises every writer of that store until commit: call this last in a transaction.
 */
export async function saveTransitions(tx: Transaction, transitions: readonly OrderTransition[]): Promise<string[]> {
  if (transitions.length === 0) return [];
  const touched = new Set<string>();
  const removals: { storeId: string; orderId: string }[] = [];
  const finalRows = new Map<string, { order: Order; dispatchState: 'returned' | null }>();
  // When each order last changed status in these steps: a decline and a re-offer in one save
  // (offered -> received -> offered) is a new offer, though the final status is the old one.
  const statusChangedAt = new Map<string, string>();
  for (const { before, after } of transitions) {
    if (before.status !== after.status) statusChangedAt.set(after.id, after.updatedAt);
    const from = storeOf(before);
    const to = storeOf(after);
    if (from) touched.add(from);
    if (to) touched.add(to);
    if (from && from !== to) removals.push({ storeId: from, orderId: after.id });
    finalRows.set(after.id, { order: after, dispatchState: cameBackToDispatch(before, after) ? 'returned' : null });
  }
  // Sorted, so two transactions that touch the same stores lock their version rows in one order.
  const stores = [...touched].sort();
  const changed = [...finalRows.values()].map(({ order, dispatchState }) => ({
    id: order.id, status: order.status, storeId: storeOf(order), updatedAt: order.updatedAt, data: order, dispatchState,
    offerExpiresAt: order.status === 'offered' ? order.offerExpiresAt : null, statusChangedAt: statusChangedAt.get(order.id) ?? null,
  }));
  // A store's stock rows change only for transitions of that store, whose version row this statement
  // locks first (the join on bumped), so stock rows are always locked in the version rows' order.
  const stockChanges = stockChangesOf(transitions);
  const [result] = await rowsOf<{ saved: number }>(tx, sql`
    WITH history AS (
      INSERT INTO order_events (order_id, type, actor_user_id, from_status, to_status, payload, at)
      SELECT e->>'orderId', e->>'type', e->>'actorUserId', e->>'fromStatus', e->>'toStatus', e->'payload', (e->>'at')::timestamptz
      FROM jsonb_array_elements(${JSON.stringify(historyOf(transitions))}::jsonb) WITH ORDINALITY AS h(e, n)
      ORDER BY n
    ), changed AS (
      SELECT c->>'id' AS id, c->>'status' AS status, c->>'storeId' AS store_id, c->'data' AS data, (c->>'updatedAt')::timestamptz AS updated_at,
        (c->>'offerExpiresAt')::timestamptz AS offer_expires_at, c->>'dispatchState' AS dispatch_state,
        (c->>'statusChangedAt')::timestamptz AS status_changed_at
      FROM jsonb_array_elements(${JSON.stringify(changed)}::jsonb) AS c
    ), bumped AS (
      INSERT INTO store_versions (store_id, version)
      SELECT s, 1 FROM jsonb_array_elements_text(${JSON.stringify(stores)}::jsonb) AS s ORDER BY s
      ON CONFLICT (store_id) DO UPDATE SET version = store_versions.version + 1
      RETURNING store_id, version
    ), saved AS (
      UPDATE orders o SET status = c.status, store_id = c.store_id, data = c.data, updated_at = c.updated_at,
        store_version = COALESCE(b.version, 0), offer_expires_at = c.offer_expires_at, dispatch_state = c.dispatch_state,
        status_since = COALESCE(c.status_changed_at, o.status_since)
      FROM changed c LEFT JOIN bumped b ON b.store_id = c.store_id
      WHERE o.id = c.id
      RETURNING o.id
    ), removed AS (
      INSERT INTO store_order_removals (store_id, order_id, version)
      SELECT r->>'storeId', r->>'orderId', b.version
      FROM jsonb_array_elements(${JSON.stringify(removals)}::jsonb) AS r JOIN bumped b ON b.store_id = r->>'storeId'
      ON CONFLICT DO NOTHING
    ), stocked AS (
      INSERT INTO stock (store_id, product_id, quantity, reserved)
      SELECT d->>'storeId', d->>'productId', (d->>'onHand')::int, (d->>'reserved')::int
      FROM jsonb_array_elements(${JSON.stringify(stockChanges)}::jsonb) WITH ORDINALITY AS s(d, n)
      JOIN bumped b ON b.store_id = d->>'storeId'
      JOIN products p ON p.id = d->>'productId'
      ORDER BY n
      ON CONFLICT (store_id, product_id) DO UPDATE
        SET quantity = stock.quantity + excluded.quantity, reserved = stock.reserved + excluded.reserved
    )
    SELECT count(*)::int AS saved FROM saved`);
  const saved = Number(result?.saved);
  // Every step's order was read under lock in this transaction, so all of them must still be there.
  if (saved !== changed.length) throw new Error(`Saved ${saved} of ${changed.length} changed orders.`);
  return stores;
}

/** A decline, an expiry or a re-dispatch from short hands the order back for the re-dispatcher (DS5). */
function cameBackToDispatch(before: Order, after: Order): boolean {
  return after.status === 'received' && (before.status === 'offered' || before.status === 'short');
}

/** One history entry per step, in step order (the insert keeps it) so the history reads as it happened. */
function historyOf(transitions: readonly OrderTransition[]) {
  return transitions.map(({ before, after, event, actorUserId, deviceAt }) => {
    const { type, ...rest } = event;
    // The device's clock beside the server's: head office sees both and the sync delay.
    const payload = deviceAt ? { ...rest, deviceAt } : rest;
    return { orderId: after.id, type, actorUserId, fromStatus: before.status, toStatus: after.status, payload, at: after.updatedAt };
  });
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
