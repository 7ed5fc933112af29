import type { PullResponse } from '@repo/sync/protocol';
import { db } from '../local-db/store-db.js';
import { rebaseOrders } from './rebase-orders.js';

/**
 * Takes a pull into IndexedDB in one transaction: server truth, cursor and last applied mutation
 * move together, then unsent actions are replayed on top. A reset replaces the truth but never
 * touches the outbox.
 */
export async function applyPull(storeId: string, response: PullResponse): Promise<void> {
  await db.transaction('rw', [db.orders, db.serverOrders, db.outbox, db.meta], async () => {
    const touched = new Set<string>([...response.puts.map((o) => o.id), ...response.deletes]);
    if (response.reset) {
      const previous = await db.serverOrders.toCollection().primaryKeys();
      previous.forEach((id) => touched.add(id));
      (await db.orders.toCollection().primaryKeys()).forEach((id) => touched.add(id));
      await db.serverOrders.clear();
    }
    await db.serverOrders.bulkDelete(response.deletes);
    await db.serverOrders.bulkPut(response.puts.map((o) => ({ ...o, storeId })));
    (await db.outbox.orderBy('orderId').uniqueKeys()).forEach((id) => touched.add(String(id)));
    await db.meta.put({ key: 'pull', cursor: response.cursor, lastMutationId: response.lastMutationId, storeId });
    await rebaseOrders(touched);
  });
}
