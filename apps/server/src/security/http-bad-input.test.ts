import { randomUUID } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.js';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DiskBlobStore } from '../blobs/disk-blob-store.js';
import { buildHttpServer, maxBatchSize } from '../http-server.js';
import { appRouter } from '../routers/app-router.js';
import { PASSWORD, seedTestChain, testServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';
import { internalErrorMessage } from '../trpc.js';

/** What no response may ever show: SQL, its parameters, a stack, a file of ours. */
const internals = /Failed query|params:|\bselect\b[^"]*\bfrom\b|insert into|\n\s+at |node_modules|\.ts:\d+|stack/i;
const webShopApiKey = 'webshop-key-for-fuzzing-0123';
const nasty: readonly unknown[] = ['\u0000', 'a\u0000b', '\uD800', 'x\uDC00', 'y'.repeat(100_000), 42, -1.5, null, true, {}, [], ['\u0000']];
type Who = 'hq' | 'store' | null;
type Reply = { error?: { data: { code: string } } };

describeWithDatabase(`[SEC] bad input over HTTP on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let app: FastifyInstance;
  const log: string[] = [];
  const tokens: Record<'hq' | 'store', string> = { hq: '', store: '' };
  let orderId = '';
  const blobDir = mkdtempSync(path.join(os.tmpdir(), 'blobs-sec-'));

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    const direct = testServer(database.db);
    ({ app } = await buildHttpServer({ db: database.db, config: { sessionTtlHours: 12, offerTtlMinutes: 15, promiseMinutes: 60, undoWindowSeconds: 120, autoRedispatch: true }, blobs: new DiskBlobStore(blobDir), logStream: { write: (line) => void log.push(line) }, webShopApiKey }));
    tokens.hq = await direct.login('hq');
    tokens.store = await direct.login('a.manager');
    orderId = (await direct.caller(tokens.hq).orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }] })).id;
    await direct.caller(tokens.hq).orders.dispatch({ orderId, storeId: 'store-a' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(blobDir, { recursive: true, force: true });
  });

  /** A valid input and the session for every procedure; a new procedure fails SEC11 until listed. */
  const valid = (): Record<string, { who: Who; input: unknown }> => ({
    'auth.login': { who: null, input: { username: 'fuzz', password: 'wrong-but-well-formed' } },
    'auth.me': { who: 'hq', input: undefined },
    'auth.logout': { who: null, input: undefined },
    'catalog.stores': { who: 'hq', input: undefined },
    'catalog.products': { who: 'hq', input: {} },
    'catalog.customers': { who: 'hq', input: {} },
    'catalog.storeCatalog': { who: 'store', input: undefined },
    'orders.create': { who: 'hq', input: { customerId: 'c-1', addressId: 'addr-c-1', callId: 'call-1', lines: [{ productId: 'p-2', quantity: 1 }] } },
    'orders.dispatch': { who: 'hq', input: { orderId, storeId: 'store-a' } },
    'orders.cancel': { who: 'hq', input: { orderId: 'no-such-order', reason: 'test' } },
    'orders.list': { who: 'hq', input: {} },
    'orders.get': { who: 'hq', input: { orderId } },
    'orders.candidateStores': { who: 'hq', input: { orderId } },
    'orders.close': { who: 'hq', input: { orderId: 'no-such-order' } },
    'orders.resolveShort': { who: 'hq', input: { orderId: 'no-such-order', resolution: 'partial', note: '客户同意部分发货' } },
    'orders.proofBlobs': { who: 'hq', input: { orderId } },
    'orders.board': { who: 'hq', input: { statuses: ['offered'], storeId: 'store-a', ownerUserId: 'u-hq', mine: false, lateOnly: false, limit: 50 } },
    'orders.owners': { who: 'hq', input: undefined },
    // To no one: each variant is refused or moves nothing, so the orders stay as the other cases expect.
    'orders.handOver': { who: 'hq', input: { toUserId: 'no-such-user', orderIds: [orderId] } },
    'devices.unsentWork': { who: 'hq', input: undefined },
    'sync.push': { who: 'store', input: { clientId: randomUUID(), mutations: [{ id: 1, name: 'offer.accept', version: 1, args: { orderId: 'x' }, createdAt: new Date().toISOString() }] } },
    'sync.pull': { who: 'store', input: { clientId: randomUUID(), cursor: null } },
    // A subscription streams for as long as it lives and takes no input: its token handling is SEC40.
    'sync.poke': { who: 'store', input: undefined },
    'dispatch.notices': { who: 'hq', input: undefined },
    'dispatch.waiting': { who: 'hq', input: undefined },
    'dispatch.importStock': { who: 'hq', input: { storeId: 'store-a', csv: 'gtin,quantity\n6901234567892,50\n6901234567908,5\n' } },
    'review.queue': { who: 'hq', input: undefined },
    'review.callList': { who: 'hq', input: undefined },
    'review.counts': { who: 'hq', input: undefined },
    'review.approve': { who: 'hq', input: { orderId } },
    'review.confirmByPhone': { who: 'hq', input: { orderId, reason: '地址需确认' } },
    'review.recordCall': { who: 'hq', input: { orderId, outcome: 'cancel', reason: '顾客取消' } },
    'cti.myExtension': { who: 'hq', input: undefined },
    'cti.setExtension': { who: 'hq', input: { extension: '8001', takeOver: false } },
    'cti.recentCalls': { who: 'hq', input: undefined },
    'cti.pops': { who: 'hq', input: { since: new Date().toISOString(), lastEventId: '1' } },
    'customers.search': { who: 'hq', input: { query: '8000', limit: 5 } },
    'customers.file': { who: 'hq', input: { customerId: 'c-1' } },
    'customers.create': { who: 'hq', input: { name: '模糊测试', phone: '13911112222', notes: '备注', address: { label: '家', district: '徐汇区', detail: '天钥桥路 1 号', mapLink: '31.19,121.44' } } },
    'customers.addAddress': { who: 'hq', input: { customerId: 'c-1', label: '公司', district: '黄浦区', detail: '福州路 1 号', mapLink: 'https://uri.amap.com/marker?position=121.48,31.23' } },
    'customers.updateNotes': { who: 'hq', input: { customerId: 'c-1', notes: '备注' } },
  });

  async function call(path: string, who: Who, input: unknown, address = '10.9.9.9') {
    const type = (appRouter._def.procedures as unknown as Record<string, { _def: { type: string } }>)[path]!._def.type;
    const headers = who ? { authorization: `Bearer ${tokens[who]}` } : {};
    const response = type === 'query'
      ? await app.inject({ method: 'GET', remoteAddress: address, url: `/trpc/${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`, headers })
      : await app.inject({ method: 'POST', remoteAddress: address, url: `/trpc/${path}`, headers: { ...headers, 'content-type': 'application/json' }, payload: JSON.stringify(input ?? null) });
    return { status: response.statusCode, body: response.body };
  }

  async function batch(address: string, inputs: readonly unknown[]) {
    const response = await app.inject({
      method: 'POST', remoteAddress: address, url: `/trpc/${inputs.map(() => 'auth.login').join(',')}?batch=1`,
      headers: { 'content-type': 'application/json' }, payload: JSON.stringify(Object.fromEntries(inputs.map((input, i) => [i, input]))),
    });
    const body = JSON.parse(response.body) as Reply[] | Reply;
    return { status: response.statusCode, codes: Array.isArray(body) ? body.map((r) => r.error?.data.code ?? 'OK') : [] };
  }

  /** The whole input replaced, then each leaf (and a new key) replaced, for every leaf. */
  function variants(input: unknown): unknown[] {
    const out: unknown[] = [...nasty];
    const walk = (value: unknown, replace: (v: unknown) => unknown) => {
      if (value === null || typeof value !== 'object') return;
      for (const [key, item] of Object.entries(value)) {
        const at = (v: unknown) => replace(Array.isArray(value) ? value.map((x, i) => (String(i) === key ? v : x)) : { ...value, [key]: v });
        for (const v of nasty) out.push(at(v));
        walk(item, at);
      }
      if (!Array.isArray(value)) for (const bad of ['k\u0000', 'k\uD800']) out.push(replace({ ...value, [bad]: 1 }));
    };
    walk(input, (v) => v);
    return out;
  }

  test('[SEC11] every procedure is listed for fuzzing', () => {
    expect(Object.keys(valid()).sort()).toEqual(Object.keys(appRouter._def.procedures).sort());
  });

  test('[SEC11][SEC12] NUL, lone surrogates, huge strings and wrong types in any field of any procedure: never a 500, never internals', async () => {
    const failures: string[] = [];
    for (const [path, { who, input }] of Object.entries(valid())) {
      // Subscriptions stream for as long as they live: their input is checked by the same middleware (SEC10).
      if (path === 'sync.poke' || path === 'dispatch.notices' || path === 'cti.pops') continue;
      for (const [i, variant] of variants(input).entries()) {
        // Each login attempt from an address of its own, so the sign-in limit does not hide what input does.
        const { status, body } = await call(path, who, variant, `10.8.${Math.floor(i / 250)}.${i % 250}`);
        if (status >= 500 || internals.test(body)) failures.push(`${path} ${JSON.stringify(variant).slice(0, 100)} -> ${status} ${body.slice(0, 300)}`);
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);

  test('[SEC11] the web-shop API: nasty values in every field of an order are a 400 naming the field, never a 500; only a good order is made', async () => {
    const order = {
      webOrderNumber: 'FUZZ-1', customer: { name: '李雷', phone: '13912345678' },
      address: { text: '天钥桥路 100 号 2 号楼', district: '徐汇区', lat: 31.19, lng: 121.44 },
      lines: [{ gtin: '6901234567892', quantity: 2 }, { productId: 'p-2', quantity: 1 }], paymentMethod: 'prepaid', note: '放门口',
    };
    const orderCount = async () => (await database.db.execute(sql`SELECT count(*)::int AS n FROM orders`) as unknown as { rows: { n: number }[] }).rows[0]!.n;
    const before = await orderCount();
    const failures: string[] = [];
    let made = 0;
    for (const [i, variant] of variants(order).entries()) {
      const response = await app.inject({
        method: 'POST', url: '/api/webshop/orders', payload: JSON.stringify(variant),
        headers: { authorization: `Bearer ${webShopApiKey}`, 'content-type': 'application/json', 'idempotency-key': `fuzz-${i}` },
      });
      // A 100,000-character string makes the body larger than the API takes: 413 before it is read.
      const fields = response.statusCode === 400 ? (JSON.parse(response.body) as { fields?: unknown[] }).fields : undefined;
      // Some replacements are still a good order (a quantity of 42): made once, then a duplicate of its webOrderNumber.
      if (response.statusCode === 201) made += 1;
      const fine = response.statusCode === 413 || response.statusCode === 201 || response.statusCode === 409 || Boolean(fields?.length);
      if (!fine || internals.test(response.body)) failures.push(`${JSON.stringify(variant).slice(-150)} -> ${response.statusCode} ${response.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(made).toBe(1);
    expect(await orderCount()).toBe(before + made);
    expect(log.join('\n')).not.toContain(webShopApiKey);
  }, 300_000);

  test('[SEC11] a NUL in the login\'s user name is a 400 naming the field', async () => {
    const { status, body } = await call('auth.login', null, { username: 'hq\u0000', password: PASSWORD });
    expect(status).toBe(400);
    expect(JSON.parse(body).error.data.fields).toEqual([expect.objectContaining({ path: 'username' })]);
  });

  test('[SEC12][SEC13] a failure nobody foresaw answers one plain sentence, and its cause goes to the log', async () => {
    log.length = 0;
    await database.db.execute(sql`ALTER TABLE stores RENAME TO stores_gone`);
    try {
      const { status, body } = await call('catalog.stores', 'hq', undefined);
      expect(status).toBe(500);
      expect(JSON.parse(body).error.message).toBe(internalErrorMessage);
      expect(body).not.toMatch(internals);
      const failed = log.find((line) => line.includes('procedure failed'));
      expect(failed).toMatch(/relation \\"stores\\" does not exist/);
    } finally {
      await database.db.execute(sql`ALTER TABLE stores_gone RENAME TO stores`);
    }
  });

  test('[SEC12] a body that is not JSON gets a 4xx that shows nothing of the server', async () => {
    const response = await app.inject({ method: 'POST', url: '/trpc/auth.login', headers: { 'content-type': 'application/json' }, payload: '{"username": "hq", ' });
    expect(response.statusCode).toBeGreaterThanOrEqual(400);
    expect(response.statusCode).toBeLessThan(500);
    expect(response.body).not.toMatch(internals);
  });

  test('[SEC15] a batch larger than the limit is refused whole; one within it runs', async () => {
    const wrong = { username: 'b.clerk', password: 'wrong' };
    expect((await batch('10.7.0.1', Array(maxBatchSize + 1).fill(wrong))).status).toBe(400);
    expect((await batch('10.7.0.2', [wrong, wrong, { username: 'b.clerk', password: PASSWORD }])).codes).toEqual(['UNAUTHORIZED', 'UNAUTHORIZED', 'OK']);
  });

  test('[SEC20] wrong passwords in one batched request are counted one by one; the right one at its end does not sign in', async () => {
    const inputs = [...Array(maxBatchSize - 1).fill({ username: 'a.clerk', password: 'wrong' }), { username: 'a.clerk', password: PASSWORD }];
    const { codes } = await batch('10.7.0.3', inputs);
    expect(codes.filter((c) => c === 'UNAUTHORIZED')).toHaveLength(5);
    expect(codes.at(-1)).toBe('TOO_MANY_REQUESTS');
  });

  test('[SEC40] a session token never reaches the log, and connection params carry one only for the subscription', async () => {
    log.length = 0;
    const token = tokens.store;
    const params = encodeURIComponent(JSON.stringify({ token }));
    const pull = await app.inject({
      method: 'POST', url: `/trpc/sync.pull?connectionParams=${params}`, headers: { 'content-type': 'application/json' },
      payload: JSON.stringify({ clientId: randomUUID(), cursor: null }),
    });
    expect(pull.statusCode).toBe(401);
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const abort = new AbortController();
    const sse = await fetch(`${address}/trpc/sync.poke?connectionParams=${params}`, { signal: abort.signal });
    const first = new TextDecoder().decode((await sse.body!.getReader().read()).value);
    abort.abort();
    expect(sse.status).toBe(200);
    expect(first).not.toMatch(/UNAUTHORIZED/);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const text = log.join('\n');
    expect(text).toMatch(/sync\.poke\?connectionParams=\[redacted\]/);
    expect(text).toMatch(/sync\.pull\?connectionParams=\[redacted\]/);
    expect(text).not.toContain(token);
    expect(text).not.toContain(encodeURIComponent(token));
  });
});
