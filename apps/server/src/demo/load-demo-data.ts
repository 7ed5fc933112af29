import { randomUUID } from 'node:crypto';
import { count } from 'drizzle-orm';
import { transition, type Actor, type Order, type OrderEvent, type Payment } from '@repo/domain';
import { hashPassword } from '../auth/password.js';
import type { Database, Transaction } from '../db/database.js';
import { insertOrder, saveTransitions } from '../db/order-rows.js';
import { customerAddresses, customers, deliveryCodes, packagings, products, stock, stores, users } from '../db/schema.js';
import { deliveryTermsFor } from '../orders/delivery-terms.js';
import { buildDemoCustomers, buildDemoProducts, buildDemoStock, buildDemoStores, personName, seededRandom } from './demo-chain.js';

/** Every demo account shares this password; it is printed on start. Demo only, never for a real chain. */
export const demoPassword = 'demo1234';

export interface DemoLoad {
  readonly loaded: boolean;
  readonly password: string;
  readonly logins: string[];
}

/** Loads the demo chain into an empty database; leaves a database that has stores alone. */
export async function loadDemoDataIfEmpty(db: Database, now = new Date()): Promise<DemoLoad> {
  const [row] = await db.select({ n: count() }).from(stores);
  const loaded = (row?.n ?? 0) === 0;
  if (loaded) await loadDemoData(db, now);
  return { loaded, password: demoPassword, logins: demoLoginLines() };
}

export function demoLoginLines(): string[] {
  return [
    'hq               head office (总部调度)',
    'hq2              head office, the next shift (交班 to and from hq)',
    'store01.manager  徐家汇店 store manager (店长)',
    'store01.clerk1   徐家汇店 delivery clerk (店员)',
    'store02.manager … store14.manager, storeNN.clerk1/clerk2 likewise',
  ];
}

export async function loadDemoData(db: Database, now: Date): Promise<void> {
  const rand = seededRandom(20261123);
  const demoStores = buildDemoStores();
  const demoProducts = buildDemoProducts();
  const demoCustomers = buildDemoCustomers(demoStores);
  const accounts = buildAccounts(demoStores, rand);
  const hashes = await Promise.all(accounts.map(() => hashPassword(demoPassword)));
  await db.transaction(async (tx) => {
    await tx.insert(stores).values(demoStores.map(({ id, code, name, address, phone, lat, lng, deliveryRadiusM, open }) => ({ id, code, name, address, phone, lat, lng, deliveryRadiusM, open })));
    await tx.insert(users).values(accounts.map((a, i) => ({ ...a, passwordHash: hashes[i]! })));
    await tx.insert(products).values(demoProducts.map(({ id, gtin, name, category, priceFen, minShelfLifeDays }) => ({ id, gtin, name, category, priceFen, minShelfLifeDays })));
    const cases = demoProducts.filter((p) => p.caseGtin && p.caseUnits);
    await tx.insert(packagings).values(cases.map((p) => ({ gtin: p.caseGtin!, productId: p.id, unitsPerPack: p.caseUnits! })));
    const stockRows = buildDemoStock(demoStores, demoProducts, new Set(demoOrderProducts(demoProducts).map((p) => p.id)), rand);
    for (let i = 0; i < stockRows.length; i += 1000) await tx.insert(stock).values(stockRows.slice(i, i + 1000));
    await tx.insert(customers).values(demoCustomers.map(({ id, name, phone, notes, memberLevel }) => ({ id, name, phone, notes, memberLevel, notesUpdatedAt: notes ? now : null })));
    await tx.insert(customerAddresses).values(demoCustomers.flatMap((c) => c.addresses));
    await loadDemoOrders(tx, { stores: demoStores, products: demoProducts, customers: demoCustomers, rand, now });
  });
}

function buildAccounts(demoStores: ReturnType<typeof buildDemoStores>, rand: () => number) {
  const hq = { id: 'u-hq', username: 'hq', displayName: `${personName(rand)}（总部调度）`, role: 'hq' as const, storeId: null };
  return [
    hq,
    ...demoStores.flatMap((s, i) => {
      const n = String(i + 1).padStart(2, '0');
      return [
        { id: `u-${n}-m`, username: `store${n}.manager`, displayName: `${personName(rand)}（${s.name}店长）`, role: 'store_manager' as const, storeId: s.id },
        { id: `u-${n}-c1`, username: `store${n}.clerk1`, displayName: `${personName(rand)}（${s.name}店员）`, role: 'clerk' as const, storeId: s.id },
        { id: `u-${n}-c2`, username: `store${n}.clerk2`, displayName: `${personName(rand)}（${s.name}店员）`, role: 'clerk' as const, storeId: s.id },
      ];
    }),
    // A colleague for the hand-over (交班). A fixed name: drawing one from `rand` would shift the demo stock drawn after it.
    { id: 'u-hq2', username: 'hq2', displayName: '陈静（总部调度·晚班）', role: 'hq' as const, storeId: null },
  ];
}

const demoOrderCount = 45;

/** The products of demo order `i`: one to four lines spread over the catalogue. */
function demoOrderLineProducts<P>(products: readonly P[], i: number): P[] {
  return Array.from({ length: 1 + (i % 4) }, (_, k) => products[(i * 13 + k * 29) % products.length]!);
}

/** Every product some demo order holds. */
function demoOrderProducts<P>(products: readonly P[]): P[] {
  return Array.from({ length: demoOrderCount }, (_, i) => demoOrderLineProducts(products, i)).flat();
}

