import { expect, test } from 'vitest';
import { departureFrom } from './departure.js';

const offer = (storeId: string) => ({ type: 'offer', payload: { storeId } });
const handOff = (userId: string) => ({ type: 'hand_off', payload: { clerk: { userId, storeId: 's1' } } });

test('[DP1] a store is told why an order left it: cancelled with the reason, declined, expired, re-dispatched', () => {
  expect(departureFrom([offer('s1'), { type: 'accept', payload: {} }, { type: 'cancel', payload: { reason: '客户取消' } }], { storeId: 's1' }))
    .toEqual({ why: 'cancelled', reason: '客户取消' });
  expect(departureFrom([offer('s1'), { type: 'decline', payload: { reason: 'too_far' } }], { storeId: 's1' })).toEqual({ why: 'declined', reason: 'too_far' });
  expect(departureFrom([offer('s1'), { type: 'expire_offer', payload: {} }, offer('s2')], { storeId: 's1' })).toEqual({ why: 'offer_expired' });
  expect(departureFrom([offer('s1'), { type: 'report_short', payload: {} }, { type: 'resolve_short', payload: { resolution: 'redispatch' } }], { storeId: 's1' }))
    .toEqual({ why: 'redispatched' });
});

test('[DP1] an order that is still, or again, at the store has not left it', () => {
  expect(departureFrom([offer('s1'), { type: 'resolve_short', payload: { resolution: 'partial' } }], { storeId: 's1' })).toBeUndefined();
  expect(departureFrom([offer('s1'), { type: 'expire_offer', payload: {} }, offer('s1')], { storeId: 's1' })).toBeUndefined();
  expect(departureFrom([offer('s2'), { type: 'cancel', payload: { reason: 'x' } }], { storeId: 's1' })).toBeUndefined();
});

test('[DP2] a clerk is told when an order was given to another clerk or cancelled on the way', () => {
  const out = [offer('s1'), handOff('c1')];
  expect(departureFrom([...out, { type: 'fail_delivery', payload: { reason: 'customer_unreachable' } }, { type: 'retry_delivery', payload: { clerk: { userId: 'c2' } } }], { storeId: 's1', clerkId: 'c1' }))
    .toEqual({ why: 'reassigned' });
  expect(departureFrom([...out, { type: 'cancel', payload: { reason: '地址无法送达' } }], { storeId: 's1', clerkId: 'c1' })).toEqual({ why: 'cancelled', reason: '地址无法送达' });
  expect(departureFrom([...out, { type: 'deliver', payload: {} }], { storeId: 's1', clerkId: 'c1' })).toBeUndefined();
});
