import type { Order } from '@repo/domain';

/** Test fixtures for the device's sync tests: store-a's manager and an order offered to store-a. */
export const manager = { role: 'store_manager', userId: 'u-m', storeId: 'store-a' } as const;

export function offered(id: string): Order {
  return {
    id, number: `D-${id}`, customerId: 'c', customerName: '王芳', customerPhone: '13800138000',
    address: { text: '上海市徐汇区天钥桥路 1 号', lat: 31, lng: 121 },
    lines: [{ productId: 'p', gtin: '06901234567892', name: '水', quantity: 1, confirmedQuantity: 1 }],
    declinedBy: [], createdAt: '2026-11-23T01:00:00Z', updatedAt: '2026-11-23T01:00:00Z',
    status: 'offered', storeId: 'store-a', offerExpiresAt: '2099-01-01T00:00:00Z',
  };
}
