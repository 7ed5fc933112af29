import { describe, expect, test } from 'vitest';
import type { Order } from '@repo/domain';
import { rankCandidates, type StoreFacts } from './candidate-ranking.js';

const now = new Date('2026-11-23T10:00:00+08:00');
const customer = { text: '上海市徐汇区天钥桥路 100 号', lat: 31.19, lng: 121.44 };
const order = {
  id: 'o-1', number: 'D1', customerId: 'c-1', customerName: '王芳', customerPhone: '13800138000', address: customer,
  lines: [
    { productId: 'p-water', gtin: '06901234567892', name: '农夫山泉 550ml', quantity: 2, confirmedQuantity: 2 },
    { productId: 'p-milk', gtin: '06901234567908', name: '光明 鲜牛奶 950ml', quantity: 1, confirmedQuantity: 1 },
  ],
  declinedBy: ['s-declined'], createdAt: now.toISOString(), updatedAt: now.toISOString(), status: 'received',
} satisfies Order;

function store(id: string, lat: number, lng: number, extra: Partial<StoreFacts> = {}): StoreFacts {
  return { id, code: id.toUpperCase(), name: `${id} 店`, lat, lng, deliveryRadiusM: 3000, open: true, lastSeenAt: null, ...extra };
}

describe('candidate stores (docs/dispatch.md)', () => {
  // 0.9 km north of the customer; 14 km east with a radius to match; a full store 2 km away.
  const near = store('s-near', 31.198, 121.44, { lastSeenAt: new Date(now.getTime() - 60_000) });
  const far = store('s-far', 31.19, 121.587, { deliveryRadiusM: 20_000, lastSeenAt: new Date(now.getTime() - 10 * 60_000) });
  const full = store('s-full', 31.208, 121.44);
  const free = new Map([
    ['s-near/p-water', 5], ['s-far/p-water', 9], ['s-far/p-milk', 9], ['s-full/p-water', 2], ['s-full/p-milk', 1],
  ]);

  test('[DS2] every line in stock ranks first, then the nearest; [DS3] a short store names the line it lacks', () => {
    const { candidates } = rankCandidates(order, { stores: [far, near, full], free }, now);
    expect(candidates.map((c) => c.storeId)).toEqual(['s-full', 's-far', 's-near']);
    expect(candidates.find((c) => c.storeId === 's-near')).toMatchObject({
      hasAllStock: false, distanceKm: 0.89, missing: [{ productId: 'p-milk', name: '光明 鲜牛奶 950ml', ordered: 1, free: 0 }],
    });
    expect(candidates[0]!.missing).toEqual([]);
  });

  test('[DS1] a store whose radius does not reach the customer is left out: the 14 km store is not offered over a near one', () => {
    const tight = { ...far, deliveryRadiusM: 3000 };
    const { candidates, leftOut } = rankCandidates(order, { stores: [tight, near], free }, now);
    expect(candidates.map((c) => c.storeId)).toEqual(['s-near']);
    expect(leftOut).toEqual([{ storeId: 's-far', name: 's-far 店', distanceKm: 13.98, why: 'out_of_range' }]);
  });

  test('[DS1] a closed store and one that declined or let the offer expire are left out, with why', () => {
    const closed = store('s-closed', 31.191, 121.44, { open: false });
    const declined = store('s-declined', 31.192, 121.44);
    const { candidates, leftOut } = rankCandidates(order, { stores: [closed, declined, full], free }, now);
    expect(candidates.map((c) => c.storeId)).toEqual(['s-full']);
    expect(leftOut.map((s) => [s.storeId, s.why])).toEqual([['s-closed', 'closed'], ['s-declined', 'declined']]);
  });

  test('[DS4] a store is online when a device reached the server in the last two minutes', () => {
    const { candidates } = rankCandidates(order, { stores: [near, far, full], free }, now);
    const online = Object.fromEntries(candidates.map((c) => [c.storeId, c.online]));
    expect(online).toEqual({ 's-near': true, 's-far': false, 's-full': false });
    expect(candidates.find((c) => c.storeId === 's-far')!.lastSeenAt).toBe(new Date(now.getTime() - 10 * 60_000).toISOString());
  });

  test('[DS3] a product ordered on two lines is judged on the sum', () => {
    const twice = { ...order, lines: [order.lines[0]!, { ...order.lines[0]!, quantity: 4, confirmedQuantity: 4 }] };
    const { candidates } = rankCandidates(twice, { stores: [near], free }, now);
    expect(candidates[0]!.missing).toEqual([{ productId: 'p-water', name: '农夫山泉 550ml', ordered: 6, free: 5 }]);
  });
});
