import { hashDeliveryCode } from '../order/delivery-code.js';
import type { BlobRef, Order } from '../order/order.js';
import type { OrderStatus } from '../order/order-status.js';

export const STORE = 'store-a';
export const OTHER_STORE = 'store-b';
export const CLERK = 'clerk-1';
export const NOW = new Date('2026-11-23T10:00:00+08:00');
export const DELIVERY_CODE = '246810';
export const PHOTO: BlobRef = { sha256: 'a'.repeat(64), type: 'image/jpeg', bytes: 123_456 };

const base = {
  id: 'order-1',
  number: 'D20261123-0001',
  customerId: 'customer-1',
  customerName: '王芳',
  customerPhone: '13800138000',
  address: { text: '上海市徐汇区漕溪北路88号 3号楼1202', lat: 31.19, lng: 121.43 },
  lines: [{ productId: 'p-1', gtin: '06901234567892', name: '农夫山泉 550ml', quantity: 2, confirmedQuantity: 2 }],
  declinedBy: [],
  deliveryCode: hashDeliveryCode(DELIVERY_CODE, '00112233445566778899aabbccddeeff'),
  proofPolicy: { code: true, signature: false, photo: true },
  createdAt: '2026-11-23T09:00:00+08:00',
  updatedAt: '2026-11-23T09:00:00+08:00',
};

/** A valid order in `status`, held by STORE where the state has a store. */
export function orderIn(status: OrderStatus): Order {
  switch (status) {
    case 'received':
      return { ...base, status };
    case 'offered':
      return { ...base, status, storeId: STORE, offerExpiresAt: '2026-11-23T10:05:00+08:00' };
    case 'accepted':
    case 'picking':
    case 'short':
    case 'picked':
      return { ...base, status, storeId: STORE };
    case 'out_for_delivery':
      return { ...base, status, storeId: STORE, clerkId: CLERK };
    case 'returned_to_store':
      return { ...base, status, storeId: STORE, clerkId: CLERK, failureReason: 'customer_unreachable', goodsBackAt: '2026-11-23T09:58:00+08:00' };
    case 'delivered':
      return { ...base, status, storeId: STORE, clerkId: CLERK, deliveredAt: '2026-11-23T09:50:00+08:00', undoUntil: '2026-11-23T09:52:00+08:00' };
    case 'closed':
      return { ...base, status, storeId: STORE, closedAt: '2026-11-23T09:55:00+08:00', closedVia: 'device' };
    case 'cancelled':
      return { ...base, status, storeId: STORE, cancelReason: '客户取消' };
  }
}
