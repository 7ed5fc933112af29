import { rebaseOrder } from '@repo/sync/client';
import { db, type MetaRow, type OutboxEntry } from '../local-db/store-db.js';

/**
 * Recomputes what the screens show for `orderIds`: server truth plus unsent actions.
 * Must run inside a transaction over orders, serverOrders, outbox and meta.
 */
export async function rebaseOrders(orderIds: Iterable<string>): Promise<void> {
  const pull = (await db.meta.get('pull')) as Extract<MetaRow, { key: 'pull' }> | undefined;
  const lastMutationId = pull?.lastMutationId ?? 0;
  for (const id of new Set(orderIds)) {
    const server = await db.serverOrders.get(id);
    const pending = await db.outbox.where('orderId').equals(id).sortBy('id');
    const view = rebaseOrder(server, pending, { lastMutationId, actorOf: actorOfEntry });
    if (view && 'storeId' in view && view.storeId) await db.orders.put({ ...view, storeId: view.storeId });
    else await db.orders.delete(id);
  }
}

function actorOfEntry(entry: OutboxEntry) {
  return { role: entry.role, userId: entry.userId, storeId: entry.storeId };
}
