import { departureFrom, visibleTo, type Actor, type Departure, type DepartureEvent, type Order } from '@repo/domain';
import type { PullRequest, PullResponse, QueueReport } from '../protocol.js';

/** What a pull reads; every call inside one `snapshot` sees the same committed state. */
export interface PullDatabase {
  snapshot<T>(fn: (read: PullRead) => Promise<T>): Promise<T>;
  /** Keeps what the device says it still has to send (only for a client of this store). */
  reportQueue(report: { clientId: string; storeId: string; userId: string; queue: QueueReport }): Promise<void>;
  /** Orders that this person's other clients at this store last reported as unsent. */
  unsentElsewhere(report: { clientId: string; storeId: string; userId: string }): Promise<{ orderNumber: string; reportedAt: string }[]>;
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
  /** The history of these orders, in order, with their numbers: to tell a device why they left it. */
  histories(orderIds: readonly string[]): Promise<{ orderId: string; orderNumber: string; events: DepartureEvent[] }[]>;
  /** The server's clock, for the device's estimate of it. */
  now(): Date;
}

/**
 * A store-scoped pull: changes since the device's cursor, or the whole truth when the cursor is new,
 * unknown, or ahead of the server (the server was restored to an earlier state).
 */
export async function pull({ db, actor, request }: { db: PullDatabase; actor: Extract<Actor, { storeId: string }>; request: PullRequest }): Promise<PullResponse> {
  const { storeId } = actor;
  // A clerk's device holds only the orders handed to that clerk; a manager's, the whole store's.
  const sees = (order: Order) => visibleTo(order, actor);
  const who = { clientId: request.clientId, storeId, userId: actor.userId };
  if (request.queue) await db.reportQueue({ ...who, queue: request.queue });
  // A first pull may be a device whose storage was cleared: tell the person what may have been lost there.
  const unsentElsewhere = request.cursor === null ? await db.unsentElsewhere(who) : [];
  return db.snapshot(async (read) => {
    const cursor = await read.storeVersion(storeId);
    const lastMutationId = await read.lastMutationId(request.clientId, storeId);
    if (request.cursor === null || request.cursor > cursor) {
      return { cursor, reset: true, puts: (await read.visibleOrders(storeId)).filter(sees), deletes: [], lastMutationId, departures: [], unsentElsewhere, serverTime: read.now().toISOString() };
    }
    const changed = await read.changedOrders(storeId, request.cursor);
    const removed = await read.removedOrderIds(storeId, request.cursor);
    const puts = changed.filter((c) => c.visible && sees(c.order)).map((c) => c.order);
    const putIds = new Set(puts.map((o) => o.id));
    const deletes = [...new Set([...changed.filter((c) => !c.visible || !sees(c.order)).map((c) => c.order.id), ...removed])].filter((id) => !putIds.has(id));
    const departures = deletes.length > 0 ? departuresOf(await read.histories(deletes), actor) : [];
    return { cursor, reset: false, puts, deletes, lastMutationId, departures, unsentElsewhere, serverTime: read.now().toISOString() };
  });
}

function departuresOf(histories: Awaited<ReturnType<PullRead['histories']>>, actor: Extract<Actor, { storeId: string }>): Departure[] {
  const viewer = actor.role === 'clerk' ? { storeId: actor.storeId, clerkId: actor.userId } : { storeId: actor.storeId };
  return histories.flatMap(({ orderId, orderNumber, events }) => {
    const left = departureFrom(events, viewer);
    return left ? [{ orderId, orderNumber, ...left }] : [];
  });
}
