import type { Actor, Result } from '@repo/domain';
import { db, type OutboxEntry, type StaffMember } from '../../local-db/store-db.js';
import { queueAction } from '../../sync/queue-action.js';

type StoreActor = Extract<Actor, { storeId: string }>;

/** The goods of a failed delivery are back in the store (OL20), seen by their bag label or their items. */
export function confirmReturn(orderId: string, via: 'bag_label' | 'items', actor: StoreActor, now = new Date()): Promise<Result<OutboxEntry>> {
  // The items scanned so far are done with once the confirmation is queued, in the same transaction.
  return queueAction({ name: 'return.confirm', version: 1, args: { orderId, via, at: now.toISOString() } }, actor, {
    alsoWrites: [db.returnChecks],
    attach: () => db.returnChecks.delete(orderId),
  });
}

/** Records one more product seen back in the store; returns every product seen so far. */
export async function recordReturnedItem(orderId: string, productId: string, now = new Date()): Promise<ReadonlySet<string>> {
  return db.transaction('rw', db.returnChecks, async () => {
    const seen = new Set((await db.returnChecks.get(orderId))?.productIds ?? []).add(productId);
    await db.returnChecks.put({ orderId, productIds: [...seen], updatedAt: now.toISOString() });
    return seen;
  });
}

/** Sends a returned order out again with one of this store's clerks (OL12). */
export function retryDelivery(orderId: string, clerk: StaffMember, actor: StoreActor): Promise<Result<OutboxEntry>> {
  return queueAction({ name: 'return.retry', version: 1, args: { orderId, clerk: { userId: clerk.id, storeId: actor.storeId } } }, actor);
}
