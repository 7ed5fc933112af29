import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { hashPassword } from '../auth/password.js';
import { DiskBlobStore } from '../blobs/disk-blob-store.js';
import type { OpenDatabase } from '../db/database.js';
import { customerAddresses, customers, idempotencyKeys, orderEvents, orders, users, webOrders } from '../db/schema.js';
import { buildHttpServer } from '../http-server.js';
import { PASSWORD, seedTestChain, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';

const apiKey = 'webshop-key-0123456789abcdef';
/** What no response may ever show: SQL, its parameters, a stack, a file of ours. */
const internals = /Failed query|params:|\bselect\b[^"]*\bfrom\b|insert into|\n\s+at |node_modules|\.ts:\d+|stack/i;
const config = { sessionTtlHours: 12, offerTtlMinutes: 15, promiseMinutes: 60, undoWindowSeconds: 120, autoRedispatch: true };

/** A good order from the web shop; each test changes what it proves. */
function webOrder(overrides: Record<string, unknown> = {}) {
  return {
    webOrderNumber: 'W-1001',
    customer: { name: '李雷', phone: '13912345678' },
    address: { text: '天钥桥路 100 号 2 号楼 301 室', district: '徐汇区', lat: 31.19, lng: 121.44 },
    lines: [{ gtin: '6901234567892', quantity: 2 }, { productId: 'p-2', quantity: 1 }],
    paymentMethod: 'on_delivery',
    note: '放门口，勿按门铃',
    ...overrides,
  };
}

describeWithDatabase(`[WS] web-shop intake over HTTP on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let app: FastifyInstance;
  let base = '';
  let server: TestServer;
  const log: string[] = [];
  const blobDir = mkdtempSync(path.join(os.tmpdir(), 'blobs-webshop-'));

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    server = testServer(database.db);
    ({ app } = await buildHttpServer({
      db: database.db, config, blobs: new DiskBlobStore(blobDir), dispatchTickSeconds: 3600, webShopApiKey: apiKey,
      logStream: { write: (line) => void log.push(line) },
    }));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(blobDir, { recursive: true, force: true });
  });

  function post(body: unknown, headers: Record<string, string> = {}, raw?: string) {
    return fetch(`${base}/api/webshop/orders`, {
      method: 'POST',
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', 'idempotency-key': crypto.randomUUID(), ...headers },
      body: raw ?? JSON.stringify(body),
    });
  }
  async function answer(response: Response) {
    const text = await response.text();
    expect(text).not.toMatch(internals);
    return { status: response.status, body: JSON.parse(text) as Record<string, unknown> & { fields?: { path: string }[] } };
  }
  const totals = async () => ({
    orders: (await database.db.select({ n: count() }).from(orders))[0]!.n,
    customers: (await database.db.select({ n: count() }).from(customers))[0]!.n,
    keys: (await database.db.select({ n: count() }).from(idempotencyKeys))[0]!.n,
  });

  test('[WS2][WS10] a good order is 201 with only its id, number, status and review; it waits for review, owned by the web desk', async () => {
    const { status, body } = await answer(await post(webOrder({ webOrderNumber: 'W-2' })));
    expect(status).toBe(201);
    expect(Object.keys(body).sort()).toEqual(['number', 'orderId', 'review', 'status']);
    expect(body).toMatchObject({ status: 'received', review: 'pending', number: expect.stringMatching(/^D\d{8}-\d{5}$/) });
    const [row] = await database.db.select().from(orders).where(eq(orders.id, body.orderId as string));
    expect(row).toMatchObject({ channel: 'web', reviewState: 'pending', ownerUserId: 'u-hq', callId: null });
    expect(row!.data.address.text).toBe('徐汇区 天钥桥路 100 号 2 号楼 301 室');
    expect(row!.data.lines.map((l) => [l.productId, l.quantity])).toEqual([['p-1', 2], ['p-2', 1]]);
    expect(row!.data.payment).toEqual({ method: 'on_delivery', amountDueFen: 2 * 200 + 1350 });
    const [web] = await database.db.select().from(webOrders).where(eq(webOrders.orderId, body.orderId as string));
    expect(web).toMatchObject({ shopReference: 'W-2', customerName: '李雷', note: '放门口，勿按门铃', district: '徐汇区' });
  });

  test('[WS4] an order sent twice with one idempotency key makes one order: 201, then 200 with the same order', async () => {
    const key = 'retry-key-1';
    const before = await totals();
    const first = await answer(await post(webOrder({ webOrderNumber: 'W-3' }), { 'idempotency-key': key }));
    const again = await post(webOrder({ webOrderNumber: 'W-3' }), { 'idempotency-key': key });
    expect(again.headers.get('idempotent-replayed')).toBe('true');
    const second = await answer(again);
    expect([first.status, second.status]).toEqual([201, 200]);
    expect(second.body).toEqual(first.body);
    expect((await totals()).orders).toBe(before.orders + 1);
  });

  test('[WS4] the same request spelt differently (key order, spacing) is the same request', async () => {
    const key = 'retry-key-2';
    const order = webOrder({ webOrderNumber: 'W-4' });
    const first = await answer(await post(order, { 'idempotency-key': key }));
    const reordered = JSON.stringify(Object.fromEntries(Object.entries(order).reverse()), null, 2);
    const second = await answer(await post(null, { 'idempotency-key': key }, reordered));
    expect([first.status, second.status, second.body.orderId]).toEqual([201, 200, first.body.orderId]);
  });

  test('[WS4][WS8] ten concurrent requests with one key make exactly one order and one new customer', async () => {
    const before = await totals();
    const body = webOrder({ webOrderNumber: 'W-5', customer: { name: '韩梅梅', phone: '13700000005' } });
    const answers = await Promise.all(Array.from({ length: 10 }, () => post(body, { 'idempotency-key': 'flood-key' }).then(answer)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 200, 200, 200, 200, 200, 200, 200, 200, 201]);
    expect(new Set(answers.map((a) => a.body.orderId)).size).toBe(1);
    expect(await totals()).toEqual({ orders: before.orders + 1, customers: before.customers + 1, keys: before.keys + 1 });
  });

  test('[WS8] concurrent orders from one new phone number under different keys file one customer', async () => {
    const before = await totals();
    const answers = await Promise.all(Array.from({ length: 6 }, (_, i) =>
      post(webOrder({ webOrderNumber: `W-6-${i}`, customer: { name: '新顾客', phone: '13700000006' } })).then(answer)));
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 201]);
    expect(await totals()).toMatchObject({ orders: before.orders + 6, customers: before.customers + 1 });
    const filed = await database.db.select().from(customers).where(eq(customers.phone, '13700000006'));
    expect(filed).toEqual([expect.objectContaining({ name: '新顾客' })]);
    // The shop's address is the first of the new customer's file (docs/customers.md), located by the shop's pin.
    const addresses = await database.db.select().from(customerAddresses).where(eq(customerAddresses.customerId, filed[0]!.id));
    expect(addresses).toEqual([expect.objectContaining({ text: '徐汇区 天钥桥路 100 号 2 号楼 301 室', district: '徐汇区', lat: 31.19, lng: 121.44, howLocated: 'pin' })]);
  });

  test('[WS8] a known phone number orders for the customer on file', async () => {
    const { body } = await answer(await post(webOrder({ webOrderNumber: 'W-7', customer: { name: '芳', phone: '13800138000' } })));
    const [row] = await database.db.select().from(orders).where(eq(orders.id, body.orderId as string));
    expect([row!.customerId, row!.data.customerName]).toEqual(['c-1', '王芳']);
  });

  test('[WS5] the same key with a different order is 422 and changes nothing; a refused request does not use up its key', async () => {
    await answer(await post(webOrder({ webOrderNumber: 'W-8' }), { 'idempotency-key': 'reused-key' }));
    const before = await totals();
    const reused = await answer(await post(webOrder({ webOrderNumber: 'W-8', note: '改了备注' }), { 'idempotency-key': 'reused-key' }));
    expect(reused).toMatchObject({ status: 422, body: { error: 'IDEMPOTENCY_KEY_REUSED' } });
    const bad = await answer(await post(webOrder({ webOrderNumber: 'W-9', paymentMethod: 'cash' }), { 'idempotency-key': 'fixed-later' }));
    expect(bad.status).toBe(400);
    expect(await totals()).toEqual(before);
    expect((await answer(await post(webOrder({ webOrderNumber: 'W-9' }), { 'idempotency-key': 'fixed-later' }))).status).toBe(201);
  });

  test('[WS9] one order per web order number, whatever the key; concurrent duplicates make one', async () => {
    const first = await answer(await post(webOrder({ webOrderNumber: 'W-10' })));
    const again = await answer(await post(webOrder({ webOrderNumber: 'W-10' })));
    expect(again).toMatchObject({ status: 409, body: { error: 'DUPLICATE_WEB_ORDER', number: first.body.number } });
    const racing = await Promise.all(Array.from({ length: 5 }, () => post(webOrder({ webOrderNumber: 'W-11' })).then(answer)));
    expect(racing.map((a) => a.status).sort()).toEqual([201, 409, 409, 409, 409]);
    expect(await database.db.select().from(webOrders).where(eq(webOrders.shopReference, 'W-11'))).toHaveLength(1);
  });

  test('[WS1] a missing, wrong or malformed API key is 401 before the body is read, changes nothing, and the key never reaches the log', async () => {
    const before = await totals();
    for (const authorization of [undefined, 'Bearer wrong', `Bearer ${apiKey}x`, apiKey, `Basic ${apiKey}`, 'Bearer ', `Bearer ${apiKey.slice(0, -1)}`]) {
      const headers: Record<string, string> = authorization === undefined ? {} : { authorization };
      const response = await fetch(`${base}/api/webshop/orders`, {
        method: 'POST', headers: { 'content-type': 'application/json', 'idempotency-key': 'k', ...headers }, body: JSON.stringify(webOrder({ webOrderNumber: 'W-401' })),
      });
      const { status, body } = await answer(response);
      expect([authorization, status, body.error]).toEqual([authorization, 401, 'UNAUTHORIZED']);
    }
    expect(await totals()).toEqual(before);
    await answer(await post(webOrder({ webOrderNumber: 'W-12' })));
    await answer(await post(null, {}, '{broken'));
    expect(log.join('\n')).not.toContain(apiKey);
    expect(log.join('\n')).toMatch(/api\/webshop\/orders/);
  });

  test('[WS1] with no WEBSHOP_API_KEY set the API refuses every call', async () => {
    const { app: keyless } = await buildHttpServer({ db: database.db, config, blobs: new DiskBlobStore(blobDir), dispatchTickSeconds: 3600, logLevel: 'silent' });
    try {
      for (const authorization of ['Bearer ', 'Bearer undefined', `Bearer ${apiKey}`]) {
        const response = await keyless.inject({ method: 'POST', url: '/api/webshop/orders', headers: { authorization, 'idempotency-key': 'k', 'content-type': 'application/json' }, payload: webOrder() });
        expect(response.statusCode).toBe(401);
      }
    } finally {
      await keyless.close();
    }
  });

  test('[WS3] the Idempotency-Key header is required: 1-128 visible ASCII characters', async () => {
    const before = await totals();
    const withoutKey = await fetch(`${base}/api/webshop/orders`, {
      method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json' }, body: JSON.stringify(webOrder({ webOrderNumber: 'W-13' })),
    });
    for (const response of [withoutKey, ...await Promise.all(['', 'a b', 'x'.repeat(129), 'tab\there'].map((key) => post(webOrder({ webOrderNumber: 'W-13' }), { 'idempotency-key': key })))]) {
      const { status, body } = await answer(response);
      expect([status, body.fields?.map((f) => f.path)]).toEqual([400, ['Idempotency-Key']]);
    }
    expect(await totals()).toEqual(before);
  });

  test('[WS6][WS7] every malformed field is refused with its name, never a 500, and nothing is written', async () => {
    const before = await totals();
    const cases: [string, unknown][] = [
      ['webOrderNumber', webOrder({ webOrderNumber: undefined })],
      ['webOrderNumber', webOrder({ webOrderNumber: '' })],
      ['webOrderNumber', webOrder({ webOrderNumber: 42 })],
      ['customer', webOrder({ customer: undefined })],
      ['customer.name', webOrder({ customer: { name: '', phone: '13912345678' } })],
      ['customer.name', webOrder({ customer: { name: 'x'.repeat(61), phone: '13912345678' } })],
      ['customer.phone', webOrder({ customer: { name: '李雷', phone: '12345' } })],
      ['customer.phone', webOrder({ customer: { name: '李雷', phone: 13912345678 } })],
      ['customer.phone', webOrder({ customer: { name: '李雷', phone: '021-12345678' } })],
      ['address.text', webOrder({ address: { text: '短', lat: 31.19, lng: 121.44 } })],
      ['address.lat', webOrder({ address: { text: '天钥桥路 100 号', lat: '31.19', lng: 121.44 } })],
      ['address.lat', webOrder({ address: { text: '天钥桥路 100 号', lat: 91, lng: 121.44 } })],
      ['address.lng', webOrder({ address: { text: '天钥桥路 100 号', lat: 31.19 } })],
      ['address', webOrder({ address: { text: '北京市东城区王府井大街 1 号', lat: 39.91, lng: 116.41 } })],
      ['address', webOrder({ address: { text: '天钥桥路 100 号', lat: 31.19, lng: 121.44, floor: 3 } })],
      ['lines', webOrder({ lines: [] })],
      ['lines', webOrder({ lines: {} })],
      ['lines', webOrder({ lines: Array.from({ length: 51 }, () => ({ gtin: '6901234567892', quantity: 1 })) })],
      ['lines.0', webOrder({ lines: [{ gtin: '6901234567892', productId: 'p-1', quantity: 1 }] })],
      ['lines.0', webOrder({ lines: [{ quantity: 1 }] })],
      ['lines.0', webOrder({ lines: [{ gtin: '6901234567893', quantity: 1 }] })],
      ['lines.0', webOrder({ lines: [{ gtin: '6901234567892', quantity: '2' }] })],
      ['lines.0', webOrder({ lines: [{ gtin: '6901234567892', quantity: 0 }] })],
      ['lines.0', webOrder({ lines: [{ gtin: '6901234567892', quantity: 1.5 }] })],
      ['lines.0.gtin', webOrder({ lines: [{ gtin: '96385074', quantity: 1 }] })],
      ['lines.0.productId', webOrder({ lines: [{ productId: 'p-404', quantity: 1 }] })],
      ['lines.1.productId', webOrder({ lines: [{ gtin: '06901234567892', quantity: 1 }, { productId: 'p-1', quantity: 1 }] })],
      ['paymentMethod', webOrder({ paymentMethod: 'cash' })],
      ['paymentMethod', webOrder({ paymentMethod: undefined })],
      ['note', webOrder({ note: 'x'.repeat(201) })],
      ['note', webOrder({ note: ['a'] })],
      ['', webOrder({ coupon: 'FREE' })],
      ['customer.name', webOrder({ customer: { name: 'a\u0000b', phone: '13912345678' } })],
      ['note', webOrder({ note: 'x\uD800' })],
      ['address.text', webOrder({ address: { text: '\uDC00天钥桥路 100 号', lat: 31.19, lng: 121.44 } })],
      ['customer.k\u0000', webOrder({ customer: { name: '李雷', phone: '13912345678', 'k\u0000': 1 } })],
    ];
    const failures: string[] = [];
    for (const [field, body] of cases) {
      const { status, body: reply } = await answer(await post(body));
      const paths = reply.fields?.map((f) => f.path) ?? [];
      // A more precise path counts too: "lines.0.quantity" names the field inside "lines.0".
      const named = field === '' ? (reply.message as string).includes('coupon') : paths.some((p) => p === field || p.startsWith(`${field}.`));
      if (status !== 400 || !named) failures.push(`${field}: ${status} ${JSON.stringify(reply).slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(await totals()).toEqual(before);
  });

  test('[WS6] abuse: not JSON, not an object, empty, huge, deep, a poisoned prototype, a wrong content type: a 4xx, never a 500', async () => {
    const before = await totals();
    const raw = async (payload: string, contentType = 'application/json') => {
      const response = await fetch(`${base}/api/webshop/orders`, {
        method: 'POST', headers: { authorization: `Bearer ${apiKey}`, 'content-type': contentType, 'idempotency-key': crypto.randomUUID() }, body: payload,
      });
      const text = await response.text();
      expect(text).not.toMatch(internals);
      return response.status;
    };
    const deep = `${'['.repeat(5000)}${']'.repeat(5000)}`;
    const statuses = await Promise.all([
      raw('{not json'), raw(''), raw('null'), raw('[]'), raw('"order"'), raw('42'), raw('true'),
      raw(JSON.stringify(webOrder({ note: 'x'.repeat(70_000) }))), raw(`{"lines":${deep}}`),
      raw('{"__proto__":{"admin":true},"webOrderNumber":"W-14"}'), raw('{"constructor":{"prototype":{"x":1}}}'),
      raw('<order/>', 'application/xml'), raw('webOrderNumber=W-15', 'application/x-www-form-urlencoded'), raw(JSON.stringify(webOrder()), 'text/plain'),
    ]);
    // text/plain is read as a string, which is not an order: 400.
    expect(statuses).toEqual([400, 400, 400, 400, 400, 400, 400, 413, 400, 400, 400, 415, 415, 400]);
    expect(await totals()).toEqual(before);
  });

  test('[WS6] a flood of bad requests in parallel is refused one by one and leaves the database as it was', async () => {
    const before = await totals();
    const statuses = await Promise.all(Array.from({ length: 40 }, (_, i) => post(webOrder({ webOrderNumber: `F-${i}`, lines: [{ gtin: '6901234567893', quantity: i + 1 }] })).then((r) => r.status)));
    expect(new Set(statuses)).toEqual(new Set([400]));
    expect(await totals()).toEqual(before);
  });

  test('[WS10] dispatch refuses an order under review, with UNDER_REVIEW', async () => {
    const { body } = await answer(await post(webOrder({ webOrderNumber: 'W-16' })));
    const hq = server.caller(await server.login('hq'));
    const refused = await hq.orders.dispatch({ orderId: body.orderId as string, storeId: 'store-a' }).catch((e: { code: string; shape?: unknown; cause?: { rejection?: { reason: string } } }) => e);
    expect(refused).toMatchObject({ code: 'CONFLICT', cause: { rejection: { reason: 'UNDER_REVIEW' } } });
    expect((await hq.orders.get({ orderId: body.orderId as string })).order.status).toBe('received');
  });

  test('[WS5] with WEBSHOP_OWNER unknown the API answers 503 and changes nothing', async () => {
    const { app: ownerless } = await buildHttpServer({
      db: database.db, config, blobs: new DiskBlobStore(blobDir), dispatchTickSeconds: 3600, logLevel: 'silent', webShopApiKey: apiKey, webShopOwner: 'nobody',
    });
    try {
      const before = await totals();
      const response = await ownerless.inject({
        method: 'POST', url: '/api/webshop/orders', headers: { authorization: `Bearer ${apiKey}`, 'idempotency-key': 'owner-key', 'content-type': 'application/json' },
        payload: webOrder({ webOrderNumber: 'W-17' }),
      });
      expect([response.statusCode, response.json().error]).toEqual([503, 'NOT_CONFIGURED']);
      expect(await totals()).toEqual(before);
    } finally {
      await ownerless.close();
    }
  });

  test('[WS11] the reviewer who decides takes the order over, recorded as an owner change', async () => {
    await database.db.insert(users).values({ id: 'u-hq2', username: 'hq2', displayName: '审核员', role: 'hq', storeId: null, passwordHash: await hashPassword(PASSWORD) });
    const { body } = await answer(await post(webOrder({ webOrderNumber: 'W-18' })));
    const orderId = body.orderId as string;
    await server.caller(await server.login('hq2')).review.approve({ orderId });
    const [row] = await database.db.select({ owner: orders.ownerUserId, review: orders.reviewState }).from(orders).where(eq(orders.id, orderId));
    expect(row).toEqual({ owner: 'u-hq2', review: null });
    const events = await database.db.select().from(orderEvents).where(eq(orderEvents.orderId, orderId)).orderBy(orderEvents.id);
    expect(events.map((e) => [e.type, e.actorUserId])).toEqual([['create', 'webshop'], ['review_approve', 'u-hq2'], ['owner_change', 'u-hq2']]);
    expect(events[2]).toMatchObject({ fromStatus: 'received', toStatus: 'received', payload: { fromUserId: 'u-hq', toUserId: 'u-hq2', reason: 'review' } });
    const replay = await answer(await post(webOrder({ webOrderNumber: 'W-18' }), { 'idempotency-key': 'after-review' }));
    expect(replay.status).toBe(409);
  });
});
