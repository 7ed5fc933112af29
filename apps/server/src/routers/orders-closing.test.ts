import { count } from 'drizzle-orm';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.js';
import { orderEvents, orders, storeVersions } from '../db/schema.js';
import { storeDevice } from '../test/store-device.js';
import { codeOf, seedTestChain, storeOrders, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';

/** Head office's side of the order's end: the timeline, shortage decisions and 结单 (docs/order-lifecycle.md OL7, OL13). */
describeWithDatabase(`[HQ] timeline, shortage decisions and closing on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let server: TestServer;
  const tokens: Record<string, string> = {};
  const as = (user: string) => server.caller(tokens[user]!);
  const photo = { sha256: 'd'.repeat(64), type: 'image/jpeg' as const, bytes: 2048 };

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    server = testServer(database.db);
    for (const user of ['hq', 'a.manager', 'a.clerk']) tokens[user] = await server.login(user);
  }, 60_000);
  afterAll(() => database?.close());

  async function snapshot() {
    const [o] = await database.db.select({ n: count() }).from(orders);
    const [e] = await database.db.select({ n: count() }).from(orderEvents);
    const rows = await database.db.select({ id: orders.id, data: orders.data }).from(orders);
    return { orders: o?.n, events: e?.n, versions: await database.db.select().from(storeVersions), rows: rows.sort((a, b) => a.id.localeCompare(b.id)) };
  }

  /** 3 × p-1 at ¥2.00 and 1 × p-2 at ¥13.50, paid at the door; the store has only one p-1. */
  async function shortOrder() {
    const order = await as('hq').orders.create({
      customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 3 }, { productId: 'p-2', quantity: 1 }], paymentMethod: 'on_delivery',
    });
    await as('hq').orders.dispatch({ orderId: order.id, storeId: 'store-a' });
    const pda = storeDevice(server, tokens['a.manager']!);
    expect(await pda.send('offer.accept', { orderId: order.id })).toMatchObject({ status: 'applied' });
    expect(await pda.send('pick.start', { orderId: order.id, device: pda.clientId })).toMatchObject({ status: 'applied' });
    expect(await pda.send('pick.report_short', { orderId: order.id, device: pda.clientId, available: [{ productId: 'p-1', quantity: 1 }] })).toMatchObject({ status: 'applied' });
    return { order, pda };
  }

  async function deliveredOrder(deviceAt: Date) {
    const order = await as('hq').orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 2 }], paymentMethod: 'on_delivery' });
    await as('hq').orders.dispatch({ orderId: order.id, storeId: 'store-a' });
    const pda = storeDevice(server, tokens['a.manager']!);
    await pda.send('offer.accept', { orderId: order.id });
    await pda.send('pick.start', { orderId: order.id, device: pda.clientId });
    await pda.send('pick.finish', { orderId: order.id, device: pda.clientId, picked: [{ productId: 'p-1', quantity: 2, lots: [{ lot: 'L1', expiry: '2027-01-31', quantity: 2 }] }] });
    await pda.send('handoff.assign', { orderId: order.id, clerk: { userId: 'u-a-c', storeId: 'store-a' } });
    const { deliveryCode } = await as('hq').orders.get({ orderId: order.id });
    const close = { orderId: order.id, at: deviceAt.toISOString(), code: deliveryCode, photo, position: { lat: 31.19, lng: 121.44, accuracyM: 18 }, collectedFen: 300 };
    expect(await storeDevice(server, tokens['a.clerk']!).send('delivery.close', close)).toMatchObject({ status: 'applied' });
    return order;
  }

  test('[HQ1] the timeline names who acted and at which store, with the device\'s time beside the server\'s', async () => {
    const deviceAt = new Date(Date.now() - 7 * 60_000);
    const order = await deliveredOrder(deviceAt);
    const { history } = await as('hq').orders.get({ orderId: order.id });
    expect(history.map((h) => h.type)).toEqual(['create', 'offer', 'accept', 'start_pick', 'finish_pick', 'hand_off', 'deliver']);
    expect(history[0]).toMatchObject({ actor: { name: '总部', role: 'hq', storeId: null } });
    expect(history[2]).toMatchObject({ actor: { name: 'A 店长', storeId: 'store-a', storeName: '徐家汇店' }, deviceAt: null });
    expect(history[5]).toMatchObject({ clerkName: 'A 店员' });
    const deliver = history[6]!;
    expect(deliver).toMatchObject({ actor: { name: 'A 店员', storeName: '徐家汇店' }, deviceAt: deviceAt.toISOString(), details: { collectedFen: 300, photo } });
    expect(new Date(deliver.at).getTime() - deviceAt.getTime()).toBeGreaterThanOrEqual(7 * 60_000);
    expect(deliver.details).not.toHaveProperty('code');
  });

  test('[HQ2] [OL13] head office closes a delivered order, which keeps its proof; anything else is refused and changes nothing', async () => {
    const order = await deliveredOrder(new Date());
    const closed = await as('hq').orders.close({ orderId: order.id });
    expect(closed).toMatchObject({ status: 'closed', closedVia: 'device', proof: { code: 'matched', photo, collectedFen: 300 } });
    expect((await as('hq').orders.list({ statuses: ['delivered'] })).map((o) => o.id)).not.toContain(order.id);
    const before = await snapshot();
    expect(await codeOf(as('hq').orders.close({ orderId: order.id }))).toBe('CONFLICT');
    const { order: short } = await shortOrder();
    const afterShort = await snapshot();
    expect(await codeOf(as('hq').orders.close({ orderId: short.id }))).toBe('CONFLICT');
    expect(await codeOf(as('hq').orders.close({ orderId: 'no-such-order' }))).toBe('NOT_FOUND');
    expect(await snapshot()).toEqual(afterShort);
    expect(before.orders).toBeLessThan(afterShort.orders!);
  });

  test('[HQ3] [OL7] a partial delivery records the customer\'s answer; the store picks what it has and collects less', async () => {
    const { order } = await shortOrder();
    const resolved = await as('hq').orders.resolveShort({ orderId: order.id, resolution: 'partial', note: '客户同意部分发货（电话确认）' });
    expect(resolved).toMatchObject({ status: 'picking', lines: [{ productId: 'p-1', quantity: 3, confirmedQuantity: 1 }, { productId: 'p-2', confirmedQuantity: 1 }] });
    expect(resolved.payment).toEqual({ method: 'on_delivery', amountDueFen: 200 + 1350 });
    const { history } = await as('hq').orders.get({ orderId: order.id });
    expect(history.at(-2)).toMatchObject({ type: 'report_short', details: { available: [{ productId: 'p-1', quantity: 1 }] } });
    expect(history.at(-1)).toMatchObject({ type: 'resolve_short', actor: { name: '总部' }, details: { resolution: 'partial', note: '客户同意部分发货（电话确认）' } });
    expect((await storeOrders(as('a.manager'))).find((o) => o.id === order.id)).toMatchObject({ status: 'picking' });
  });

  test('[HQ4] [OL7] a substitute adds the replacement at its price beside what the store has; the amount follows', async () => {
    const { order } = await shortOrder();
    const resolved = await as('hq').orders.resolveShort({
      orderId: order.id, resolution: 'substitute', substitutes: [{ productId: 'p-1', replacementProductId: 'p-2', quantity: 1 }], note: '客户同意换成牛奶',
    });
    expect(resolved.lines).toEqual([
      expect.objectContaining({ productId: 'p-1', quantity: 3, confirmedQuantity: 1 }),
      expect.objectContaining({ productId: 'p-2', quantity: 2, confirmedQuantity: 2, unitPriceFen: 1350 }),
    ]);
    expect(resolved.payment?.amountDueFen).toBe(200 + 2 * 1350);
  });

  test('[HQ5] [OL7] re-dispatch frees the store: the order leaves its device and waits for another store', async () => {
    const { order } = await shortOrder();
    const resolved = await as('hq').orders.resolveShort({ orderId: order.id, resolution: 'redispatch' });
    expect(resolved).toMatchObject({ status: 'received', declinedBy: ['store-a'] });
    expect((await storeOrders(as('a.manager'))).map((o) => o.id)).not.toContain(order.id);
  });

  test('[HQ6] a substitute for a line that is not short, or by a product that does not exist, is refused by field and changes nothing', async () => {
    const { order } = await shortOrder();
    const before = await snapshot();
    const substitute = (s: { productId: string; replacementProductId: string }) =>
      as('hq').orders.resolveShort({ orderId: order.id, resolution: 'substitute', substitutes: [{ ...s, quantity: 1 }] });
    await expect(substitute({ productId: 'p-2', replacementProductId: 'p-1' })).rejects.toThrow(/substitutes\.0\.productId/);
    await expect(substitute({ productId: 'p-1', replacementProductId: 'p-404' })).rejects.toThrow(/substitutes\.0\.replacementProductId/);
    await expect(substitute({ productId: 'p-1', replacementProductId: 'p-1' })).rejects.toThrow(/substitutes\.0\.replacementProductId/);
    expect(await codeOf(substitute({ productId: 'p-2', replacementProductId: 'p-1' }))).toBe('BAD_REQUEST');
    expect(await snapshot()).toEqual(before);
  });

  const lone = 'a\uD800b';
  const huge = '客'.repeat(100_000);
  test.each([
    ['close', 'a number for the order', { orderId: 42 }, 'orderId'],
    ['close', 'a NUL in the order id', { orderId: 'order\u0000' }, 'orderId'],
    ['close', 'a lone surrogate in the order id', { orderId: lone }, 'orderId'],
    ['close', 'a huge order id', { orderId: huge }, 'orderId'],
    ['resolveShort', 'no note for a partial delivery', { orderId: 'x', resolution: 'partial' }, 'note'],
    ['resolveShort', 'an empty note', { orderId: 'x', resolution: 'partial', note: '   ' }, 'note'],
    ['resolveShort', 'a NUL in the note', { orderId: 'x', resolution: 'partial', note: '同意\u0000' }, 'note'],
    ['resolveShort', 'a lone surrogate in the note', { orderId: 'x', resolution: 'partial', note: lone }, 'note'],
    ['resolveShort', 'a huge note', { orderId: 'x', resolution: 'partial', note: huge }, 'note'],
    ['resolveShort', 'an unknown resolution', { orderId: 'x', resolution: 'refund' }, 'resolution'],
    ['resolveShort', 'a substitute without products', { orderId: 'x', resolution: 'substitute', substitutes: [] }, 'substitutes'],
    ['resolveShort', 'a text quantity', { orderId: 'x', resolution: 'substitute', substitutes: [{ productId: 'p-1', replacementProductId: 'p-2', quantity: '2' }] }, 'substitutes.0.quantity'],
    ['resolveShort', 'a NUL in a product id', { orderId: 'x', resolution: 'substitute', substitutes: [{ productId: 'p-1', replacementProductId: 'p\u0000', quantity: 1 }] }, 'substitutes.0.replacementProductId'],
    ['cancel', 'a NUL in the reason', { orderId: 'x', reason: '客户\u0000取消' }, 'reason'],
    ['cancel', 'a lone surrogate in the reason', { orderId: 'x', reason: lone }, 'reason'],
    ['cancel', 'a reason as an object', { orderId: 'x', reason: { text: 'no' } }, 'reason'],
    ['get', 'a NUL in the order id', { orderId: '\u0000' }, 'orderId'],
  ])('[HQ7] orders.%s with %s is a BAD_REQUEST naming %s, and nothing changes', async (procedure, _what, input, field) => {
    const { order } = await shortOrder();
    const withOrder = (input as { orderId: unknown }).orderId === 'x' ? { ...input, orderId: order.id } : input;
    const before = await snapshot();
    const call = (as('hq').orders as unknown as Record<string, (i: unknown) => Promise<unknown>>)[procedure]!;
    const error = await call(withOrder).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST' });
    const issues = (error as { cause?: { issues?: { path: (string | number)[] }[] } }).cause?.issues ?? [];
    expect(issues.map((i) => i.path.join('.'))).toContain(field);
    expect(await snapshot()).toEqual(before);
  });
});
