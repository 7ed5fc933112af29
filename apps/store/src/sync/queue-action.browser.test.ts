import { beforeEach, expect, test } from 'vitest';
import { db } from '../local-db/store-db.js';
import { applyPull } from './apply-pull.js';
import { applyPushOutcomes } from './apply-push-outcomes.js';
import { queueAction } from './queue-action.js';
import { manager, offered } from '../test/offered-order.js';


beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await applyPull('store-a', { cursor: 1, reset: true, puts: [offered('o-1'), offered('o-2')], deletes: [], lastMutationId: 0 });
});

test('[SY18] an accept writes the new state and its outbox entry together, numbered from 1', async () => {
  const result = await queueAction({ name: 'offer.accept', version: 1, args: { orderId: 'o-1' } }, manager);
  expect(result).toMatchObject({ ok: true, value: { id: 1, orderNumber: 'D-o-1' } });
  expect((await db.orders.get('o-1'))?.status).toBe('accepted');
  expect((await db.serverOrders.get('o-1'))?.status).toBe('offered');
  expect(await db.outbox.toArray()).toMatchObject([{ id: 1, name: 'offer.accept', version: 1, args: { orderId: 'o-1' } }]);
  const second = await queueAction({ name: 'offer.accept', version: 1, args: { orderId: 'o-2' } }, manager);
  expect(second).toMatchObject({ ok: true, value: { id: 2 } });
});

test('[SY18] an action the lifecycle refuses writes nothing and says why', async () => {
  await queueAction({ name: 'offer.accept', version: 1, args: { orderId: 'o-1' } }, manager);
  const again = await queueAction({ name: 'offer.accept', version: 1, args: { orderId: 'o-1' } }, manager);
  expect(again).toMatchObject({ ok: false, rejection: { reason: 'TRANSITION_NOT_ALLOWED' } });
  const clerk = await queueAction({ name: 'offer.accept', version: 1, args: { orderId: 'o-2' } }, { ...manager, role: 'clerk' });
  expect(clerk).toMatchObject({ ok: false, rejection: { reason: 'ROLE_NOT_ALLOWED' } });
  expect(await db.outbox.count()).toBe(1);
  expect((await db.orders.get('o-2'))?.status).toBe('offered');
});

test('[SY11] a reset pull replaces server truth but keeps the outbox and replays it on top', async () => {
  await queueAction({ name: 'offer.accept', version: 1, args: { orderId: 'o-2' } }, manager);
  await applyPull('store-a', { cursor: 1, reset: true, puts: [offered('o-2'), offered('o-3')], deletes: [], lastMutationId: 0 });
  expect(await db.outbox.count()).toBe(1);
  expect((await db.orders.get('o-2'))?.status).toBe('accepted');
  expect(await db.orders.get('o-1')).toBeUndefined();
  expect((await db.orders.get('o-3'))?.status).toBe('offered');
});

test('[SY16] a rejected action leaves the outbox, is kept for the person, and the order shows server truth', async () => {
  await queueAction({ name: 'offer.accept', version: 1, args: { orderId: 'o-1' } }, manager);
  await applyPushOutcomes({
    lastMutationId: 1,
    outcomes: [{ id: 1, status: 'rejected', rejection: { reason: 'TRANSITION_NOT_ALLOWED', message: 'No.', details: { status: 'cancelled' } } }],
  });
  expect(await db.outbox.count()).toBe(0);
  expect(await db.rejections.toArray()).toMatchObject([{ orderId: 'o-1', orderNumber: 'D-o-1', rejection: { details: { status: 'cancelled' } } }]);
  expect((await db.orders.get('o-1'))?.status).toBe('offered');
});

test('[SY16] an applied action stays on screen after its answer, before the next pull arrives', async () => {
  await queueAction({ name: 'offer.accept', version: 1, args: { orderId: 'o-1' } }, manager);
  await applyPushOutcomes({ lastMutationId: 1, outcomes: [{ id: 1, status: 'applied' }] });
  expect(await db.outbox.count()).toBe(0);
  expect((await db.orders.get('o-1'))?.status).toBe('accepted');
  expect((await db.serverOrders.get('o-1'))?.status).toBe('accepted');
});
