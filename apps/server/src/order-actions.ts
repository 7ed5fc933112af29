import { TRPCError } from '@trpc/server';
import { transition, type Actor, type Order, type OrderEvent } from '@repo/domain';
import type { Database } from './db/database.js';
import { loadOrder, saveTransition } from './db/order-rows.js';
import { rejectionError } from './rejection-error.js';
import type { StorePokes } from './store-pokes.js';
import { forbidden } from './trpc.js';

export interface ApplyOrderEvent {
  readonly db: Database;
  readonly pokes: StorePokes;
  readonly orderId: string;
  readonly event: OrderEvent;
  readonly actor: Actor;
  readonly now: Date;
}

/**
 * Runs one lifecycle event against the current truth, inside one transaction with the row locked,
 * then pokes every store that sees the change. Throws a TRPCError on any refusal, changing nothing.
 */
export async function applyOrderEvent({ db, pokes, orderId, event, actor, now }: ApplyOrderEvent): Promise<Order> {
  const { order, touched } = await db.transaction(async (tx) => {
    const before = await loadOrder(tx, orderId, { forUpdate: true });
    // Security: a store user gets the same refusal for a missing order as for another store's.
    if (!before) throw actor.role === 'hq' ? new TRPCError({ code: 'NOT_FOUND', message: 'No such order.' }) : forbidden();
    const result = transition(before, event, { actor, now });
    if (!result.ok) throw rejectionError(result.rejection);
    const actorUserId = 'userId' in actor ? actor.userId : null;
    const touched = await saveTransition(tx, { before, after: result.value, event, actorUserId });
    return { order: result.value, touched };
  });
  for (const storeId of touched) pokes.poke(storeId);
  return order;
}
