import { expect, test } from 'vitest';
import type { Actor, Order } from '@repo/domain';
import { retryDelayMs } from './backoff.js';
import { settleOutcomes } from './push-outcomes.js';
import { rebaseOrder, type PendingAction } from './rebase.js';

const manager: Actor = { role: 'store_manager', userId: 'm', storeId: 's' };
const offered: Order = {
  id: 'o-1', number: 'D1', customerId: 'c', customerName: '王芳', customerPhone: '13800138000',
  address: { text: '上海市徐汇区 1 号', lat: 31, lng: 121 },
  lines: [{ productId: 'p', gtin: '06901234567892', name: '水', quantity: 1, confirmedQuantity: 1 }],
  declinedBy: [], createdAt: '2026-11-23T01:00:00Z', updatedAt: '2026-11-23T01:00:00Z',
  status: 'offered', storeId: 's', offerExpiresAt: '2099-01-01T00:00:00Z',
};
const acceptAction = (id: number): PendingAction => ({ id, orderId: 'o-1', name: 'offer.accept', version: 1, args: { orderId: 'o-1' }, createdAt: '2026-11-23T01:01:00Z' });

test('[SY15] a pending accept shows on top of the pulled order', () => {
  expect(rebaseOrder(offered, [acceptAction(3)], { actorOf: () => manager, lastMutationId: 2 })?.status).toBe('accepted');
});

test('[SY15] an action the server already applied is not replayed', () => {
  const accepted = { ...offered, status: 'accepted' as const };
  const { offerExpiresAt: _, ...rest } = accepted;
  expect(rebaseOrder(rest as Order, [acceptAction(3)], { actorOf: () => manager, lastMutationId: 3 })?.status).toBe('accepted');
});

test('[SY15] a pending action that no longer fits leaves the server truth on screen', () => {
  const cancelled: Order = { ...offered, status: 'cancelled', cancelReason: '客户取消' } as Order;
  expect(rebaseOrder(cancelled, [acceptAction(3)], { actorOf: () => manager, lastMutationId: 0 })?.status).toBe('cancelled');
  expect(rebaseOrder(undefined, [acceptAction(3)], { actorOf: () => manager, lastMutationId: 0 })).toBeUndefined();
});

test('[SY16] every answered mutation leaves the outbox; rejections, fresh or replayed, are kept for the person', () => {
  const rejection = { reason: 'TRANSITION_NOT_ALLOWED' as const, message: 'No.' };
  expect(settleOutcomes([
    { id: 1, status: 'applied' },
    { id: 2, status: 'rejected', rejection },
    { id: 3, status: 'already_applied', original: 'rejected', rejection },
    { id: 4, status: 'already_applied', original: 'applied' },
  ])).toEqual({ done: [1, 2, 3, 4], rejected: [{ id: 2, rejection }, { id: 3, rejection }] });
});

test('[SY17] retry delays grow to 30 s and are jittered', () => {
  expect(retryDelayMs(1, () => 0.5)).toBe(1000);
  expect(retryDelayMs(3, () => 0.5)).toBe(4000);
  expect(retryDelayMs(20, () => 0.5)).toBe(30_000);
  expect(retryDelayMs(1, () => 0)).toBe(750);
});
