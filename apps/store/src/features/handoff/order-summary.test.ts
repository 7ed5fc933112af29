import type { Order } from '@repo/domain';
import { expect, test } from 'vitest';
import { amountToCollectFen, bagContents, formatFen } from './order-summary.js';

const line = (productId: string, quantity: number, confirmedQuantity = quantity) => ({ productId, gtin: '06901234567892', name: productId, quantity, confirmedQuantity });
const picked: Order = {
  id: 'o', number: 'D-1', customerId: 'c', customerName: '王芳', customerPhone: '13800138000',
  address: { text: '上海市徐汇区天钥桥路 1 号', lat: 31, lng: 121 },
  lines: [line('p-1', 2), line('p-2', 3, 0), line('p-3', 1)],
  declinedBy: [], createdAt: '2026-11-23T01:00:00Z', updatedAt: '2026-11-23T01:00:00Z',
  status: 'picked', storeId: 'store-a',
};

test('[HO4] the amount to collect shows for pay on delivery only, in yuan from fen', () => {
  expect(amountToCollectFen({ ...picked, payment: { method: 'on_delivery', amountDueFen: 1250 } })).toBe(1250);
  expect(amountToCollectFen({ ...picked, payment: { method: 'prepaid', amountDueFen: 0 } })).toBeNull();
  expect(amountToCollectFen(picked)).toBeNull();
  expect(formatFen(1250)).toBe('¥12.50');
  expect(formatFen(0)).toBe('¥0.00');
  expect(formatFen(123_456_78)).toBe('¥123,456.78');
});

test('[HO4] the bag holds what was picked; before a pick is recorded, what the store confirmed', () => {
  expect(bagContents(picked)).toEqual({ units: 3, lines: 2 });
  expect(bagContents({ ...picked, picked: [{ productId: 'p-1', quantity: 2, lots: [] }, { productId: 'p-3', quantity: 1, lots: [] }] })).toEqual({ units: 3, lines: 2 });
});
