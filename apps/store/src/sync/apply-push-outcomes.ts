import { rebaseOrder, settleOutcomes } from '@repo/sync/client';
import type { PushResponse } from '@repo/sync/protocol';
import { db, type OutboxEntry } from '../local-db/store-db.js';
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
    await promoteApplied(entries.filter((e) => !rejected.some((r) => r.id === e.id)));
    await db.outbox.bulkDelete(done);
    await rebaseOrders(entries.map((e) => e.orderId));
  });
}

/**
 * The server has applied these: fold them into the device's copy of server truth, so the screen does
 * not fall back to the state of the last pull until the next one arrives (which corrects any detail).
 */
async function promoteApplied(applied: readonly OutboxEntry[]): Promise<void> {
  const ids = [...new Set(applied.map((e) => e.orderId))];
  const servers = await db.serverOrders.bulkGet(ids);
  const promoted = ids.flatMap((id, i) => {
    const order = rebaseOrder(servers[i], applied.filter((e) => e.orderId === id), {
      lastMutationId: 0,
      actorOf: (e) => ({ role: e.role, userId: e.userId, storeId: e.storeId }),
    });
    return order && 'storeId' in order && order.storeId ? [{ ...order, storeId: order.storeId }] : [];
  });
  await db.serverOrders.bulkPut(promoted);
}
