import Dexie from 'dexie';
import { expect, test } from 'vitest';
import { StoreDb } from './store-db.js';

/** The schema as version 1 shipped it: orders pulled from the server, the session, meta. */
function openVersion1(name: string): Dexie {
  const v1 = new Dexie(name);
  v1.version(1).stores({ orders: 'id, storeId, status, updatedAt', session: 'key', meta: 'key' });
  return v1;
}

test('[SY30] upgrading from v1 keeps the signed-in session and the pulled orders', async () => {
  const name = `upgrade-${crypto.randomUUID()}`;
  const v1 = openVersion1(name);
  await v1.table('orders').put({ id: 'o-1', storeId: 'store-a', status: 'offered', number: 'D-1', updatedAt: '2026-11-23T01:00:00Z' });
  await v1.table('session').put({ key: 'current', token: 't', expiresAt: '2099-01-01T00:00:00Z', user: { id: 'u' } });
  await v1.table('meta').put({ key: 'inbox', refreshedAt: '2026-11-23T01:00:00Z' });
  v1.close();

  const v2 = new StoreDb(name);
  expect(await v2.serverOrders.get('o-1')).toMatchObject({ number: 'D-1' });
  expect(await v2.orders.get('o-1')).toMatchObject({ number: 'D-1' });
  expect(await v2.session.get('current')).toMatchObject({ token: 't' });
  expect(await v2.table('meta').get('inbox')).toBeUndefined();
  v2.close();
  await Dexie.delete(name);
});

test('[SY30] a later schema version opens with queued actions untouched', async () => {
  const name = `upgrade-${crypto.randomUUID()}`;
  const current = new StoreDb(name);
  const queued = [1, 2, 3].map((id) => ({
    id, name: 'offer.accept', version: 1, args: { orderId: `o-${id}` }, orderId: `o-${id}`, orderNumber: `D-${id}`,
    createdAt: '2026-11-23T01:00:00Z', storeId: 'store-a', userId: 'u', role: 'store_manager' as const,
  }));
  await current.outbox.bulkAdd(queued);
  current.close();

  // The next release adds a table and an index; the queue must come through as it was.
  class NextStoreDb extends StoreDb {
    constructor() {
      super(name);
      this.version(99).stores({ outbox: 'id, orderId, createdAt', scans: '++seq, orderId' });
    }
  }
  const next = new NextStoreDb();
  expect(await next.outbox.orderBy('id').toArray()).toEqual(queued);
  expect(await next.table('scans').count()).toBe(0);
  next.close();
  await Dexie.delete(name);
});
