import { hashDeliveryCode, type OrderIn } from '@repo/domain';

/** Test fixtures for the clerk's screens: store-a's clerk and an order handed to them. */
export const clerk = { role: 'clerk', userId: 'u-c1', storeId: 'store-a' } as const;
export const DELIVERY_CODE = '246810';

export function outForDelivery(id: string, overrides: Partial<OrderIn<'out_for_delivery'>> = {}): OrderIn<'out_for_delivery'> {
  return {
    id, number: `D-${id}`, customerId: 'c', customerName: '王芳', customerPhone: '13800138000',
    address: { text: '上海市徐汇区天钥桥路 1 号 3 号楼 1202 室', lat: 31.19, lng: 121.43 },
    lines: [{ productId: 'p', gtin: '06901234567892', name: '农夫山泉 550ml', quantity: 2, confirmedQuantity: 2, unitPriceFen: 250 }],
    declinedBy: [], createdAt: '2026-11-23T01:00:00Z', updatedAt: '2026-11-23T01:00:00Z',
    payment: { method: 'on_delivery', amountDueFen: 500 },
    promisedAt: '2026-11-23T02:00:00Z',
    deliveryCode: hashDeliveryCode(DELIVERY_CODE, '00112233445566778899aabbccddeeff'),
    proofPolicy: { code: true, signature: false, photo: true, undoWindowSeconds: 120 },
    status: 'out_for_delivery', storeId: 'store-a', clerkId: 'u-c1',
    ...overrides,
  };
}

export function delivered(id: string, deliveredAt: string, undoUntil?: string): OrderIn<'delivered'> {
  const { status: _status, ...rest } = outForDelivery(id);
  return {
    ...rest, status: 'delivered', deliveredAt,
    proof: { code: 'matched', position: { unavailable: 'denied' } },
    ...(undoUntil ? { undoUntil } : {}),
  };
}
