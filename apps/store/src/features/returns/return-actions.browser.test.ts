import type { OrderIn } from '@repo/domain';
import { beforeEach, expect, test } from 'vitest';
import { db } from '../../local-db/store-db.js';
import { applyPull } from '../../sync/apply-pull.js';
import { outForDelivery } from '../../test/delivery-order.js';
import { manager } from '../../test/offered-order.js';
import { confirmReturn, recordReturnedItem } from './return-actions.js';

function returned(id: string): OrderIn<'returned_to_store'> {
  const { status: _status, ...rest } = outForDelivery(id, {
    lines: [
      { productId: 'p-1', gtin: '06901234567892', name: '农夫山泉 550ml', quantity: 2, confirmedQuantity: 2, unitPriceFen: 250 },
      { productId: 'p-2', gtin: '06920202888883', name: '康师傅红烧牛肉面', quantity: 1, confirmedQuantity: 1, unitPriceFen: 450 },
    ],
  });
  return { ...rest, status: 'returned_to_store', failureReason: 'customer_unreachable' };
}

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await applyPull('store-a', { cursor: 1, reset: true, puts: [returned('o-1'), returned('o-2')], deletes: [], lastMutationId: 0 });
});

test('[HR-R1] items scanned back are kept on the device, so a reload halfway does not restart the check', async () => {
  await recordReturnedItem('o-1', 'p-1');
  const seen = await recordReturnedItem('o-1', 'p-1');
  expect([...seen]).toEqual(['p-1']);
  // What a reloaded screen reads back:
  expect((await db.returnChecks.get('o-1'))?.productIds).toEqual(['p-1']);
  expect(await db.returnChecks.get('o-2')).toBeUndefined();
});

test('[HR-R1] the check is dropped with the confirmation it led to, in the same transaction', async () => {
  await recordReturnedItem('o-1', 'p-1');
  await recordReturnedItem('o-1', 'p-2');
  const result = await confirmReturn('o-1', 'items', manager);
  expect(result.ok).toBe(true);
  expect(await db.returnChecks.get('o-1')).toBeUndefined();
  expect(await db.outbox.where('orderId').equals('o-1').count()).toBe(1);
});

test('[HR-R1] an order that leaves the store takes its half-done check with it', async () => {
  await recordReturnedItem('o-2', 'p-1');
  await applyPull('store-a', {
    cursor: 2, reset: false, puts: [], deletes: ['o-2'], lastMutationId: 0,
    departures: [{ orderId: 'o-2', orderNumber: 'D-o-2', why: 'cancelled', reason: '客户取消' }],
  });
  expect(await db.returnChecks.get('o-2')).toBeUndefined();
});
