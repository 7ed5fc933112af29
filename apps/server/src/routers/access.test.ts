import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.js';
import { codeOf, PASSWORD, seedTestChain, storeOrders, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';
import { appRouter } from './app-router.js';

type Access = 'public' | 'signed-in' | 'hq' | 'store';
type Role = 'anonymous' | 'hq' | 'store_manager' | 'clerk';

/** Who may call each procedure. A new procedure fails the first test until it is listed here. */
const access: Record<string, Access> = {
  'auth.login': 'public',
  'auth.me': 'signed-in',
  'auth.logout': 'signed-in',
  'catalog.stores': 'hq',
  'catalog.products': 'hq',
  'catalog.customers': 'hq',
  'catalog.storeCatalog': 'store',
  'orders.create': 'hq',
  'orders.dispatch': 'hq',
  'orders.cancel': 'hq',
  'orders.close': 'hq',
  'orders.resolveShort': 'hq',
  'orders.list': 'hq',
  'orders.get': 'hq',
  'orders.candidateStores': 'hq',
  'orders.proofBlobs': 'hq',
  'orders.board': 'hq',
  'orders.owners': 'hq',
  'orders.handOver': 'hq',
  'devices.unsentWork': 'hq',
  'dispatch.notices': 'hq',
  'dispatch.waiting': 'hq',
  'dispatch.importStock': 'hq',
  'sync.push': 'store',
  'sync.pull': 'store',
  'sync.poke': 'store',
  'review.queue': 'hq',
  'review.callList': 'hq',
  'review.counts': 'hq',
  'review.approve': 'hq',
  'review.confirmByPhone': 'hq',
  'review.recordCall': 'hq',
  'cti.myExtension': 'hq',
  'cti.setExtension': 'hq',
  'cti.recentCalls': 'hq',
  'cti.pops': 'hq',
  'customers.search': 'hq',
  'customers.file': 'hq',
  'customers.create': 'hq',
  'customers.addAddress': 'hq',
  'customers.updateNotes': 'hq',
};

const usernames = { hq: 'hq', store_manager: 'a.manager', clerk: 'a.clerk' } as const;

const allowed: Record<Access, Role[]> = {
  public: ['anonymous', 'hq', 'store_manager', 'clerk'],
  'signed-in': ['hq', 'store_manager', 'clerk'],
  hq: ['hq'],
  store: ['store_manager', 'clerk'],
};

describeWithDatabase(`[SEC] access rules on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let server: TestServer;
  const tokens: Partial<Record<Role, string | null>> = { anonymous: null };
  let orderA = '';
  let orderB = '';

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    server = testServer(database.db);
    tokens.hq = await server.login('hq');
    tokens.store_manager = await server.login('a.manager');
    tokens.clerk = await server.login('a.clerk');
    const hq = server.caller(tokens.hq);
    orderA = (await hq.orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] })).id;
    orderB = (await hq.orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] })).id;
    await hq.orders.dispatch({ orderId: orderA, storeId: 'store-a' });
    await hq.orders.dispatch({ orderId: orderB, storeId: 'store-b' });
  }, 60_000);
  afterAll(() => database?.close());

  test('[SEC1] every procedure of the router has an access rule', () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(access).sort());
  });

  /** Calls a procedure with input that is valid for it, so only access decides the outcome. */
  async function call(path: string, role: Role): Promise<unknown> {
    // Logging out must not end the session the other cases use: it gets a session of its own.
    const token = path === 'auth.logout' && role !== 'anonymous' ? await server.login(usernames[role]) : (tokens[role] ?? null);
    const c = server.caller(token) as unknown as Record<string, Record<string, (input?: unknown) => Promise<unknown>>>;
    const [area, name] = path.split('.') as [string, string];
    const inputs: Record<string, unknown> = {
      'auth.login': { username: 'b.manager', password: PASSWORD },
      'catalog.products': {}, 'catalog.customers': {},
      'orders.create': { customerId: 'c-1', lines: [{ productId: 'p-2', quantity: 1 }] },
      'orders.dispatch': { orderId: orderA, storeId: 'store-a' },
      'orders.cancel': { orderId: 'no-such-order', reason: 'test' },
      'orders.close': { orderId: 'no-such-order' },
      'orders.resolveShort': { orderId: 'no-such-order', resolution: 'partial', note: '客户同意部分发货' },
      'orders.list': {}, 'orders.get': { orderId: orderA }, 'orders.candidateStores': { orderId: orderA }, 'orders.proofBlobs': { orderId: orderA },
      // A hand-over to no one: refused as bad input after the role check, so it moves nothing the other cases see.
      'orders.board': {}, 'orders.owners': undefined, 'orders.handOver': { toUserId: 'no-such-user' },
      'sync.push': { clientId: randomUUID(), mutations: [{ id: 1, name: 'offer.accept', version: 1, args: { orderId: orderA }, createdAt: new Date().toISOString() }] },
      'sync.pull': { clientId: randomUUID(), cursor: null },
      // The same counts the chain already has, so the import changes nothing the other cases see.
      'dispatch.importStock': { storeId: 'store-a', csv: 'gtin,quantity\n6901234567892,50\n6901234567908,5\n' },
      'review.approve': { orderId: 'no-such-order' },
      'review.confirmByPhone': { orderId: 'no-such-order', reason: '地址需确认' },
      'review.recordCall': { orderId: 'no-such-order', outcome: 'cancel', reason: '顾客取消' },
      // Signing out of an extension nobody holds changes nothing the other cases see.
      'cti.setExtension': { extension: null },
      'customers.search': { query: '8000' },
      'customers.file': { customerId: 'c-1' },
      // A new number for each allowed call, so a second create is not refused as a duplicate.
      'customers.create': { name: '访问测试', phone: `139${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`, address: { label: '家', district: '徐汇区', detail: '天钥桥路 1 号' } },
      'customers.addAddress': { customerId: 'c-1', label: '公司', district: '黄浦区', detail: '福州路 1 号' },
      'customers.updateNotes': { customerId: 'c-1', notes: '访问测试' },
    };
    return c[area]![name]!(inputs[path]);
  }

  const cases = Object.entries(access).flatMap(([path, rule]) =>
    (['anonymous', 'hq', 'store_manager', 'clerk'] as Role[]).map((role) => ({ path, role, rule })),
  );

  test.each(cases)('[SEC2] $path as $role', async ({ path, role, rule }) => {
    const code = await codeOf(call(path, role));
    if (allowed[rule].includes(role)) {
      expect(['UNAUTHORIZED', 'FORBIDDEN']).not.toContain(code);
    } else {
      expect(code).toBe(role === 'anonymous' ? 'UNAUTHORIZED' : 'FORBIDDEN');
    }
  });

  test('[SEC3] acting on another store\'s order is refused exactly as acting on no order at all', async () => {
    const manager = server.caller(tokens.store_manager);
    const push = (orderId: string) =>
      manager.sync.push({ clientId: randomUUID(), mutations: [{ id: 1, name: 'offer.accept', version: 1, args: { orderId }, createdAt: new Date().toISOString() }] });
    const other = await push(orderB);
    const missing = await push('no-such-order');
    expect(other.outcomes[0]).toMatchObject({ status: 'rejected', rejection: { reason: 'WRONG_STORE' } });
    expect(other.outcomes[0]).toEqual(missing.outcomes[0]);
    const detail = await server.caller(tokens.hq).orders.get({ orderId: orderB });
    expect(detail.order.status).toBe('offered');
  });

  test('[SEC4] a store\'s pull holds only its own orders', async () => {
    const orders = await storeOrders(server.caller(tokens.store_manager));
    expect(orders.map((o) => o.id)).toContain(orderA);
    expect(orders.map((o) => o.id)).not.toContain(orderB);
    expect(orders.every((o) => 'storeId' in o && o.storeId === 'store-a')).toBe(true);
  });

  test('[SEC4] [OL15] a clerk\'s pull holds only the orders handed to that clerk', async () => {
    const orders = await storeOrders(server.caller(tokens.clerk));
    expect(orders.map((o) => o.id)).not.toContain(orderA);
    expect(orders.every((o) => 'clerkId' in o && o.clerkId === 'u-a-c')).toBe(true);
  });

  test('[SEC6] a device registered to one store cannot push for another', async () => {
    const clientId = randomUUID();
    const mutation = { id: 1, name: 'offer.accept', version: 1, args: { orderId: orderB }, createdAt: new Date().toISOString() };
    await server.caller(tokens.clerk).sync.pull({ clientId, cursor: null });
    await server.caller(tokens.clerk).sync.push({ clientId, mutations: [{ ...mutation, args: { orderId: 'x' } }] });
    const storeB = await server.login('b.manager');
    expect(await codeOf(server.caller(storeB).sync.push({ clientId, mutations: [{ ...mutation, id: 2 }] }))).toBe('FORBIDDEN');
  });

  test('[SEC5] [CT7] only head office may subscribe to screen pops', async () => {
    expect(await codeOf(server.caller(null).cti.pops())).toBe('UNAUTHORIZED');
    expect(await codeOf(server.caller(tokens.store_manager).cti.pops())).toBe('FORBIDDEN');
  });

  test('[SEC5] a store user cannot subscribe to pokes without a session', async () => {
    expect(await codeOf(server.caller(null).sync.poke())).toBe('UNAUTHORIZED');
  });
});
