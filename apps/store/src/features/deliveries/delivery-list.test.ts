import { expect, test } from 'vitest';
import { delivered, outForDelivery } from '../../test/delivery-order.js';
import { deliveryList, mapLinks, promiseDistance, undoSecondsLeft } from './delivery-list.js';

const now = new Date(2026, 10, 23, 14, 0, 0);
const at = (h: number, m = 0) => new Date(2026, 10, 23, h, m).toISOString();

test('[DL1] the list shows orders out for delivery, soonest promise first, those without a promise last', () => {
  const { promisedAt: _none, ...withoutPromise } = outForDelivery('none');
  const orders = [
    outForDelivery('late', { promisedAt: at(15, 30) }),
    withoutPromise,
    outForDelivery('soon', { promisedAt: at(13, 45) }),
    outForDelivery('mid', { promisedAt: at(14, 20) }),
  ];
  expect(deliveryList(orders, now).toDeliver.map((o) => o.id)).toEqual(['soon', 'mid', 'late', 'none']);
});

test('[DL1] only today\'s deliveries are listed below, most recent first; other states are left out', () => {
  const orders = [
    delivered('yesterday', new Date(2026, 10, 22, 20, 0).toISOString()),
    delivered('morning', at(9)),
    delivered('noon', at(12)),
    (({ clerkId: _c, ...rest }) => ({ ...rest, status: 'picked' as const }))(outForDelivery('gone')),
  ];
  const list = deliveryList(orders, now);
  expect(list.deliveredToday.map((o) => o.id)).toEqual(['noon', 'morning']);
  expect(list.toDeliver).toEqual([]);
});

test('[DL2] how late or soon: minutes under an hour and a half, hours beyond; negative when late', () => {
  expect(promiseDistance(at(14, 25), now)).toEqual({ value: 25, unit: 'minute' });
  expect(promiseDistance(at(13, 50), now)).toEqual({ value: -10, unit: 'minute' });
  expect(promiseDistance(at(17, 0), now)).toEqual({ value: 3, unit: 'hour' });
});

test('[DL3] map links: a geo: URI for the phone\'s map app and an Amap web marker, longitude first', () => {
  const links = mapLinks({ text: '天钥桥路 1 号', lat: 31.19, lng: 121.43 });
  expect(links.geo).toBe(`geo:31.19,121.43?q=31.19,121.43(${encodeURIComponent('天钥桥路 1 号')})`);
  expect(links.web).toMatch(/^https:\/\/uri\.amap\.com\/marker\?position=121\.43,31\.19&/);
});

test('[DL7] undo is offered only while undoUntil has not passed', () => {
  const order = delivered('d', at(13, 59), new Date(now.getTime() + 90_500).toISOString());
  expect(undoSecondsLeft(order, now.getTime())).toBe(91);
  expect(undoSecondsLeft(order, now.getTime() + 91_000)).toBe(0);
  expect(undoSecondsLeft(delivered('old', at(9)), now.getTime())).toBe(0);
});
