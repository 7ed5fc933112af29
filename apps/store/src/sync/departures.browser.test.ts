import { beforeEach, expect, test } from 'vitest';
import { db, type PickProgress } from '../local-db/store-db.js';
import { manager, offered } from '../test/offered-order.js';
import { applyPull } from './apply-pull.js';
import { queueAction } from './queue-action.js';

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await applyPull('store-a', { cursor: 1, reset: true, puts: [offered('o-1'), offered('o-2'), offered('o-3')], deletes: [], lastMutationId: 0 });
});

test('[SY43] an order a pull removes leaves a departure with the server\'s why and reason', async () => {
  await queueAction({ name: 'offer.accept', version: 1, args: { orderId: 'o-1' } }, manager);
  await applyPull('store-a', {
    cursor: 2, reset: false, puts: [], deletes: ['o-1', 'o-2', 'never-here'], lastMutationId: 1,
    departures: [
      { orderId: 'o-1', orderNumber: 'D-o-1', why: 'cancelled', reason: '客户来电取消' },
      { orderId: 'o-2', orderNumber: 'D-o-2', why: 'offer_expired' },
    ],
  });
  const departures = await db.departures.toArray();
  expect(departures).toHaveLength(2);
  expect(await db.departures.get('o-1')).toMatchObject({ orderNumber: 'D-o-1', why: 'cancelled', reason: '客户来电取消', status: 'accepted' });
  expect(await db.departures.get('o-2')).toMatchObject({ why: 'offer_expired', status: 'offered' });
  expect(await db.departures.get('o-2')).not.toHaveProperty('seenAt');
});

test('[SY43] a pick saved on the device goes with the order that left, not with one that stays', async () => {
  const progress = (orderId: string): PickProgress => ({ orderId, device: 'hh-1', startedAt: '2026-11-30T01:00:00.000Z', scans: [], short: {} });
  await db.picks.bulkPut([progress('o-1'), progress('o-3')]);
  await applyPull('store-a', {
    cursor: 2, reset: false, puts: [], deletes: ['o-1'], lastMutationId: 0,
    departures: [{ orderId: 'o-1', orderNumber: 'D-o-1', why: 'cancelled', reason: '客户来电取消' }],
  });
  expect(await db.picks.get('o-1')).toBeUndefined();
  expect(await db.picks.get('o-3')).toBeDefined();
});

test('[SY43] an order a reset leaves out is remembered as gone; a close is recorded as already seen', async () => {
  await applyPull('store-a', { cursor: 5, reset: true, puts: [offered('o-3')], deletes: [], lastMutationId: 0 });
  expect(await db.departures.get('o-1')).toMatchObject({ why: 'gone' });
  expect(await db.departures.get('o-3')).toBeUndefined();
  await applyPull('store-a', { cursor: 6, reset: false, puts: [], deletes: ['o-3'], lastMutationId: 0, departures: [{ orderId: 'o-3', orderNumber: 'D-o-3', why: 'closed' }] });
  expect((await db.departures.get('o-3'))?.seenAt).toBeDefined();
});
