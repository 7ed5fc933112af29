import type { Order } from '@repo/domain';
import { db, type StoredOrder } from '../../local-db/store-db.js';

/**
 * Makes IndexedDB hold exactly the store's current orders, in one transaction so a reader never sees
 * half an update. Orders that left the store (declined, re-dispatched, finished) are removed.
 */
export async function replaceInbox(storeId: string, orders: readonly Order[], refreshedAt: Date): Promise<void> {
  const held: StoredOrder[] = orders.map((order) => ({ ...order, storeId }));
  const keep = new Set(held.map((o) => o.id));
  await db.transaction('rw', db.orders, db.meta, async () => {
    const gone = (await db.orders.where('storeId').equals(storeId).primaryKeys()).filter((id) => !keep.has(id));
    await db.orders.bulkDelete(gone);
    await db.orders.bulkPut(held);
    await db.meta.put({ key: 'inbox', refreshedAt: refreshedAt.toISOString() });
  });
}
