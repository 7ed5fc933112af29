import type { Order } from '@repo/domain';
import type { PullRequest, PullResponse } from '../protocol.js';

/** What a pull reads; every call inside one `snapshot` sees the same committed state. */
export interface PullDatabase {
  snapshot<T>(fn: (read: PullRead) => Promise<T>): Promise<T>;
}

export interface PullRead {
  storeVersion(storeId: string): Promise<number>;
  /** Orders the store holds whose store version is above `since`, with whether the store still shows them. */
  changedOrders(storeId: string, since: number): Promise<{ order: Order; visible: boolean }[]>;
  /** Orders that left the store (declined, re-dispatched) after `since`. */
  removedOrderIds(storeId: string, since: number): Promise<string[]>;
  visibleOrders(storeId: string): Promise<Order[]>;
  /**
   * The device's last applied mutation id; 0 for a device of another store, exactly as for a device
   * the server never saw, so a pull leaks nothing about other stores' devices (SEC45).
   */
  lastMutationId(clientId: string, storeId: string): Promise<number>;
}

/**
 * A store-scoped pull: changes since the device's cursor, or the whole truth when the cursor is new,
 * unknown, or ahead of the server (the server was restored to an earlier state).
 */
export async function pull({ db, storeId, request }: { db: PullDatabase; storeId: string; request: PullRequest }): Promise<PullResponse> {
  return db.snapshot(async (read) => {
    const cursor = await read.storeVersion(storeId);
    const lastMutationId = await read.lastMutationId(request.clientId, storeId);
    if (request.cursor === null || request.cursor > cursor) {
      return { cursor, reset: true, puts: await read.visibleOrders(storeId), deletes: [], lastMutationId };
    }
    const changed = await read.changedOrders(storeId, request.cursor);
    const removed = await read.removedOrderIds(storeId, request.cursor);
    const puts = changed.filter((c) => c.visible).map((c) => c.order);
    const putIds = new Set(puts.map((o) => o.id));
    const deletes = [...new Set([...changed.filter((c) => !c.visible).map((c) => c.order.id), ...removed])].filter((id) => !putIds.has(id));
    return { cursor, reset: false, puts, deletes, lastMutationId };
  });
}
