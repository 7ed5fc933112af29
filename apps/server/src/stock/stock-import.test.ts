import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DiskBlobStore } from '../blobs/disk-blob-store.js';
import { and, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.js';
import { stock } from '../db/schema.js';
import { buildHttpServer } from '../http-server.js';
import { seedTestChain, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';
import { parseStockCsv } from './stock-counts.js';

const key = 'inventory-key-0123456789';

describe('stock counts', () => {
  test('[DS14] a CSV with a BOM, quotes and tabs reads; every bad row is named by line and field', () => {
    expect(parseStockCsv('\uFEFFgtin,quantity\r\n"6901234567892",12\n\n6901234567908\t0\n')).toEqual({
      ok: true, counts: [{ gtin: '6901234567892', quantity: 12, path: 'line 2' }, { gtin: '6901234567908', quantity: 0, path: 'line 4' }],
    });
    expect(parseStockCsv('gtin,quantity\n6901234567893,1\nabc,-1\n6901234567892,1.5\n')).toEqual({
      ok: false, problems: [
        { path: 'line 2.gtin', message: 'The barcode\'s check digit is wrong.' },
        { path: 'line 3.gtin', message: 'A barcode of 8, 12, 13 or 14 digits.' },
        { path: 'line 3.quantity', message: 'A whole number from 0 to 1000000.' },
        { path: 'line 4.quantity', message: 'A whole number from 0 to 1000000.' },
      ],
    });
    expect(parseStockCsv('name,qty\nx,1')).toMatchObject({ ok: false, problems: [{ path: 'line 1' }] });
    expect(parseStockCsv('')).toMatchObject({ ok: false, problems: [{ path: 'file' }] });
    expect(parseStockCsv('gtin,quantity\n\u0000,1')).toMatchObject({ ok: false, problems: [{ path: 'file' }] });
    expect(parseStockCsv('gtin,quantity\n\uD800,1')).toMatchObject({ ok: false, problems: [{ path: 'file' }] });
    expect(parseStockCsv('sku,quantity\np-1,3\np-1,4')).toMatchObject({ ok: false, problems: [{ path: 'line 3.sku', message: 'This product is listed twice.' }] });
  });
});

describeWithDatabase(`stock import on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let server: TestServer;
  let app: FastifyInstance;
  let hqToken = '';

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    server = testServer(database.db);
    hqToken = await server.login('hq');
    ({ app } = await buildHttpServer({
      db: database.db, logLevel: 'silent', inventoryApiKey: key, dispatchTickSeconds: 3600, blobs: new DiskBlobStore(mkdtempSync(path.join(os.tmpdir(), 'blobs-stock-'))),
      config: { sessionTtlHours: 12, offerTtlMinutes: 15, promiseMinutes: 60, undoWindowSeconds: 120, autoRedispatch: true },
    }));
  }, 120_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  const counts = async (storeId: string) =>
    Object.fromEntries((await database.db.select().from(stock).where(eq(stock.storeId, storeId))).map((r) => [r.productId, [r.quantity, r.reserved]]));

  test('[DS14] the console\'s CSV upload replaces the store\'s quantities; unlisted products drop to 0, reservations stay', async () => {
    await database.db.update(stock).set({ reserved: 3 }).where(and(eq(stock.storeId, 'store-a'), eq(stock.productId, 'p-2')));
    const result = await server.caller(hqToken).dispatch.importStock({ storeId: 'store-a', csv: 'gtin,quantity\n06901234567892,7\n' });
    expect(result).toEqual({ storeId: 'store-a', products: 1, zeroed: 1 });
    expect(await counts('store-a')).toEqual({ 'p-1': [7, 0], 'p-2': [0, 3] });
  });

  test('[DS14] an unknown product or store refuses the whole import with the field, and changes nothing', async () => {
    const before = await counts('store-a');
    const error = await server.caller(hqToken).dispatch.importStock({ storeId: 'store-a', csv: 'gtin,quantity\n6901234567892,9\n96385074,1\n' })
      .catch((e: { code: string; message: string; shape?: { data?: { fields?: unknown } } }) => e);
    expect(error).toMatchObject({ code: 'BAD_REQUEST', message: 'line 3.gtin: No such product in the chain\'s catalogue.' });
    expect(await codeOfImport({ storeId: 'store-zz', csv: 'gtin,quantity\n6901234567892,9\n' })).toBe('BAD_REQUEST');
    expect(await counts('store-a')).toEqual(before);
  });

  test('[DS14] abuse: a file too large, empty, wrong types or a lone surrogate is refused with the field; nothing changes', async () => {
    const before = await counts('store-a');
    const hq = server.caller(hqToken) as unknown as { dispatch: { importStock: (input: unknown) => Promise<unknown> } };
    const cases: unknown[] = [
      { storeId: 'store-a', csv: `gtin,quantity\n${'6901234567892,1\n'.repeat(150_000)}` },
      { storeId: 'store-a', csv: '' },
      { storeId: 'store-a', csv: 42 },
      { storeId: ['store-a'], csv: 'gtin,quantity\n' },
      { storeId: 'store-a', csv: 'gtin,quantity\n6901234567892,\uD800\n' },
      { storeId: 'store-a\u0000', csv: 'gtin,quantity\n6901234567892,1\n' },
    ];
    for (const input of cases) {
      const error = await hq.dispatch.importStock(input).catch((e: { code: string; message: string }) => e);
      expect(error).toMatchObject({ code: 'BAD_REQUEST' });
      expect((error as { message: string }).message).not.toMatch(/select|insert|stack/i);
    }
    expect(await counts('store-a')).toEqual(before);
  });

  async function codeOfImport(input: { storeId: string; csv: string }) {
    return server.caller(hqToken).dispatch.importStock(input).then(() => 'OK', (e: { code: string }) => e.code);
  }

  test('[DS15] the inventory API: a bad or missing key is 401 and changes nothing; a good one replaces the counts', async () => {
    const before = await counts('store-b');
    const put = (headers: Record<string, string>, payload: string) =>
      app.inject({ method: 'PUT', url: '/api/inventory/stores/B01/stock', headers: { 'content-type': 'application/json', ...headers }, payload });
    const body = JSON.stringify({ items: [{ gtin: '6901234567892', quantity: 30 }, { sku: 'p-2', quantity: 4 }] });
    for (const headers of [{}, { authorization: 'Bearer wrong' }, { authorization: `Bearer ${key}x` }, { authorization: key }]) {
      expect((await put(headers, body)).statusCode).toBe(401);
    }
    expect(await counts('store-b')).toEqual(before);
    const ok = await put({ authorization: `Bearer ${key}` }, body);
    expect([ok.statusCode, ok.json()]).toEqual([200, { storeId: 'store-b', products: 2, zeroed: 0 }]);
    expect(await counts('store-b')).toEqual({ 'p-1': [30, 0], 'p-2': [4, 0] });
  });

  test('[DS15] bad input gets 400 with the field, never a 500; CSV works too', async () => {
    const auth = { authorization: `Bearer ${key}` };
    const cases: [string, string, number, string?][] = [
      ['application/json', '{"items":[{"gtin":"6901234567892","quantity":"lots"}]}', 400, 'items.0.quantity'],
      ['application/json', '{"items":5}', 400, 'items'],
      ['application/json', '{not json', 400],
      ['application/json', JSON.stringify({ items: [{ gtin: '6901234567892\u0000', quantity: 1 }] }), 400, 'items.0.gtin'],
      ['text/csv', 'gtin,quantity\n6901234567892,12\n', 200],
      ['application/xml', '<stock/>', 415],
    ];
    for (const [type, payload, status, field] of cases) {
      const res = await app.inject({ method: 'PUT', url: '/api/inventory/stores/store-b/stock', headers: { ...auth, 'content-type': type }, payload });
      expect([type, payload.slice(0, 20), res.statusCode]).toEqual([type, payload.slice(0, 20), status]);
      expect(res.body).not.toMatch(/select|stack|at \//i);
      if (field) expect(res.json().fields.map((f: { path: string }) => f.path)).toContain(field);
    }
    expect((await app.inject({ method: 'PUT', url: '/api/inventory/stores/B01%00/stock', headers: { ...auth, 'content-type': 'text/csv' }, payload: 'gtin,quantity\n' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'PUT', url: '/api/inventory/stores/nowhere/stock', headers: { ...auth, 'content-type': 'text/csv' }, payload: 'gtin,quantity\n' })).statusCode).toBe(404);
    expect(await counts('store-b')).toEqual({ 'p-1': [12, 0], 'p-2': [0, 0] });
  });
});
