import { inArray } from 'drizzle-orm';
import type { Transaction } from '../db/database.js';
import { orderEvents, orders } from '../db/schema.js';

/**
 * Moves orders to a new owner, with an `owner_change` history entry each (issue 10: one order, one
 * owner). A minimal version of the board's `changeOwner` (apps/server/src/orders/ownership.ts on the
 * board branch), same signature, so the two unify by swapping the import. Orders the person already
 * owns get no entry. Call with the orders' rows locked.
 */
export async function changeOwner(tx: Transaction, orderIds: readonly string[], toUserId: string, actorUserId: string, reason: string, now: Date): Promise<void> {
  if (orderIds.length === 0) return;
  const rows = await tx.select({ id: orders.id, status: orders.status, owner: orders.ownerUserId }).from(orders).where(inArray(orders.id, [...orderIds]));
  const moving = rows.filter((r) => r.owner !== toUserId);
  if (moving.length === 0) return;
  await tx.update(orders).set({ ownerUserId: toUserId }).where(inArray(orders.id, moving.map((r) => r.id)));
  await tx.insert(orderEvents).values(moving.map((r) => ({
    orderId: r.id, type: 'owner_change', actorUserId, fromStatus: r.status, toStatus: r.status,
    payload: { fromUserId: r.owner, toUserId, reason }, at: now,
  })));
}
