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
  const [pull, device] = await Promise.all([
    db.meta.get('pull') as Promise<Extract<MetaRow, { key: 'pull' }> | undefined>,
    db.meta.get('client') as Promise<Extract<MetaRow, { key: 'client' }> | undefined>,
  ]);
  const lastMutationId = pull?.lastMutationId ?? 0;
  // The pull's last applied id is of the signed-in person's client; other people's actions are not in it.
  const appliedBy = (entry: OutboxEntry) =>
    entry.id <= lastMutationId && (!pull?.clientId || (entry.clientId ?? device?.clientId) === pull.clientId);
  const [servers, pending] = await Promise.all([db.serverOrders.bulkGet(ids), pendingByOrder(ids)]);
  const puts: StoredOrder[] = [];
  const deletes: string[] = [];
  ids.forEach((id, i) => {
    const view = rebaseOrder(servers[i], pending.get(id) ?? [], { lastMutationId, appliedBy, actorOf: actorOfEntry });
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
