import type { Actor, Result } from '@repo/domain';
import type { OutboxEntry, StaffMember } from '../../local-db/store-db.js';
import { queueAction } from '../../sync/queue-action.js';

type StoreActor = Extract<Actor, { storeId: string }>;

/** Hands a picked order to one of this store's clerks (OL9): applied on the device, queued for the server. */
export function handOff(orderId: string, clerk: StaffMember, actor: StoreActor): Promise<Result<OutboxEntry>> {
  return queueAction({ name: 'handoff.assign', version: 1, args: { orderId, clerk: { userId: clerk.id, storeId: actor.storeId } } }, actor);
}
