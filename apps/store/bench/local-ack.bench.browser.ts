import Dexie, { type EntityTable } from 'dexie';
import { test } from 'vitest';
import type { Order } from '@repo/domain';
import { db } from '../src/local-db/store-db.js';
import { applyPull } from '../src/sync/apply-pull.js';
import { queueAction } from '../src/sync/queue-action.js';

// Local durable acknowledgement: `queueAction` (one strict rw transaction writing the order, its
// outbox entry and the mutation counter) against a bare strict `put` of a similar small object,
// interleaved in one run so both see the same disk and the same browser state. Two more rows split
// the gap: queueAction's reads and writes in a bare database without the app code, and the same
// with the reads issued together and the writes issued together (two backend round trips, not five).
// Target (issue): p95 <= 20 ms and <= 2x the bare put. Prints figures; asserts nothing.

const warmUp = Number(import.meta.env.VITE_BENCH_WARMUP ?? 30);
const iterations = Number(import.meta.env.VITE_BENCH_ITERATIONS ?? 300);
const manager = { role: 'store_manager', userId: 'u-bench', storeId: 'store-bench' } as const;

test('local durable acknowledgement: queueAction vs a bare strict put', async () => {
  const bare = new BareDb();
  await Promise.all(bare.tables.map((t) => t.clear()));
  await Promise.all(db.tables.map((t) => t.clear()));
  const total = warmUp + iterations;
  const ids = Array.from({ length: total }, (_, i) => `o-${String(i).padStart(4, '0')}`);
  await applyPull(manager.storeId, { cursor: 1, reset: true, puts: ids.map(offered), deletes: [], lastMutationId: 0 });
  await bare.orders.bulkPut(ids.map(offered));
  await bare.meta.put({ key: 'client', nextMutationId: 1 });

  const queued: number[] = [];
  const puts: number[] = [];
  const shaped: number[] = [];
  const batched: number[] = [];
  for (const [i, orderId] of ids.entries()) {
    const q = await timed(() => queueAction({ name: 'offer.accept', version: 1, args: { orderId } }, manager));
    if (!q.value.ok) throw new Error(`queueAction refused ${orderId}: ${q.value.rejection.reason}`);
    const row = { id: i, name: 'offer.accept', version: 1, args: { orderId }, orderId, createdAt: new Date().toISOString() };
    const p = await timed(() => bare.rows.put(row));
    const s = await timed(() => sameShapeTransaction(bare, row));
    const b = await timed(() => batchedShapeTransaction(bare, { ...row, id: row.id + total }));
    if (i < warmUp) continue;
    queued.push(q.ms);
    puts.push(p.ms);
    shaped.push(s.ms);
    batched.push(b.ms);
  }

  const rows = [
    summary('queueAction (real db)', queued),
    summary('bare strict put', puts),
    summary('same writes, no app code', shaped),
    summary('same, reads/writes batched', batched),
  ];
  const [, put] = rows as [Summary, Summary];
  console.log(
    [
      `\nLocal durable acknowledgement (${iterations} iterations after ${warmUp} warm-up, outbox grows 0 -> ${total})`,
      `${'what'.padEnd(28)}${'p50 ms'.padStart(8)}${'p95 ms'.padStart(8)}${'max ms'.padStart(8)}${'p50/put'.padStart(9)}${'p95/put'.padStart(9)}`,
      ...rows.map((r) => `${r.label.padEnd(28)}${fmt(r.p50)}${fmt(r.p95)}${fmt(r.max)}${ratio(r.p50, put.p50)}${ratio(r.p95, put.p95)}`),
      `target: queueAction p95 <= 20 ms and <= 2x the bare put\n`,
    ].join('\n'),
  );
  bare.close();
});

interface BareRow {
  readonly id: number;
  readonly name: string;
  readonly version: number;
  readonly args: { readonly orderId: string };
  readonly orderId: string;
  readonly createdAt: string;
}

/** A database of its own with the app's durability setting: `rows` for the bare put, the rest for the same-shape transaction. */
class BareDb extends Dexie {
  rows!: EntityTable<BareRow, 'id'>;
  orders!: EntityTable<Order, 'id'>;
  outbox!: EntityTable<BareRow, 'id'>;
  meta!: EntityTable<{ key: string; nextMutationId: number }, 'key'>;
  constructor() {
    super('bench-bare-put', { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ rows: 'id', orders: 'id, storeId, status, updatedAt', outbox: 'id, orderId', meta: 'key' });
  }
}

/** The same reads and writes, each group issued at once: two round trips to the IndexedDB backend instead of five. */
async function batchedShapeTransaction(bare: BareDb, row: BareRow): Promise<void> {
  await bare.transaction('rw', bare.orders, bare.outbox, bare.meta, async () => {
    const [order, meta] = await Promise.all([bare.orders.get(row.orderId), bare.meta.get('client')]);
    if (!order || !meta) throw new Error('bare database not seeded');
    await Promise.all([
      bare.meta.put({ key: 'client', nextMutationId: meta.nextMutationId + 1 }),
      bare.outbox.add(row),
      bare.orders.put({ ...order, status: 'accepted', updatedAt: row.createdAt }),
    ]);
  });
}

/** queueAction's IndexedDB work alone: read the order and the counter, write counter, outbox entry, order. */
async function sameShapeTransaction(bare: BareDb, row: BareRow): Promise<void> {
  await bare.transaction('rw', bare.orders, bare.outbox, bare.meta, async () => {
    const order = await bare.orders.get(row.orderId);
    const meta = await bare.meta.get('client');
    if (!order || !meta) throw new Error('bare database not seeded');
    await bare.meta.put({ key: 'client', nextMutationId: meta.nextMutationId + 1 });
    await bare.outbox.add(row);
    await bare.orders.put({ ...order, status: 'accepted', updatedAt: row.createdAt });
  });
}

interface Summary {
  readonly label: string;
  readonly p50: number;
  readonly p95: number;
  readonly max: number;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

function summary(label: string, samples: number[]): Summary {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
  return { label, p50: at(0.5), p95: at(0.95), max: at(1) };
}

function fmt(ms: number): string {
  return ms.toFixed(2).padStart(8);
}

function ratio(a: number, b: number): string {
  return `${(a / b).toFixed(2)}x`.padStart(9);
}

function offered(id: string): Order {
  return {
    id, number: `D-${id}`, customerId: 'c-001', customerName: '王芳', customerPhone: '13800138000',
    address: { text: '上海市徐汇区天钥桥路 1 号', lat: 31, lng: 121 },
    lines: [{ productId: 'p-001', gtin: '06901234567892', name: '水', quantity: 1, confirmedQuantity: 1 }],
    declinedBy: [], createdAt: '2026-11-23T01:00:00Z', updatedAt: '2026-11-23T01:00:00Z',
    status: 'offered', storeId: manager.storeId, offerExpiresAt: '2099-01-01T00:00:00Z',
  };
}
