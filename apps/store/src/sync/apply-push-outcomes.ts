import { settleOutcomes } from '@repo/sync/client';
import type { PushResponse } from '@repo/sync/protocol';
import { db } from '../local-db/store-db.js';
import { rebaseOrders } from './rebase-orders.js';

/** Removes answered actions from the outbox and keeps every rejection for the person to see. */
export async function applyPushOutcomes(response: PushResponse): Promise<void> {
  const { done, rejected } = settleOutcomes(response.outcomes);
  await db.transaction('rw', [db.orders, db.serverOrders, db.outbox, db.rejections, db.meta], async () => {
    const entries = (await db.outbox.bulkGet(done)).filter((e) => e !== undefined);
    for (const { id, rejection } of rejected) {
      const entry = entries.find((e) => e.id === id);
      if (!entry) continue;
      await db.rejections.add({
        mutationId: id, orderId: entry.orderId, orderNumber: entry.orderNumber, name: entry.name, rejection, at: new Date().toISOString(),
      });
    }
    await db.outbox.bulkDelete(done);
    await rebaseOrders(entries.map((e) => e.orderId));
  });
}
