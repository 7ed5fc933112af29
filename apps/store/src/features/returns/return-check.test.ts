import type { Order } from '@repo/domain';
import { expect, test } from 'vitest';
import { isEveryProductBack, productsToCheck } from './return-check.js';

const line = (productId: string, quantity: number, confirmedQuantity = quantity) => ({ productId, gtin: '06901234567892', name: productId, quantity, confirmedQuantity });
const returned: Order = {
  id: 'o', number: 'D-1', customerId: 'c', customerName: '王芳', customerPhone: '13800138000',
  address: { text: '上海市徐汇区天钥桥路 1 号', lat: 31, lng: 121 },
  lines: [line('p-1', 2), line('p-2', 3, 0), line('p-3', 1)],
  declinedBy: [], createdAt: '2026-11-23T01:00:00Z', updatedAt: '2026-11-23T01:00:00Z',
  status: 'returned_to_store', storeId: 'store-a', clerkId: 'u-c1', failureReason: 'customer_refused',
};

test('[RT3] every product that went into the bag must be scanned back at least once; a line supplied as zero is not asked for', () => {
  expect(productsToCheck(returned)).toEqual(['p-1', 'p-3']);
  expect(isEveryProductBack(returned, new Set(['p-1']))).toBe(false);
  expect(isEveryProductBack(returned, new Set(['p-1', 'p-3']))).toBe(true);
});

test('[RT3] the recorded pick decides what is checked when there is one', () => {
  const withPick: Order = { ...returned, picked: [{ productId: 'p-3', quantity: 1, lots: [] }, { productId: 'p-1', quantity: 0, lots: [] }] };
  expect(productsToCheck(withPick)).toEqual(['p-3']);
  expect(isEveryProductBack(withPick, new Set(['p-3']))).toBe(true);
});

test('[RT3] an order with nothing in the bag is never confirmed by items (the bag label is the only way)', () => {
  expect(isEveryProductBack({ ...returned, picked: [] }, new Set())).toBe(false);
});