/** How far each demo order walks down the lifecycle, one walk per status a store or head office sees. */
const walks: readonly (readonly OrderEvent['type'][])[] = [
  [], ['offer'], ['offer', 'accept'], ['offer', 'accept', 'start_pick'], ['offer', 'accept', 'start_pick', 'finish_pick'],
  ['offer', 'accept', 'start_pick', 'finish_pick', 'hand_off'], ['offer', 'accept', 'start_pick', 'finish_pick', 'hand_off', 'deliver'],
  ['offer', 'accept', 'start_pick', 'finish_pick', 'hand_off', 'deliver', 'close'], ['offer', 'cancel'],
];

interface DemoOrderSources {
  stores: ReturnType<typeof buildDemoStores>;
  products: ReturnType<typeof buildDemoProducts>;
  customers: ReturnType<typeof buildDemoCustomers>;
  rand: () => number;
  now: Date;
}

async function loadDemoOrders(tx: Transaction, src: DemoOrderSources): Promise<void> {
  for (let i = 0; i < demoOrderCount; i++) {
    const store = src.stores[i % 3]!; // The first three stores get a busy day; the rest start quiet.
    // A customer of that store's own neighbourhood (customer n lives near store n mod 14).
    const customer = src.customers[(i % 3) + src.stores.length * (Math.floor(i / 3) % 14)]!;
    const home = customer.addresses[0]!;
    // Taken a minute apart over the last three quarters of an hour; each walk ends a few minutes
    // ago, so the board opens on a believable shift with some orders late, not all of them.
    const created = new Date(src.now.getTime() - (demoOrderCount - i) * 60_000);
    const walk = walks[i % walks.length]!;
    const endedAgoMs = (i % 4) * 2 * 60_000;
    const lines = demoOrderLineProducts(src.products, i).map((p, k) => ({
      productId: p.id, gtin: p.gtin.padStart(14, '0'), name: p.name, quantity: 1 + ((i + k) % 3), confirmedQuantity: 1 + ((i + k) % 3),
      unitPriceFen: p.priceFen,
    }));
    const terms = deliveryTermsFor(created, { promiseMinutes: 60, undoWindowSeconds: 120 });
    // Every other demo order is paid at the door, so a clerk trying the demo sees both kinds.
    const payment = i % 2 === 0
      ? { method: 'on_delivery' as const, amountDueFen: lines.reduce((sum, l) => sum + l.unitPriceFen * l.quantity, 0) }
      : { method: 'prepaid' as const, amountDueFen: 0 };
    let order: Order = {
      id: randomUUID(), number: `D${created.toISOString().slice(0, 10).replaceAll('-', '')}-9${String(i).padStart(4, '0')}`,
      customerId: customer.id, customerName: customer.name, customerPhone: customer.phone,
      address: { text: home.text, lat: home.lat, lng: home.lng }, lines, declinedBy: [],
      createdAt: created.toISOString(), updatedAt: created.toISOString(), status: 'received',
      payment, promisedAt: terms.promisedAt, deliveryCode: terms.deliveryCode, proofPolicy: terms.proofPolicy,
    };
    await insertOrder(tx, order, 'u-hq', 'u-hq');
    await tx.insert(deliveryCodes).values({ orderId: order.id, code: terms.code });
    const n = store.id.slice(-2);
    for (const [k, type] of walk.entries()) {
      const step = demoStep(type, { storeId: store.id, clerkId: `u-${n}-c1`, now: src.now, code: terms.code, payment });
      const at = new Date(Math.max(created.getTime(), src.now.getTime() - endedAgoMs - (walk.length - 1 - k) * 60_000));
      const next = transition(order, step.event, { actor: step.actor, now: at });
      if (!next.ok) throw new Error(`Demo order walk broke at ${type}: ${next.rejection.message}`);
      await saveTransitions(tx, [{ before: order, after: next.value, event: step.event, actorUserId: 'userId' in step.actor ? step.actor.userId : null }]);
      order = next.value;
    }
  }
}

/** A photo the demo's delivered orders point at; the console shows it as still on the device. */
const demoPhoto = { sha256: '0'.repeat(64), type: 'image/jpeg', bytes: 1 } as const;

interface DemoStepContext {
  readonly storeId: string;
  readonly clerkId: string;
  readonly now: Date;
  readonly code: string;
  readonly payment: Payment;
}

function demoStep(type: OrderEvent['type'], at: DemoStepContext): { event: OrderEvent; actor: Actor } {
  const hq: Actor = { role: 'hq', userId: 'u-hq' };
  const manager: Actor = { role: 'store_manager', userId: `u-${at.storeId.slice(-2)}-m`, storeId: at.storeId };
  const clerk: Actor = { role: 'clerk', userId: at.clerkId, storeId: at.storeId };
  switch (type) {
    // Demo offers stay open for two hours so a person trying the demo can still accept them.
    case 'offer': return { actor: hq, event: { type, storeId: at.storeId, offerExpiresAt: new Date(at.now.getTime() + 2 * 3_600_000).toISOString() } };
    case 'hand_off': return { actor: manager, event: { type, clerk: { userId: at.clerkId, storeId: at.storeId } } };
    // Demo deliveries have no photo on the server: their proof is the code and a photo reference.
    case 'deliver': return {
      actor: clerk,
      event: {
        type, code: at.code, position: { unavailable: 'denied' }, photo: demoPhoto,
        ...(at.payment.method === 'on_delivery' ? { collectedFen: at.payment.amountDueFen } : {}),
      },
    };
    case 'close': return { actor: hq, event: { type } };
    case 'cancel': return { actor: hq, event: { type, reason: '客户来电取消' } };
    case 'accept': case 'start_pick': case 'finish_pick': return { actor: manager, event: { type } } as { event: OrderEvent; actor: Actor };
    default: throw new Error(`No demo step for ${type}`);
  }
}
