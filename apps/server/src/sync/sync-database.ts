import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { orderSchema } from '@repo/domain';
import { pushRejectionSchema } from '@repo/sync/protocol';
import type { PullDatabase, PullRead, PushDatabase, PushTransaction, StoredOutcome } from '@repo/sync/server';
import { rowsOf, type Database, type Transaction } from '../db/database.js';
import { orderEvents, orders, storeOrderRemovals, storeVersions, syncClients, syncOutcomes, users } from '../db/schema.js';
import { saveTransitions, storeVisibleStatuses } from '../db/order-rows.js';

/** The sync engine's view of the database, on Drizzle (PGlite or PostgreSQL alike). */
export function pushDatabase(db: Database, userId: string): PushDatabase {
  return { transaction: (fn) => db.transaction((tx) => fn(pushTransaction(tx, userId))) };
}

function pushTransaction(tx: Transaction, userId: string): PushTransaction {
  return {
    async lockClient(clientId, storeId) {
      // One statement: the upsert creates the row on first contact and row-locks it until commit.
      const [row] = await tx
        .insert(syncClients)
        .values({ clientId, storeId, lastUserId: userId })
        .onConflictDoUpdate({ target: syncClients.clientId, set: { updatedAt: sql`now()` } })
        .returning({ storeId: syncClients.storeId, lastMutationId: syncClients.lastMutationId });
      return row && row.storeId === storeId ? row.lastMutationId : null;
    },
    async lockOrders(orderIds) {
      if (orderIds.length === 0) return new Map();
      const rows = await tx.select({ data: orders.data }).from(orders)
        .where(inArray(orders.id, [...new Set(orderIds)])).orderBy(orders.id).for('update');
      return new Map(rows.map((r) => {
        const order = orderSchema.parse(r.data);
        return [order.id, order];
      }));
    },
    async storeClerks(storeId, userIds) {
      const rows = await tx.select({ id: users.id }).from(users)
        .where(and(eq(users.storeId, storeId), eq(users.role, 'clerk'), inArray(users.id, [...new Set(userIds)])));
      return new Set(rows.map((r) => r.id));
    },
    async lastActors(orderIds) {
      if (orderIds.length === 0) return new Map();
      // The newest history entry with a person, per order; a store's own staff only (its orders are locked by this push).
      const rows = await rowsOf<{ order_id: string; user_id: string; name: string }>(tx, sql`
        SELECT DISTINCT ON (e.order_id) e.order_id, u.id AS user_id, u.display_name AS name
        FROM order_events e JOIN users u ON u.id = e.actor_user_id
        WHERE e.order_id IN (SELECT jsonb_array_elements_text(${JSON.stringify([...new Set(orderIds)])}::jsonb))
        ORDER BY e.order_id, e.id DESC`);
      return new Map(rows.map((r) => [r.order_id, { userId: r.user_id, name: r.name }]));
    },
    async findOutcomes(clientId, mutationIds) {
      const rows = await tx.select().from(syncOutcomes)
        .where(and(eq(syncOutcomes.clientId, clientId), inArray(syncOutcomes.mutationId, [...mutationIds])));
      return new Map(rows.map((row): [number, StoredOutcome] => [
        row.mutationId,
        row.status === 'rejected' && row.rejection
          ? { status: 'rejected', rejection: pushRejectionSchema.parse(row.rejection), actionHash: row.actionHash }
          : { status: 'applied', actionHash: row.actionHash },
      ]));
    },
    async recordProgress({ clientId, lastMutationId, outcomes }) {
      // One statement: the counter and the outcomes commit together with the effects.
      const recorded = outcomes.map(({ mutationId, outcome, actionHash }) =>
        outcome.status === 'rejected' ? { mutationId, actionHash, status: outcome.status, rejection: outcome.rejection } : { mutationId, actionHash, status: outcome.status });
      await tx.execute(sql`
        WITH progress AS (
          UPDATE sync_clients SET last_mutation_id = ${lastMutationId}, last_user_id = ${userId}, updated_at = now()
          WHERE client_id = ${clientId}
        )
        INSERT INTO sync_outcomes (client_id, mutation_id, status, rejection, action_hash)
        SELECT ${clientId}, (o->>'mutationId')::bigint, o->>'status', o->'rejection', o->>'actionHash'
        FROM jsonb_array_elements(${JSON.stringify(recorded)}::jsonb) AS o`);
    },
    saveTransitions: (transitions) => saveTransitions(tx, transitions),
  };
}

