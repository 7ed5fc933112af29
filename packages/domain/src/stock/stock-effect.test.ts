import { describe, expect, test } from 'vitest';
import type { Actor } from '../actor.js';
import { CLERK, DELIVERY_CODE, NOW, PHOTO, STORE, orderIn } from '../test/order-fixtures.js';
import type { OrderEvent } from '../order/order-event.js';
import { transition } from '../order/order-lifecycle.js';
import type { Order } from '../order/order.js';
import { stockChangesOf } from './stock-effect.js';

const manager: Actor = { role: 'store_manager', userId: 'manager-a', storeId: STORE };
const clerk: Actor = { role: 'clerk', userId: CLERK, storeId: STORE };
const hq: Actor = { role: 'hq', userId: 'hq-1' };
const system: Actor = { role: 'system' };

/** Applies one event through the real lifecycle and returns the step with its stock change. */
function step(before: Order, event: OrderEvent, actor: Actor, now = NOW) {
  const result = transition(before, event, { actor, now });
  if (!result.ok) throw new Error(result.rejection.message);
  return { before, after: result.value, change: stockChangesOf([{ before, after: result.value }]) };
}

const held = (reserved: number, onHand = 0) => [{ storeId: STORE, productId: 'p-1', reserved, onHand }];
const beforeExpiry = new Date('2026-11-23T10:01:00+08:00');

describe('stock follows the order (docs/dispatch.md)', () => {
  test('[DS10] the accept reserves the lines at the store', () => {
    expect(step(orderIn('offered'), { type: 'accept' }, manager, beforeExpiry).change).toEqual(held(2));
  });

  test('[DS11] the delivery takes the reserved goods off the shelf; an undo puts them back', () => {
    const delivered = step(orderIn('out_for_delivery'), { type: 'deliver', code: DELIVERY_CODE, photo: PHOTO, position: { unavailable: 'denied' } }, clerk);
    expect(delivered.change).toEqual(held(-2, -2));
    const undone = step(delivered.after, { type: 'undo_deliver', at: '2026-11-23T09:59:00+08:00' }, clerk, delivered.after.status === 'delivered' ? new Date(delivered.after.deliveredAt) : NOW);
    expect(undone.change).toEqual(held(2, 2));
  });

  test('[DS12] cancel, goods confirmed back and re-dispatch from short release the reservation', () => {
    expect(step(orderIn('picking'), { type: 'cancel', reason: '客户取消' }, hq).change).toEqual(held(-2));
    const returned: Order = { ...orderIn('returned_to_store'), goodsBackAt: undefined } as Order;
    const { goodsBackAt: _, ...notBack } = returned as Extract<Order, { status: 'returned_to_store' }>;
    expect(step(notBack, { type: 'confirm_return', via: 'bag_label', at: '2026-11-23T09:58:00+08:00' }, manager).change).toEqual(held(-2));
    expect(step(orderIn('short'), { type: 'resolve_short', resolution: 'redispatch' }, hq).change).toEqual(held(-2));
  });

  test('[DS12] a cancel after the goods are back releases nothing twice; a retry reserves again', () => {
    expect(step(orderIn('returned_to_store'), { type: 'cancel', reason: '客户取消' }, hq).change).toEqual([]);
    expect(step(orderIn('returned_to_store'), { type: 'retry_delivery', clerk: { userId: CLERK, storeId: STORE } }, manager).change).toEqual(held(2));
  });

  test('[DS13] a decline or an expiry never touches stock: nothing was reserved yet', () => {
    expect(step(orderIn('offered'), { type: 'decline', reason: 'out_of_stock' }, manager).change).toEqual([]);
    expect(step(orderIn('offered'), { type: 'expire_offer' }, system, new Date('2026-11-23T10:06:00+08:00')).change).toEqual([]);
  });

  test('[DS10] a short line holds only what the store confirmed; steps of one run are summed', () => {
    const accepted = step(orderIn('offered'), { type: 'accept' }, manager, beforeExpiry);
    const picking = step(accepted.after, { type: 'start_pick' }, manager);
    const short = step(picking.after, { type: 'report_short', available: [{ productId: 'p-1', quantity: 1 }] }, manager);
    expect(short.change).toEqual(held(-1));
    expect(stockChangesOf([accepted, picking, short])).toEqual(held(1));
  });
});
