import { decodeStoreAction, reject, transition, type Actor, type Result } from '@repo/domain';
import type { Table } from 'dexie';
import { db, type OutboxEntry } from '../local-db/store-db.js';
import { clientIdentity, ownerClient } from './client-identity.js';
import { serverNow } from './device-clock.js';
import { kickSync } from './sync-kick.js';

export interface QueueAction {
  readonly name: string;
  readonly version: number;
  readonly args: { readonly orderId: string } & Record<string, unknown>;
}

export interface QueueOptions {
  /** Other tables written in the same transaction (photos bound to this action, a finished pick). */
  readonly alsoWrites?: readonly Table[];
  /**
   * Writes that must commit with the action or not at all, given the action's outbox entry and this
   * device's client id: e.g. a photo bound to exactly this mutation, never to "the current order".
   */
  readonly attach?: (entry: OutboxEntry, clientId: string) => Promise<unknown>;
}

/**
 * Applies an action on the device and queues it for the server, in ONE strict-durability
 * transaction: when this resolves ok, the change and its outbox entry are both on disk.
 * A refusal by the lifecycle writes nothing and says why.
 */
export async function queueAction(
  action: QueueAction,
  actor: Extract<Actor, { storeId: string }>,
  options: QueueOptions = {},
): Promise<Result<OutboxEntry>> {
  const decoded = decodeStoreAction(action);
  if (!decoded.ok) return reject('INVALID_INPUT', decoded.message);
  const tables = [db.orders, db.outbox, db.meta, db.session, ...(options.alsoWrites ?? [])];
  const result = await db.transaction('rw', tables, async (): Promise<Result<OutboxEntry>> => {
    // Requests in one transaction are queued together rather than one round trip each.
    const [order, client, owner, session] = await Promise.all([
      db.orders.get(decoded.orderId), clientIdentity(), ownerClient(actor.storeId, actor.userId), db.session.get('current'),
    ]);
    if (!order) return reject('ORDER_NOT_FOUND', 'This order is no longer on this device.');
    // The server's clock as this device estimates it: a handheld 20 minutes fast must not refuse an open offer.
    const now = serverNow();
    const next = transition(order, decoded.event, { actor, now });
    if (!next.ok) return next;
    const entry: OutboxEntry = {
      id: client.nextMutationId, name: action.name, version: action.version, args: action.args,
      orderId: decoded.orderId, createdAt: now.toISOString(), storeId: actor.storeId, userId: actor.userId, role: actor.role, orderNumber: order.number,
      // Sent only as this person, with their own client: never by whoever signs in next.
      clientId: owner.clientId, prev: owner.lastQueued,
      ...(session?.user.id === actor.userId ? { userName: session.user.displayName } : {}),
    };
    await Promise.all([
      db.meta.put({ ...client, nextMutationId: client.nextMutationId + 1 }),
      db.meta.put({ ...owner, lastQueued: entry.id }),
      db.outbox.add(entry),
      db.orders.put({ ...next.value, storeId: actor.storeId }),
      options.attach?.(entry, client.clientId),
    ]);
    return { ok: true, value: entry };
  }).catch((error: unknown): Result<OutboxEntry> => {
    // Nothing was written (the transaction rolled back); say so in words a store manager understands.
    if (isQuotaError(error)) return reject('STORAGE_FULL', 'The device storage is full.');
    throw error;
  });
  if (result.ok) kickSync();
  return result;
}

function isQuotaError(error: unknown): boolean {
  const names = [(error as { name?: string })?.name, (error as { inner?: { name?: string } })?.inner?.name];
  return names.includes('QuotaExceededError');
}