/** Reads for a pull inside one repeatable-read transaction: the cursor and the rows agree. */
export function pullDatabase(db: Database): PullDatabase {
  return {
    snapshot: (fn) => db.transaction((tx) => fn(pullRead(tx)), { isolationLevel: 'repeatable read', accessMode: 'read only' }),
    async reportQueue({ clientId, storeId, userId, queue }) {
      // Never on another store's client row: a store cannot write, or learn, anything about it.
      await db.execute(sql`
        INSERT INTO sync_clients (client_id, store_id, last_user_id, reported_depth, reported_order_ids, reported_at)
        VALUES (${clientId}, ${storeId}, ${userId}, ${queue.depth}, ${JSON.stringify(queue.orderIds)}::jsonb, now())
        ON CONFLICT (client_id) DO UPDATE SET reported_depth = excluded.reported_depth,
          reported_order_ids = excluded.reported_order_ids, reported_at = excluded.reported_at, last_user_id = excluded.last_user_id
        WHERE sync_clients.store_id = excluded.store_id`);
    },
    async unsentElsewhere({ clientId, storeId, userId }) {
      const rows = await rowsOf<{ number: string; reported_at: Date | string }>(db, sql`
        SELECT DISTINCT o.number, c.reported_at
        FROM sync_clients c
        CROSS JOIN LATERAL jsonb_array_elements_text(c.reported_order_ids) AS r(order_id)
        JOIN orders o ON o.id = r.order_id AND o.store_id = c.store_id
        WHERE c.store_id = ${storeId} AND c.last_user_id = ${userId} AND c.client_id <> ${clientId} AND c.reported_depth > 0
        ORDER BY o.number LIMIT 200`);
      return rows.map((r) => ({ orderNumber: r.number, reportedAt: new Date(r.reported_at).toISOString() }));
    },
  };
}

function pullRead(tx: Transaction): PullRead {
  const visible = new Set<string>(storeVisibleStatuses);
  return {
    async storeVersion(storeId) {
      const [row] = await tx.select({ version: storeVersions.version }).from(storeVersions).where(eq(storeVersions.storeId, storeId));
      return row?.version ?? 0;
    },
    async changedOrders(storeId, since) {
      const rows = await tx.select({ data: orders.data, status: orders.status }).from(orders)
        .where(and(eq(orders.storeId, storeId), gt(orders.storeVersion, since)));
      return rows.map((r) => ({ order: orderSchema.parse(r.data), visible: visible.has(r.status) }));
    },
    async removedOrderIds(storeId, since) {
      const rows = await tx.selectDistinct({ orderId: storeOrderRemovals.orderId }).from(storeOrderRemovals)
        .where(and(eq(storeOrderRemovals.storeId, storeId), gt(storeOrderRemovals.version, since)));
      return rows.map((r) => r.orderId);
    },
    async visibleOrders(storeId) {
      const rows = await tx.select({ data: orders.data }).from(orders)
        .where(and(eq(orders.storeId, storeId), inArray(orders.status, [...storeVisibleStatuses])))
        .orderBy(sql`${orders.createdAt}`);
      return rows.map((r) => orderSchema.parse(r.data));
    },
    async histories(orderIds) {
      const ids = [...new Set(orderIds)];
      const [numbers, events] = await Promise.all([
        tx.select({ id: orders.id, number: orders.number }).from(orders).where(inArray(orders.id, ids)),
        tx.select({ orderId: orderEvents.orderId, type: orderEvents.type, payload: orderEvents.payload }).from(orderEvents)
          .where(inArray(orderEvents.orderId, ids)).orderBy(orderEvents.id),
      ]);
      return numbers.map(({ id, number }) => ({
        orderId: id, orderNumber: number,
        events: events.filter((e) => e.orderId === id).map((e) => ({ type: e.type, payload: (e.payload ?? {}) as Record<string, unknown> })),
      }));
    },
    now: () => new Date(),
    async lastMutationId(clientId, storeId) {
      const [row] = await tx.select({ id: syncClients.lastMutationId }).from(syncClients)
        .where(and(eq(syncClients.clientId, clientId), eq(syncClients.storeId, storeId)));
      return row?.id ?? 0;
    },
  };
}
