import { test } from 'vitest';
import type { Order } from '@repo/domain';
import type { PullResponse } from '@repo/sync/protocol';
import { db } from '../src/local-db/store-db.js';
import { applyPull } from '../src/sync/apply-pull.js';
import { applyPushOutcomes } from '../src/sync/apply-push-outcomes.js';
import { queueAction } from '../src/sync/queue-action.js';

// The device-side share of a catch-up, without network or screens: taking a pull of CHANGED new
// orders into IndexedDB while QUEUED actions wait, then settling the pushes 100 at a time (the push
// loop's batch) each followed by the pull its poke brings. tests/load/catch-up.bench.ts measures the
// whole thing end to end. Prints figures; asserts nothing.

const held = Number(import.meta.env.VITE_BENCH_HELD_ORDERS ?? 2500);
const queued = Number(import.meta.env.VITE_BENCH_QUEUED ?? 500);
const changed = Number(import.meta.env.VITE_BENCH_CHANGED ?? 2000);
const pushBatch = 100;
const manager = { role: 'store_manager', userId: 'u-bench', storeId: 'store-bench' } as const;

test('catch-up, device side: applyPull and applyPushOutcomes on a long queue', async () => {
  const heldIds = await seed();

  const lines: string[] = [];
  const bigPullResponse: PullResponse = { cursor: 2, reset: false, puts: ids('c', changed).map((id) => offered(id)), deletes: [], lastMutationId: 0 };
  const bigPull = await timed(() => applyPull(manager.storeId, bigPullResponse));
  const shownAccepted = await db.orders.where('status').equals('accepted').count();
  lines.push(`applyPull of ${changed} new orders with ${queued} queued: ${bigPull.toFixed(0)} ms (${await db.orders.count()} orders, ${shownAccepted} shown accepted)`);
  for (let done = 0; done < queued; done += pushBatch) {
    const batch = heldIds.slice(done, done + pushBatch);
    const outcomes = batch.map((_, i) => ({ id: done + i + 1, status: 'applied' as const }));
    const settle = await timed(() => applyPushOutcomes({ lastMutationId: done + batch.length, outcomes }));
    // Between the settled push and the pull that brings the new truth, what do these orders show?
    const reverted = (await db.orders.bulkGet(batch)).filter((o) => o?.status !== 'accepted').length;
    const pull = await timed(() =>
      applyPull(manager.storeId, { cursor: 3 + done, reset: false, puts: batch.map(accepted), deletes: [], lastMutationId: done + batch.length }),
    );
    lines.push(
      `push ${done / pushBatch + 1}: applyPushOutcomes(${batch.length}) ${settle.toFixed(0)} ms (${reverted} of them shown as not accepted until the next pull), ` +
        `then applyPull(${batch.length} accepted, ${queued - done - batch.length} still queued) ${pull.toFixed(0)} ms`,
    );
  }

  console.log([`\nCatch-up, device side only (${held} orders held, ${queued} queued, ${changed} changed; no screens, no network)`, ...lines, ''].join('\n'));
});

/** Empties the device, pulls HELD offered orders and queues QUEUED accepts through the app's code. */
async function seed(): Promise<string[]> {
  await Promise.all(db.tables.map((t) => t.clear()));
  const heldIds = ids('h', held);
  await applyPull(manager.storeId, { cursor: 1, reset: true, puts: heldIds.map((id) => offered(id)), deletes: [], lastMutationId: 0 });
  for (const orderId of heldIds.slice(0, queued)) {
    const result = await queueAction({ name: 'offer.accept', version: 1, args: { orderId } }, manager);
    if (!result.ok) throw new Error(`queueAction refused ${orderId}`);
  }
  return heldIds;
}

function accepted(id: string): Order {
  const { offerExpiresAt: _expiry, ...rest } = offered(id);
  return { ...rest, status: 'accepted', storeId: manager.storeId };
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

function ids(prefix: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => `${prefix}-${String(i).padStart(5, '0')}`);
}

function offered(id: string): Extract<Order, { status: 'offered' }> {
  return {
    id, number: `D-${id}`, customerId: 'c-001', customerName: '王芳', customerPhone: '13800138000',
    address: { text: '上海市徐汇区天钥桥路 1 号', lat: 31, lng: 121 },
    lines: [{ productId: 'p-001', gtin: '06901234567892', name: '水', quantity: 1, confirmedQuantity: 1 }],
    declinedBy: [], createdAt: '2026-11-23T01:00:00Z', updatedAt: '2026-11-23T01:00:00Z',
    status: 'offered', storeId: manager.storeId, offerExpiresAt: '2099-01-01T00:00:00Z',
  };
}
