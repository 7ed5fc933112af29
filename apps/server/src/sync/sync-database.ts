import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import { orderSchema } from '@repo/domain';
import type { PullDatabase, PullRead, PushDatabase, PushTransaction, StoredOutcome } from '@repo/sync/server';
import type { Database, Transaction } from '../db/database.js';
import { storeVisibleStatuses } from '../db/order-rows.js';
import { orders, storeOrderRemovals, storeVersions, syncClients, syncOutcomes } from '../db/schema.js';
import { applyEventInTransaction } from '../order-actions.js';

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
    async setLastMutationId(clientId, mutationId) {
      await tx.update(syncClients).set({ lastMutationId: mutationId, lastUserId: userId, updatedAt: new Date() }).where(eq(syncClients.clientId, clientId));
    },
    async lockOrders(orderIds) {
      if (orderIds.length === 0) return;
      await tx.select({ id: orders.id }).from(orders).where(inArray(orders.id, [...new Set(orderIds)])).orderBy(orders.id).for('update');
    },
    async recordOutcomes(clientId, outcomes) {
      await tx.insert(syncOutcomes).values(
        outcomes.map(({ mutationId, outcome }) => ({
          clientId, mutationId, status: outcome.status, rejection: outcome.status === 'rejected' ? outcome.rejection : null,
        })),
      );
    },
    async findOutcome(clientId, mutationId): Promise<StoredOutcome | null> {
      const [row] = await tx.select().from(syncOutcomes).where(and(eq(syncOutcomes.clientId, clientId), eq(syncOutcomes.mutationId, mutationId)));
      if (!row) return null;
      return row.status === 'rejected' && row.rejection
        ? { status: 'rejected', rejection: row.rejection as StoredOutcome & { status: 'rejected' } extends { rejection: infer R } ? R : never }
        : { status: 'applied' };
    },
    async applyOrderEvent(change) {
      const result = await applyEventInTransaction(tx, change);
      return result.ok ? { ok: true, value: result.value.touched } : result;
    },
  };
}

/** Reads for a pull inside one repeatable-read transaction: the cursor and the rows agree. */
export function pullDatabase(db: Database): PullDatabase {
  return {
    snapshot: (fn) => db.transaction((tx) => fn(pullRead(tx)), { isolationLevel: 'repeatable read', accessMode: 'read only' }),
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
    async lastMutationId(clientId) {
      const [row] = await tx.select({ id: syncClients.lastMutationId }).from(syncClients).where(eq(syncClients.clientId, clientId));
      return row?.id ?? 0;
    },
  };
}
