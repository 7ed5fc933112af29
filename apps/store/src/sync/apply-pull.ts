import type { PullResponseInput } from '@repo/sync/protocol';
import type { Departure } from '@repo/domain';
import { db, type Departure as StoredDeparture, type StoredOrder } from '../local-db/store-db.js';
import { rebaseOrders } from './rebase-orders.js';

/**
 * Takes a pull into IndexedDB in one transaction: server truth, cursor and last applied mutation
 * move together, then unsent actions are replayed on top. A reset replaces the truth but never
 * touches the outbox.
 */
export async function applyPull(storeId: string, response: PullResponseInput, now = new Date(), clientId?: string): Promise<void> {
  await db.transaction('rw', [db.orders, db.serverOrders, db.outbox, db.meta, db.departures, db.picks, db.returnChecks], async () => {
    const touched = new Set<string>([...response.puts.map((o) => o.id), ...response.deletes]);
    const held = new Map((await db.orders.bulkGet(response.deletes)).flatMap((o) => (o ? [[o.id, o] as const] : [])));
    if (response.reset) {
      const previous = await db.serverOrders.toCollection().primaryKeys();
      previous.forEach((id) => touched.add(id));
      (await db.orders.toCollection().primaryKeys()).forEach((id) => touched.add(id));
      // Orders a reset leaves out vanished while the device was away: say so, without a reason.
      const kept = new Set(response.puts.map((o) => o.id));
      for (const order of await db.orders.toArray()) if (!kept.has(order.id)) held.set(order.id, order);
      await db.serverOrders.clear();
    }
    // Only this store's orders: a handheld shared across stores never tells one store about another's.
    for (const [id, order] of held) if (order.storeId !== storeId) held.delete(id);
    await recordDepartures(held, response.departures ?? [], now);
    // A pick or a return check saved for an order that left is dead weight; were the order to come back, it starts afresh.
    await db.picks.bulkDelete([...held.keys()]);
    await db.returnChecks.bulkDelete([...held.keys()]);
    await db.serverOrders.bulkDelete(response.deletes);
    await db.serverOrders.bulkPut(response.puts.map((o) => ({ ...o, storeId })));
    (await db.outbox.orderBy('orderId').uniqueKeys()).forEach((id) => touched.add(String(id)));
    await db.meta.put({ key: 'pull', cursor: response.cursor, lastMutationId: response.lastMutationId, storeId, ...(clientId ? { clientId } : {}) });
    await rebaseOrders(touched);
  });
}

/** Every order the device held that a pull removed gets a departure: why, where the server said. */
async function recordDepartures(held: ReadonlyMap<string, StoredOrder>, departures: readonly Departure[], now: Date): Promise<void> {
  if (held.size === 0) return;
  const told = new Map(departures.map((d) => [d.orderId, d]));
  await db.departures.bulkPut([...held.values()].map((order): StoredDeparture => {
    const departure = told.get(order.id);
    return {
      orderId: order.id, orderNumber: order.number, why: departure?.why ?? 'gone', status: order.status, at: now.toISOString(),
      ...(departure?.reason ? { reason: departure.reason } : {}),
      // Head office closing a delivered order is the normal end, not news for the store.
      ...(departure?.why === 'closed' ? { seenAt: now.toISOString() } : {}),
    };
  }));
}
