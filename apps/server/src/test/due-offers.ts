import type { Order } from '@repo/domain';
import type { orders } from '../db/schema.js';

/** `count` offers of the test chain's customer to store-a and store-b, all due a minute before `at`: rows to insert at once. */
export function dueOffers(count: number, at: Date, prefix = 'due'): (typeof orders.$inferInsert)[] {
  return Array.from({ length: count }, (_, i) => {
    const storeId = i % 2 ? 'store-b' : 'store-a';
    const offerExpiresAt = new Date(at.getTime() - 60_000).toISOString();
    const order: Order = {
      id: `${prefix}-${i}`, number: `T-${prefix}-${i}`, customerId: 'c-1', customerName: '王芳', customerPhone: '13800138000',
      address: { text: '上海市徐汇区天钥桥路 100 号', lat: 31.19, lng: 121.44 },
      lines: [{ productId: 'p-1', gtin: '06901234567892', name: '农夫山泉 550ml', quantity: 1, confirmedQuantity: 1 }],
      declinedBy: [], createdAt: offerExpiresAt, updatedAt: offerExpiresAt, status: 'offered', storeId, offerExpiresAt,
    };
    return {
      id: order.id, number: order.number, status: order.status, storeId, customerId: 'c-1', data: order, ownerUserId: 'u-hq',
      offerExpiresAt: new Date(offerExpiresAt), createdAt: new Date(offerExpiresAt), updatedAt: new Date(offerExpiresAt),
    };
  });
}
