import { count, eq } from 'drizzle-orm';
import { gcj02ToBd09 } from '@repo/domain';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.js';
import { customerAddresses, customers, orders } from '../db/schema.js';
import { seedTestChain, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';

type Caller = ReturnType<TestServer['caller']>;
type BadRequest = { code: string; cause?: { issues?: { path: (string | number)[] }[]; problems?: { path: string }[] } };

/** The fields a refusal names, from zod, the storable-text check or a FieldProblems. */
async function refusedFields(promise: Promise<unknown>): Promise<string[]> {
  const error = (await promise.then(() => null, (e: BadRequest) => e))!;
  expect(error, 'expected a refusal').not.toBeNull();
  expect(error.code).toBe('BAD_REQUEST');
  return [...(error.cause?.issues?.map((i) => i.path.join('.')) ?? []), ...(error.cause?.problems?.map((p) => p.path) ?? [])];
}

const home = { label: '家', district: '徐汇区', detail: '天钥桥路 200 号 5 号楼 702 室' } as const;

describeWithDatabase(`[CF] the customer's file on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let server: TestServer;
  let hq: Caller;

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    server = testServer(database.db);
    hq = server.caller(await server.login('hq'));
    await database.db.insert(customers).values([
      { id: 'c-2', name: '王芳芳', phone: '13912348000', memberLevel: 'gold' },
      { id: 'c-3', name: '李王芳', phone: '02164008000' },
      { id: 'c-4', name: '张伟_%', phone: '13700001234' },
    ]);
    await database.db.insert(customerAddresses).values([
      { id: 'addr-c-2', customerId: 'c-2', label: '家', text: '上海市浦东新区陆家嘴环路 500 号', district: '浦东新区', lat: 31.2397, lng: 121.5005, howLocated: 'street' },
    ]);
  }, 60_000);
  afterAll(() => database?.close());

  async function snapshot() {
    const [c] = await database.db.select({ n: count() }).from(customers);
    const [a] = await database.db.select({ n: count() }).from(customerAddresses);
    const [o] = await database.db.select({ n: count() }).from(orders);
    const notes = await database.db.select({ id: customers.id, notes: customers.notes }).from(customers).orderBy(customers.id);
    return { customers: c?.n, addresses: a?.n, orders: o?.n, notes };
  }

  test('[CF1] the last four digits find every caller whose number ends so, most recent orderer first', async () => {
    await hq.orders.create({ customerId: 'c-3', lines: [{ productId: 'p-1', quantity: 1 }], address: { text: '上海市静安区常德路 1 号', lat: 31.23, lng: 121.443 } });
    const found = await hq.customers.search({ query: '8000' });
    expect(found.map((c) => c.id)).toEqual(['c-3', 'c-1', 'c-2']);
    expect(found[0]).toMatchObject({ match: 'last4', lastOrderAt: expect.any(String) });
    expect(found.find((c) => c.id === 'c-2')).toMatchObject({ memberLevel: 'gold', addressCount: 1, firstAddress: expect.stringContaining('陆家嘴环路') });
    expect(await hq.customers.search({ query: '1234' })).toEqual([expect.objectContaining({ id: 'c-4' })]);
  });

  test('[CF1] a whole number, however it is typed, finds its caller first', async () => {
    for (const query of ['13800138000', '+86 138-0013-8000', '138 0013 8000']) {
      expect((await hq.customers.search({ query }))[0], query).toMatchObject({ id: 'c-1', match: 'phone' });
    }
    expect((await hq.customers.search({ query: '6400 8000' })).map((c) => c.id)).toEqual(['c-3']);
  });

  test('[CF1] a name: exact first, then names that start with it, then names that hold it; % and _ are letters', async () => {
    expect((await hq.customers.search({ query: '王芳' })).map((c) => c.id)).toEqual(['c-1', 'c-2', 'c-3']);
    expect((await hq.customers.search({ query: '王芳', limit: 1 })).map((c) => c.id)).toEqual(['c-1']);
    expect((await hq.customers.search({ query: '_%' })).map((c) => c.id)).toEqual(['c-4']);
    expect((await hq.customers.search({ query: '%' })).map((c) => c.id)).toEqual(['c-4']);
    expect(await hq.customers.search({ query: '王%' })).toEqual([]);
    expect(await hq.customers.search({ query: '' })).toEqual([]);
  });

  test('[CF1] the catalogue\'s older customer search still finds callers by address text, with their first address', async () => {
    expect(await hq.catalog.customers({ query: '陆家嘴环路' })).toEqual([{ id: 'c-2', name: '王芳芳', phone: '13912348000', address: '上海市浦东新区陆家嘴环路 500 号' }]);
    expect((await hq.catalog.customers({ query: '王芳' })).map((c) => c.id)).toEqual(expect.arrayContaining(['c-1', 'c-2', 'c-3']));
  });

  test('[CF2] a new caller is created in the call with a normalised number and a first address located by its street', async () => {
    const created = await hq.customers.create({ name: '陈静', phone: '+86 186-2100-3344', notes: '请按门铃两次', address: home });
    const file = await hq.customers.file({ customerId: created.id });
    expect(file.customer).toMatchObject({ name: '陈静', phone: '18621003344', notes: '请按门铃两次', memberLevel: null });
    expect(file.addresses).toEqual([expect.objectContaining({
      id: created.addressId, label: '家', district: '徐汇区', text: '上海市徐汇区天钥桥路 200 号 5 号楼 702 室', howLocated: 'street',
    })]);
    expect(file.openOrders).toEqual([]);
    expect((await hq.customers.search({ query: '3344' }))[0]?.id).toBe(created.id);
  });

  test('[CF2] a number already on file is refused on the phone field, naming whose it is, and nothing is created', async () => {
    const before = await snapshot();
    const error = await hq.customers.create({ name: '另一个人', phone: '138 0013 8000', address: home }).catch((e: Error) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('王芳') });
    expect(await refusedFields(hq.customers.create({ name: '另一个人', phone: '13800138000', address: home }))).toEqual(['phone']);
    expect(await snapshot()).toEqual(before);
  });

  test('[CF3] a new address from a pasted Amap link is exact; from a Baidu link it is converted to GCJ-02', async () => {
    const amap = await hq.customers.addAddress({
      customerId: 'c-1', label: '公司', district: '黄浦区', detail: '福州路 300 号 12 楼',
      mapLink: '【高德地图】https://uri.amap.com/marker?position=121.4801,31.2346&name=公司',
    });
    expect(amap).toMatchObject({ lat: 31.2346, lng: 121.4801, howLocated: 'map_link', text: '上海市黄浦区福州路 300 号 12 楼', customerId: 'c-1' });
    const bd = gcj02ToBd09({ lat: 31.2, lng: 121.47 });
    const baidu = await hq.customers.addAddress({
      customerId: 'c-1', label: '父母家', district: '黄浦区', detail: '丽园路 9 号', mapLink: `https://api.map.baidu.com/marker?location=${bd.lat},${bd.lng}&title=x`,
    });
    expect(baidu.lat).toBeCloseTo(31.2, 4);
    expect(baidu.lng).toBeCloseTo(121.47, 4);
    const districtOnly = await hq.customers.addAddress({ customerId: 'c-1', label: '仓库', district: '嘉定区', detail: '无名小路 5 号' });
    expect(districtOnly.howLocated).toBe('district');
    const file = await hq.customers.file({ customerId: 'c-1' });
    expect(file.addresses.map((a) => a.label)).toEqual(['家', '公司', '父母家', '仓库']);
  });

  test('[CF3] a point outside the service area, a short link or an unknown customer is refused by field, and nothing is saved', async () => {
    const before = await snapshot();
    const add = (extra: object) => hq.customers.addAddress({ customerId: 'c-1', label: '公司', district: '徐汇区', detail: '天钥桥路 1 号', ...extra });
    expect(await refusedFields(add({ mapLink: '39.915,116.404' }))).toEqual(['mapLink']);
    expect(await refusedFields(add({ mapLink: 'https://surl.amap.com/abc' }))).toEqual(['mapLink']);
    expect(await refusedFields(add({ mapLink: 'https://www.google.com/maps/@48.85,2.35,15z' }))).toEqual(['mapLink']);
    expect(await refusedFields(add({ customerId: 'c-nobody' }))).toEqual(['customerId']);
    expect(await refusedFields(hq.customers.create({ name: '远方', phone: '13511112222', address: { ...home, mapLink: '22.54,114.06' } }))).toEqual(['address.mapLink']);
    expect(await snapshot()).toEqual(before);
  });

  test('[CF4] an order goes to the address picked, keeps the call id, and dispatch ranks stores from that address', async () => {
    const file = await hq.customers.file({ customerId: 'c-1' });
    const office = file.addresses.find((a) => a.label === '公司')!;
    const order = await hq.orders.create({ customerId: 'c-1', addressId: office.id, callId: 'call-20261130-0001', lines: [{ productId: 'p-1', quantity: 1 }] });
    expect(order.address).toEqual({ text: office.text, lat: office.lat, lng: office.lng });
    const [row] = await database.db.select().from(orders).where(eq(orders.id, order.id));
    expect(row).toMatchObject({ callId: 'call-20261130-0001', channel: 'phone' });
    // Head office's order detail names the call, to find its recording.
    expect((await hq.orders.get({ orderId: order.id })).intake).toMatchObject({ channel: 'phone', callId: 'call-20261130-0001' });
    const ranking = await hq.orders.candidateStores({ orderId: order.id });
    const toA = [...ranking.candidates, ...ranking.leftOut].find((s) => s.storeId === 'store-a')!;
    // 福州路 is about 5 km from 徐家汇: out of store A's 3 km radius, where the home address was in it.
    expect(toA.distanceKm).toBeGreaterThan(4);
    const atHome = await hq.orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] });
    expect(atHome.address.text).toContain('天钥桥路 100 号');
    const homeRanking = await hq.orders.candidateStores({ orderId: atHome.id });
    expect(homeRanking.candidates[0]?.storeId).toBe('store-a');
  });

  test('[CF5] another customer\'s address is refused on addressId, and no order is made', async () => {
    const before = await snapshot();
    const take = (addressId: string) => hq.orders.create({ customerId: 'c-1', addressId, lines: [{ productId: 'p-1', quantity: 1 }] });
    expect(await refusedFields(take('addr-c-2'))).toEqual(['addressId']);
    expect(await refusedFields(take('addr-none'))).toEqual(['addressId']);
    expect(await refusedFields(hq.orders.create({ customerId: 'c-4', lines: [{ productId: 'p-1', quantity: 1 }] }))).toEqual(['addressId']);
    expect(await refusedFields(hq.orders.create({ customerId: 'c-1', address: { text: '北京市海淀区', lat: 39.9, lng: 116.3 }, lines: [{ productId: 'p-1', quantity: 1 }] }))).toEqual(['address']);
    expect(await snapshot()).toEqual(before);
  });

  test('[CF6] the file lists open orders and past ones apart, newest first', async () => {
    const open = await hq.orders.create({ customerId: 'c-2', lines: [{ productId: 'p-2', quantity: 2 }] });
    const gone = await hq.orders.create({ customerId: 'c-2', lines: [{ productId: 'p-1', quantity: 1 }] });
    await hq.orders.cancel({ orderId: gone.id, reason: '客户来电取消' });
    const file = await hq.customers.file({ customerId: 'c-2' });
    expect(file.openOrders).toEqual([expect.objectContaining({ id: open.id, number: open.number, status: 'received', totalFen: 2700, lineCount: 1 })]);
    expect(file.pastOrders).toEqual([expect.objectContaining({ id: gone.id, status: 'cancelled' })]);
    expect(file.customer.memberLevel).toBe('gold');
    expect((await server.caller(null).customers.file({ customerId: 'c-2' }).catch((e: { code: string }) => e))).toMatchObject({ code: 'UNAUTHORIZED' });
    expect(await hq.customers.file({ customerId: 'c-none' }).catch((e: { code: string }) => e.code)).toBe('NOT_FOUND');
  });

  test('[CF7] notes are replaced and stamped', async () => {
    const saved = await hq.customers.updateNotes({ customerId: 'c-2', notes: '  只收现金  ' });
    expect(saved.notes).toBe('只收现金');
    const file = await hq.customers.file({ customerId: 'c-2' });
    expect(file.customer).toMatchObject({ notes: '只收现金', notesUpdatedAt: expect.any(String) });
  });

  describe('[CF8] bad input is refused naming the field, and changes nothing', () => {
    const huge = 'x'.repeat(100_000);
    const cases: [string, (hq: Caller) => Promise<unknown>, string][] = [
      ['a NUL in a new caller\'s name', (c) => c.customers.create({ name: '陈\u0000', phone: '13511110000', address: home }), 'name'],
      ['a lone surrogate in the address detail', (c) => c.customers.create({ name: '陈', phone: '13511110000', address: { ...home, detail: '天钥桥路 \uD800' } }), 'address.detail'],
      ['a huge name', (c) => c.customers.create({ name: huge, phone: '13511110000', address: home }), 'name'],
      ['a number that is not one', (c) => c.customers.create({ name: '陈', phone: '12345', address: home }), 'phone'],
      ['a phone as a number', (c) => c.customers.create({ name: '陈', phone: 13511110000 as never, address: home }), 'phone'],
      ['an unknown district', (c) => c.customers.create({ name: '陈', phone: '13511110000', address: { ...home, district: '海淀区' as never } }), 'address.district'],
      ['a huge map link', (c) => c.customers.addAddress({ customerId: 'c-1', ...home, mapLink: huge }), 'mapLink'],
      ['a NUL in a map link', (c) => c.customers.addAddress({ customerId: 'c-1', ...home, mapLink: 'https://uri.amap.com/marker?position=121.4,31.2\u0000' }), 'mapLink'],
      ['a label as an object', (c) => c.customers.addAddress({ customerId: 'c-1', ...home, label: {} as never }), 'label'],
      ['an empty label', (c) => c.customers.addAddress({ customerId: 'c-1', ...home, label: ' ' }), 'label'],
      ['a lone surrogate in notes', (c) => c.customers.updateNotes({ customerId: 'c-1', notes: 'a\uDC00' }), 'notes'],
      ['notes of 501 characters', (c) => c.customers.updateNotes({ customerId: 'c-1', notes: 'n'.repeat(501) }), 'notes'],
      ['notes for nobody', (c) => c.customers.updateNotes({ customerId: 'c-nobody', notes: 'x' }), 'customerId'],
      ['a NUL in a search', (c) => c.customers.search({ query: '王\u0000' }), 'query'],
      ['a limit of a million', (c) => c.customers.search({ query: '王', limit: 1_000_000 }), 'limit'],
      ['a call id of 65 characters', (c) => c.orders.create({ customerId: 'c-1', callId: 'c'.repeat(65), lines: [{ productId: 'p-1', quantity: 1 }] }), 'callId'],
      ['an address id as a number', (c) => c.orders.create({ customerId: 'c-1', addressId: 7 as never, lines: [{ productId: 'p-1', quantity: 1 }] }), 'addressId'],
    ];
    test.each(cases)('%s', async (_name, call, field) => {
      const before = await snapshot();
      expect(await refusedFields(call(hq))).toContain(field);
      expect(await snapshot()).toEqual(before);
    });
  });
});
