import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import type { LateLimits, Order } from '@repo/domain';
import { hashPassword } from '../auth/password.js';
import type { Database } from '../db/database.js';
import { customerAddresses, customers, packagings, products, stock, stores, users } from '../db/schema.js';
import { appRouter } from '../routers/app-router.js';
import { Dispatcher } from '../dispatch/dispatcher.js';
import { StorePokes } from '../store-pokes.js';
import { createCallerFactory, type Context } from '../trpc.js';

export const PASSWORD = 'test-password';

/** Two stores, a user of each role, a few products and customers: enough to prove every rule. */
export async function seedTestChain(db: Database): Promise<void> {
  await db.insert(stores).values([
    { id: 'store-a', code: 'A01', name: '徐家汇店', address: '上海市徐汇区漕溪北路 88 号', phone: '021-1', lat: 31.1955, lng: 121.4365 },
    { id: 'store-b', code: 'B01', name: '陆家嘴店', address: '上海市浦东新区陆家嘴环路 1000 号', phone: '021-2', lat: 31.2397, lng: 121.4998 },
  ]);
  const hash = await hashPassword(PASSWORD);
  await db.insert(users).values([
    { id: 'u-hq', username: 'hq', displayName: '总部', role: 'hq', storeId: null, passwordHash: hash },
    { id: 'u-a-m', username: 'a.manager', displayName: 'A 店长', role: 'store_manager', storeId: 'store-a', passwordHash: hash },
    { id: 'u-a-c', username: 'a.clerk', displayName: 'A 店员', role: 'clerk', storeId: 'store-a', passwordHash: hash },
    { id: 'u-a-c2', username: 'a.clerk2', displayName: 'A 店员二', role: 'clerk', storeId: 'store-a', passwordHash: hash },
    { id: 'u-b-m', username: 'b.manager', displayName: 'B 店长', role: 'store_manager', storeId: 'store-b', passwordHash: hash },
    { id: 'u-b-c', username: 'b.clerk', displayName: 'B 店员', role: 'clerk', storeId: 'store-b', passwordHash: hash },
  ]);
  await db.insert(products).values([
    { id: 'p-1', gtin: '6901234567892', name: '农夫山泉 550ml', category: '饮料', priceFen: 200, minShelfLifeDays: 30 },
    { id: 'p-2', gtin: '6901234567908', name: '光明 鲜牛奶 950ml', category: '乳制品', priceFen: 1350, minShelfLifeDays: 3 },
  ]);
  await db.insert(packagings).values([{ gtin: '16901234567899', productId: 'p-1', unitsPerPack: 24 }]);
  await db.insert(stock).values([
    { storeId: 'store-a', productId: 'p-1', quantity: 50 }, { storeId: 'store-a', productId: 'p-2', quantity: 5 },
    { storeId: 'store-b', productId: 'p-1', quantity: 2 },
  ]);
  await db.insert(customers).values([{ id: 'c-1', name: '王芳', phone: '13800138000' }]);
  await db.insert(customerAddresses).values([
    { id: 'addr-c-1', customerId: 'c-1', label: '家', text: '上海市徐汇区天钥桥路 100 号 2 号楼 301 室', district: '徐汇区', lat: 31.19, lng: 121.44, howLocated: 'street' },
  ]);
}

export interface TestServer {
  readonly db: Database;
  readonly pokes: StorePokes;
  readonly dispatcher: Dispatcher;
  /** A caller with no session, or signed in as `username` (logs in through the real procedure). */
  /** `address` is the caller's network address (the login limit counts per address). */
  caller(token?: string | null, address?: string): ReturnType<typeof appRouter.createCaller>;
  login(username: string): Promise<string>;
}

export function testServer(db: Database, now: () => Date = () => new Date(), options: { autoRedispatch?: boolean; lateLimits?: LateLimits } = {}): TestServer {
  const pokes = new StorePokes();
  const config = {
    sessionTtlHours: 12, offerTtlMinutes: 15, promiseMinutes: 60, undoWindowSeconds: 120, autoRedispatch: options.autoRedispatch ?? true,
    ...(options.lateLimits ? { lateLimits: options.lateLimits } : {}),
  };
  // Not started: tests run its ticks themselves, at the times they choose.
  const dispatcher = new Dispatcher({ db, pokes, now, autoRedispatch: config.autoRedispatch, offerTtlMinutes: config.offerTtlMinutes, tickMs: 60_000 });
  const factory = createCallerFactory(appRouter);
  const caller = (token: string | null = null, address = '127.0.0.1') => {
    const ctx: Context = { db, pokes, dispatcher, now, token, address, config };
    return factory(ctx);
  };
  return {
    db, pokes, dispatcher, caller,
    login: async (username) => (await caller().auth.login({ username, password: PASSWORD })).token,
  };
}

/** The tRPC error code a promise rejects with. */
export async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'OK';
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
}

/** The orders a store device would hold after a first pull. */
export async function storeOrders(caller: ReturnType<typeof appRouter.createCaller>): Promise<Order[]> {
  return (await caller.sync.pull({ clientId: randomUUID(), cursor: null })).puts;
}

/** Head office takes a one-line order for the test customer and offers it to a store; returns its id. */
export async function offerNewOrder(hq: ReturnType<typeof appRouter.createCaller>, storeId = 'store-a'): Promise<string> {
  const order = await hq.orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] });
  await hq.orders.dispatch({ orderId: order.id, storeId });
  return order.id;
}
