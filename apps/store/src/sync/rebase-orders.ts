import { rebaseOrder } from '@repo/sync/client';
import { db, type MetaRow, type OutboxEntry, type StoredOrder } from '../local-db/store-db.js';

/**
 * Recomputes what the screens show for `orderIds`: server truth plus unsent actions.
 * Must run inside a transaction over orders, serverOrders, outbox and meta. Reads and writes in
 * bulk: a catch-up touches thousands of orders and one request per order would dominate it.
 */
export async function rebaseOrders(orderIds: Iterable<string>): Promise<void> {
  const ids = [...new Set(orderIds)];
  if (ids.length === 0) return;
  const pull = (await db.meta.get('pull')) as Extract<MetaRow, { key: 'pull' }> | undefined;
  const lastMutationId = pull?.lastMutationId ?? 0;
  const [servers, pending] = await Promise.all([db.serverOrders.bulkGet(ids), pendingByOrder(ids)]);
  const puts: StoredOrder[] = [];
  const deletes: string[] = [];
  ids.forEach((id, i) => {
    const view = rebaseOrder(servers[i], pending.get(id) ?? [], { lastMutationId, actorOf: actorOfEntry });
    if (view && 'storeId' in view && view.storeId) puts.push({ ...view, storeId: view.storeId });
    else deletes.push(id);
  });
  await db.orders.bulkPut(puts);
  await db.orders.bulkDelete(deletes);
}

/** Unsent actions of these orders, each list in queue order. */
async function pendingByOrder(ids: readonly string[]): Promise<Map<string, OutboxEntry[]>> {
  const entries = await db.outbox.where('orderId').anyOf(ids).sortBy('id');
  const byOrder = new Map<string, OutboxEntry[]>();
  for (const entry of entries) byOrder.set(entry.orderId, [...(byOrder.get(entry.orderId) ?? []), entry]);
  return byOrder;
}

function actorOfEntry(entry: OutboxEntry) {
  return { role: entry.role, userId: entry.userId, storeId: entry.storeId };
}
