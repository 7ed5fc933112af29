import type { Actor, Result } from '@repo/domain';
import type { OutboxEntry, StaffMember } from '../../local-db/store-db.js';
import { queueAction } from '../../sync/queue-action.js';

type StoreActor = Extract<Actor, { storeId: string }>;

/** The goods of a failed delivery are back in the store (OL20), seen by their bag label or their items. */
export function confirmReturn(orderId: string, via: 'bag_label' | 'items', actor: StoreActor, now = new Date()): Promise<Result<OutboxEntry>> {
  return queueAction({ name: 'return.confirm', version: 1, args: { orderId, via, at: now.toISOString() } }, actor);
}

/** Sends a returned order out again with one of this store's clerks (OL12). */
export function retryDelivery(orderId: string, clerk: StaffMember, actor: StoreActor): Promise<Result<OutboxEntry>> {
  return queueAction({ name: 'return.retry', version: 1, args: { orderId, clerk: { userId: clerk.id, storeId: actor.storeId } } }, actor);
}
