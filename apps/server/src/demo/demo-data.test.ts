import { count, eq } from 'drizzle-orm';
import { distanceKm, hasValidCheckDigit } from '@repo/domain';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.js';
import { customerAddresses, customers, orders, packagings, products, stock, stores, users } from '../db/schema.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';
import { storeOrders, testServer } from '../test/test-chain.js';
import { demoPassword, loadDemoDataIfEmpty } from './load-demo-data.js';

describeWithDatabase(`[DEMO] the demo chain on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  beforeAll(async () => {
    database = await openTestDatabase();
    expect((await loadDemoDataIfEmpty(database.db)).loaded).toBe(true);
  }, 120_000);
  afterAll(() => database?.close());

  test('[DEMO1] at least 12 stores with Chinese addresses and coordinates in Shanghai', async () => {
    const rows = await database.db.select().from(stores);
    expect(rows.length).toBeGreaterThanOrEqual(12);
    for (const s of rows) {
      expect(s.address).toMatch(/^上海市/);
      expect(s.lat).toBeGreaterThan(30.9);
      expect(s.lng).toBeGreaterThan(121.1);
    }
  });

  test('[DEMO2] 300 products with valid EAN-13s, and ITF-14 case codes with pack sizes', async () => {
    const rows = await database.db.select().from(products);
    expect(rows).toHaveLength(300);
    expect(new Set(rows.map((p) => p.gtin)).size).toBe(300);
    for (const p of rows) expect(p.gtin.length === 13 && hasValidCheckDigit(p.gtin), p.gtin).toBe(true);
    const cases = await database.db.select().from(packagings);
    expect(cases.length).toBeGreaterThan(20);
    for (const c of cases) {
      expect(c.gtin.length === 14 && hasValidCheckDigit(c.gtin), c.gtin).toBe(true);
      expect(c.unitsPerPack).toBeGreaterThan(1);
    }
  });

  test('[DEMO3] two head-office users (a shift and the next), and per store one manager and two clerks', async () => {
    const rows = await database.db.select().from(users);
    const storeCount = (await database.db.select().from(stores)).length;
    expect(rows.filter((u) => u.role === 'hq').map((u) => u.username).sort()).toEqual(['hq', 'hq2']);
    expect(rows.filter((u) => u.role === 'store_manager')).toHaveLength(storeCount);
    expect(rows.filter((u) => u.role === 'clerk')).toHaveLength(storeCount * 2);
  });

  test('[DEMO4] 200 customers with mobile numbers, stock per store, orders in several states', async () => {
    const people = await database.db.select().from(customers);
    expect(people).toHaveLength(200);
    for (const c of people) expect(c.phone).toMatch(/^1\d{10}$/);
    const [stockRows] = await database.db.select({ n: count() }).from(stock);
    expect(stockRows?.n).toBe(300 * (await database.db.select().from(stores)).length);
    const states = new Set((await database.db.select({ status: orders.status }).from(orders)).map((o) => o.status));
    expect(states.size).toBeGreaterThanOrEqual(6);
  });

  test('[DEMO5] the printed demo logins work', async () => {
    const server = testServer(database.db);
    for (const username of ['hq', 'store01.manager', 'store01.clerk1']) {
      const result = await server.caller().auth.login({ username, password: demoPassword });
      expect(result.user.username).toBe(username);
    }
    const [manager] = await database.db.select().from(users).where(eq(users.username, 'store01.manager'));
    const { token } = await server.caller().auth.login({ username: 'store01.manager', password: demoPassword });
    const held = await storeOrders(server.caller(token));
    expect(held.length).toBeGreaterThan(0);
    expect(held.every((o) => 'storeId' in o && o.storeId === manager?.storeId)).toBe(true);
  });

  test('[DEMO7] every address lies on a road of a store\'s district, within that store\'s delivery radius', async () => {
    const shops = await database.db.select().from(stores);
    for (const a of await database.db.select().from(customerAddresses)) {
      const near = shops.filter((s) => distanceKm(s, a) * 1000 <= s.deliveryRadiusM);
      const district = a.text.match(/^上海市(.+?区)/)?.[1];
      expect(district, a.id).toBe(a.district);
      expect(near.some((s) => s.address.includes(district!)), `${a.id} ${a.text}`).toBe(true);
    }
    const [first] = await database.db.select().from(customerAddresses).where(eq(customerAddresses.customerId, 'c-001')).orderBy(customerAddresses.id).limit(1);
    const reach = shops.filter((s) => distanceKm(s, first!) * 1000 <= s.deliveryRadiusM).map((s) => s.name);
    expect(reach).toEqual(expect.arrayContaining(['徐家汇店', '打浦桥店']));
  });

  test('[DEMO9] customers\' files: several with 2-3 addresses, some with notes, member levels where known', async () => {
    const addresses = await database.db.select().from(customerAddresses);
    const perCustomer = new Map<string, number>();
    for (const a of addresses) perCustomer.set(a.customerId, (perCustomer.get(a.customerId) ?? 0) + 1);
    expect([...perCustomer.values()].filter((n) => n >= 2).length).toBeGreaterThanOrEqual(20);
    expect([...perCustomer.values()].filter((n) => n === 3).length).toBeGreaterThanOrEqual(5);
    expect(perCustomer.size).toBe(200);
    const people = await database.db.select().from(customers);
    expect(people.filter((c) => c.notes !== '').length).toBeGreaterThan(20);
    expect(new Set(people.map((c) => c.memberLevel))).toEqual(new Set([null, 'regular', 'silver', 'gold', 'platinum']));
  });

  test('[DEMO8] stores deliver within 3 km, one is closed; stock has gaps but staples are everywhere and no count is negative', async () => {
    const shops = await database.db.select().from(stores);
    expect(new Set(shops.map((s) => s.deliveryRadiusM))).toEqual(new Set([3000]));
    expect(shops.filter((s) => !s.open).map((s) => s.name)).toEqual(['曹家渡店']);
    const rows = await database.db.select().from(stock);
    const soldOut = rows.filter((r) => r.quantity === 0).length;
    expect(soldOut / rows.length).toBeGreaterThan(0.05);
    expect(soldOut / rows.length).toBeLessThan(0.35);
    expect(rows.filter((r) => ['p-001', 'p-005', 'p-020'].includes(r.productId)).every((r) => r.quantity >= 1)).toBe(true);
    expect(rows.filter((r) => r.quantity < 0 || r.reserved < 0)).toEqual([]);
    // Orders accepted and not yet delivered hold their goods.
    expect(rows.some((r) => r.reserved > 0)).toBe(true);
  });

  test('[DEMO6] loading again into a database that has stores changes nothing', async () => {
    const again = await loadDemoDataIfEmpty(database.db);
    expect(again.loaded).toBe(false);
    expect(await database.db.select({ n: count() }).from(stores)).toEqual([{ n: 14 }]);
  });
});
