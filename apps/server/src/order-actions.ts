import { TRPCError } from '@trpc/server';
import { reject, transition, type Actor, type Order, type OrderEvent, type Result } from '@repo/domain';
import type { Database, Transaction } from './db/database.js';
import { loadOrder, saveTransitions } from './db/order-rows.js';
import { rejectionError } from './rejection-error.js';
import type { StorePokes } from './store-pokes.js';

export interface OrderChange {
  readonly orderId: string;
  readonly event: OrderEvent;
  readonly actor: Actor;
  readonly now: Date;
}

/**
 * Runs one lifecycle event against the current truth inside the caller's transaction, with the row
 * locked. Returns the new order and the stores that see the change, or the rejection (nothing written).
 */
export async function applyEventInTransaction(tx: Transaction, { orderId, event, actor, now }: OrderChange): Promise<Result<{ order: Order; touched: string[] }>> {
  const before = await loadOrder(tx, orderId, { forUpdate: true });
  // Security: a store user gets the same refusal for a missing order as for another store's.
  if (!before) return actor.role === 'hq' ? reject('ORDER_NOT_FOUND', 'No such order.') : reject('WRONG_STORE', 'This order is not assigned to your store.');
  const result = transition(before, event, { actor, now });
  if (!result.ok) return result;
  const actorUserId = 'userId' in actor ? actor.userId : null;
  const touched = await saveTransitions(tx, [{ before, after: result.value, event, actorUserId }]);
  return { ok: true, value: { order: result.value, touched } };
}

/** Head office's direct actions: one event in its own transaction, pokes after commit, TRPCError on refusal. */
export async function applyOrderEvent(change: OrderChange & { db: Database; pokes: StorePokes }): Promise<Order> {
  const { order, touched } = await change.db.transaction(async (tx) => {
    const result = await applyEventInTransaction(tx, change);
    if (!result.ok) throw rejectionError(result.rejection);
    return result.value;
  });
  for (const storeId of touched) change.pokes.poke(storeId);
  return order;
}
