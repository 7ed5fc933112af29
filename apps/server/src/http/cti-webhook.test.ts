import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DiskBlobStore } from '../blobs/disk-blob-store.js';
import type { OpenDatabase } from '../db/database.js';
import { ctiCalls } from '../db/schema.js';
import { buildHttpServer } from '../http-server.js';
import { takeOrder } from '../orders/take-order.js';
import { agentConsole, aCall, PopCollector, ring, testCtiSecret } from '../test/cti-switch.js';
import { codeOf, seedTestChain, testServer, type TestServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';
import { ctiSignatureHeaders } from './cti-signature.js';
import { ctiBodyLimit } from './cti-webhook.js';

const config = { sessionTtlHours: 12, offerTtlMinutes: 15, promiseMinutes: 60, undoWindowSeconds: 120, autoRedispatch: true };

describeWithDatabase(`[CT] telephone screen pop over real HTTP on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let direct: TestServer;
  let app: FastifyInstance;
  let unconfigured: FastifyInstance;
  let baseUrl = '';
  let token = '';
  let pops: PopCollector;
  const log: string[] = [];
  const blobDir = mkdtempSync(path.join(os.tmpdir(), 'blobs-cti-'));

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    direct = testServer(database.db);
    const options = { db: database.db, config, blobs: new DiskBlobStore(blobDir), logStream: { write: (line: string) => void log.push(line) }, dispatchTickSeconds: 3600 };
    ({ app } = await buildHttpServer({ ...options, ctiSecret: testCtiSecret }));
    ({ app: unconfigured } = await buildHttpServer(options));
    baseUrl = await app.listen({ port: 0, host: '127.0.0.1' });
    token = await direct.login('hq');
    expect(await direct.caller(token).cti.setExtension({ extension: '8001' })).toEqual({ ok: true, extension: '8001' });
    pops = new PopCollector(agentConsole(baseUrl, token));
    await pops.started;
  }, 60_000);
  afterAll(async () => {
    pops?.stop();
    await app?.close();
    await unconfigured?.close();
    await database?.close();
    rmSync(blobDir, { recursive: true, force: true });
  });

  const callsRecorded = async () => (await database.db.select({ n: count() }).from(ctiCalls))[0]!.n;

  test('[CT1][CT7] a signed call at an agent\'s extension pops on that agent\'s console with the caller as 11 digits', async () => {
    const call = aCall('8001', { caller: '+86 139 1234 5678' });
    const answer = await ring(baseUrl, call);
    expect(answer).toEqual({ status: 200, body: { delivered: true, callId: call.callId } });
    const pop = await pops.waitFor(call.callId);
    expect(pop).toMatchObject({ callId: call.callId, caller: '13912345678', callerKind: 'mobile', called: '400-820-8820', extension: '8001' });
  });

  test('[CT7] every call pops, however many came in within the resend window (not only the first 50)', async () => {
    const burst = Array.from({ length: 55 }, () => aCall('8001'));
    for (const call of burst) expect((await ring(baseUrl, call)).status).toBe(200);
    for (const call of burst) await pops.waitFor(call.callId);
  });

  test('[CT7] a landline caller pops as given, so the agent still gets a new-customer form with it', async () => {
    const call = aCall('8001', { caller: '021-6408 1234' });
    expect((await ring(baseUrl, call)).status).toBe(200);
    expect(await pops.waitFor(call.callId)).toMatchObject({ caller: '021-64081234', callerKind: 'landline' });
  });

  test('[CT4] a call at an extension nobody is signed in at is kept and answered 202 delivered: false', async () => {
    const call = aCall('8999');
    expect(await ring(baseUrl, call)).toEqual({ status: 202, body: { delivered: false, callId: call.callId } });
    const [row] = await database.db.select().from(ctiCalls).where(eq(ctiCalls.callId, call.callId));
    expect(row).toMatchObject({ extension: '8999', agentUserId: null, caller: '13800138000' });
  });

  // Options are made when the case runs: a time taken when the file loads is seconds stale by then.
  const seconds = (offsetMs: number) => String(Math.floor((Date.now() + offsetMs) / 1000));
  test.each([
    ['a wrong secret', () => ({ secret: 'not-the-secret-0123456789abcdef-0123' }), 'BAD_SIGNATURE'],
    ['a timestamp six minutes old', () => ({ signedAt: new Date(Date.now() - 301_000) }), 'STALE_TIMESTAMP'],
    ['a timestamp six minutes ahead', () => ({ signedAt: new Date(Date.now() + 301_000) }), 'STALE_TIMESTAMP'],
    ['no signature', () => ({ headers: { 'x-cti-signature': '' } }), 'MISSING_SIGNATURE'],
    ['a signature that is not hex', () => ({ headers: { 'x-cti-signature': 'sha256=zz' } }), 'MISSING_SIGNATURE'],
    ['the timestamp moved after signing', () => ({ headers: { 'x-cti-timestamp': seconds(60_000) } }), 'BAD_SIGNATURE'],
  ])('[CT5] %s is refused with 401 and changes nothing', async (_name, options, reason) => {
    const before = await callsRecorded();
    const call = aCall('8001');
    const answer = await ring(baseUrl, call, options());
    expect(answer.status).toBe(401);
    expect(answer.body.reason).toBe(reason);
    expect(await callsRecorded()).toBe(before);
    expect(pops.pops.some((p) => p.callId === call.callId)).toBe(false);
  });

  test('[CT5] a body changed after signing is refused with 401', async () => {
    const call = aCall('8001');
    const signed = JSON.stringify(call);
    const response = await fetch(`${baseUrl}/api/cti/incoming-call`, {
      method: 'POST', body: JSON.stringify({ ...call, extension: '8002' }),
      headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(testCtiSecret, signed) },
    });
    expect(response.status).toBe(401);
  });

  test('[CT6] the same signed request sent again is a replay: 401, one call recorded, one pop', async () => {
    const call = aCall('8001');
    const body = JSON.stringify(call);
    const at = new Date();
    expect((await ring(baseUrl, call, { rawBody: body, signedAt: at })).status).toBe(200);
    const again = await ring(baseUrl, call, { rawBody: body, signedAt: at });
    expect(again).toMatchObject({ status: 401, body: { reason: 'REPLAY' } });
    expect((await database.db.select({ n: count() }).from(ctiCalls).where(eq(ctiCalls.callId, call.callId)))[0]!.n).toBe(1);
    await pops.waitFor(call.callId);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pops.pops.filter((p) => p.callId === call.callId)).toHaveLength(1);
  });

  test('[CT5] without CTI_SECRET the webhook refuses every call, signed or not', async () => {
    const call = aCall('8001');
    const body = JSON.stringify(call);
    const response = await unconfigured.inject({
      method: 'POST', url: '/api/cti/incoming-call', payload: body,
      headers: { 'content-type': 'application/json', ...ctiSignatureHeaders(testCtiSecret, body) },
    });
    expect(response.statusCode).toBe(401);
    expect(response.json()).toMatchObject({ reason: 'NOT_CONFIGURED' });
    expect(await callsRecorded()).toBeGreaterThan(0);
    expect((await database.db.select().from(ctiCalls).where(eq(ctiCalls.callId, call.callId)))).toEqual([]);
  });

  test.each([
    ['not JSON', '{"callId": "x",', ['body']],
    ['a NUL in the call id', JSON.stringify(aCall('8001', { callId: 'call-\u0000' })), ['callId']],
    ['a lone surrogate in the caller', JSON.stringify(aCall('8001', { caller: '138\uD800' })), ['caller']],
    ['wrong types', JSON.stringify({ callId: 42, caller: null, called: ['x'], extension: {} }), ['callId', 'caller', 'called', 'extension']],
    ['an empty object', '{}', ['callId', 'caller', 'called', 'extension']],
    ['an array', '[]', ['body']],
    ['letters for a caller', JSON.stringify(aCall('8001', { caller: 'DROP TABLE' })), ['caller']],
    ['a call id of 65 characters', JSON.stringify(aCall('8001', { callId: 'c'.repeat(65) })), ['callId']],
  ])('[CT2] a signed body with %s is a 400 naming the field, and changes nothing', async (_name, rawBody, fields) => {
    const before = await callsRecorded();
    const answer = await ring(baseUrl, null, { rawBody });
    expect(answer.status).toBe(400);
    expect([...new Set((answer.body.fields as { path: string }[]).map((f) => f.path))].sort()).toEqual([...fields].sort());
    expect(await callsRecorded()).toBe(before);
  });

  test('[CT2] a huge body is refused with 413 before it is read whole, and changes nothing', async () => {
    const before = await callsRecorded();
    const answer = await ring(baseUrl, null, { rawBody: JSON.stringify(aCall('8001', { note: 'x'.repeat(ctiBodyLimit * 4) })) });
    expect(answer.status).toBe(413);
    expect(await callsRecorded()).toBe(before);
  });

  test('[CT2] a body that is not JSON by its content type is a 415, never a 500', async () => {
    const answer = await ring(baseUrl, null, { rawBody: 'callId=1', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(answer.status).toBe(415);
  });

  test('[CT9] neither the secret nor a signature ever reaches the log', async () => {
    const call = aCall('8001');
    const body = JSON.stringify(call);
    const headers = ctiSignatureHeaders(testCtiSecret, body);
    await ring(baseUrl, call, { rawBody: body, headers });
    await ring(baseUrl, call, { secret: 'not-the-secret-0123456789abcdef-0123' });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const text = log.join('\n');
    expect(text).toContain(call.callId);
    expect(text).not.toContain(testCtiSecret);
    expect(text).not.toContain(headers['x-cti-signature']!.slice(7));
  });

  test('[CT8] a console that reconnects is sent the calls it missed, and not the ones it had', async () => {
    const first = aCall('8001');
    await ring(baseUrl, first);
    const seen = await pops.waitFor(first.callId);
    const missed = aCall('8001');
    const again = new PopCollector(agentConsole(baseUrl, token), { lastEventId: String(seen.id) });
    await ring(baseUrl, missed);
    await again.waitFor(missed.callId);
    again.stop();
    expect(again.pops.map((p) => p.callId)).not.toContain(first.callId);
  });

  test('[CT4] one agent per extension: another agent is told who holds it, and may take it over', async () => {
    await database.db.execute(sql`INSERT INTO users (id, username, display_name, role, password_hash) SELECT 'u-hq2', 'hq2', '总部二', 'hq', password_hash FROM users WHERE id = 'u-hq'`);
    const other = direct.caller(await direct.login('hq2'));
    expect(await other.cti.setExtension({ extension: '8001' })).toEqual({ ok: false, heldBy: '总部' });
    expect(await other.cti.setExtension({ extension: '8002' })).toEqual({ ok: true, extension: '8002' });
    expect(await other.cti.myExtension()).toEqual({ extension: '8002' });
    const call = aCall('8002');
    await ring(baseUrl, call);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(pops.pops.map((p) => p.callId)).not.toContain(call.callId);
    expect(await other.cti.setExtension({ extension: '8001', takeOver: true })).toEqual({ ok: true, extension: '8001' });
    expect(await direct.caller(token).cti.myExtension()).toEqual({ extension: null });
    expect(await other.cti.myExtension()).toEqual({ extension: '8001' });
    expect(await other.cti.setExtension({ extension: null })).toMatchObject({ ok: true });
    expect(await direct.caller(token).cti.setExtension({ extension: '8001' })).toEqual({ ok: true, extension: '8001' });
  });

  test('[CT4] an agent who signed out of the console keeps the extension, but a call there is answered 202', async () => {
    await database.db.execute(sql`INSERT INTO users (id, username, display_name, role, password_hash) SELECT 'u-hq3', 'hq3', '总部三', 'hq', password_hash FROM users WHERE id = 'u-hq'`);
    const hq3 = direct.caller(await direct.login('hq3'));
    await hq3.cti.setExtension({ extension: '8003' });
    expect((await ring(baseUrl, aCall('8003'))).body).toMatchObject({ delivered: true });
    await hq3.auth.logout();
    const call = aCall('8003');
    expect(await ring(baseUrl, call)).toMatchObject({ status: 202, body: { delivered: false } });
    const [row] = await database.db.select().from(ctiCalls).where(eq(ctiCalls.callId, call.callId));
    expect(row!.agentUserId).toBeNull();
    expect(await direct.caller(await direct.login('hq3')).cti.myExtension()).toEqual({ extension: '8003' });
  });

  test('[CT2] a pops subscription or an extension with bad input is a 400 naming the field', async () => {
    const caller = direct.caller(token);
    for (const input of [{ since: 'yesterday' }, { lastEventId: 'x'.repeat(33) }, { since: '2026-01-01T00:00:00Z\u0000' }]) {
      expect(await codeOf(caller.cti.pops(input))).toBe('BAD_REQUEST');
    }
    for (const extension of ['1', '123456789', '80a1', '８００１', '8001\u0000']) {
      expect(await codeOf(caller.cti.setExtension({ extension }))).toBe('BAD_REQUEST');
    }
    expect(await caller.cti.myExtension()).toEqual({ extension: '8001' });
  });

  test('[CT10] the recent calls list shows the order taken during a call', async () => {
    const call = aCall('8001');
    await ring(baseUrl, call);
    const order = await takeOrder({
      db: database.db, input: { customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }], paymentMethod: 'on_delivery' }, intake: { channel: 'phone', callId: call.callId, ownerUserId: 'u-hq' },
      actorUserId: 'u-hq', now: new Date(), config,
    });
    const recent = await direct.caller(token).cti.recentCalls();
    expect(recent[0]).toMatchObject({ callId: call.callId, orderNumbers: [order.number] });
    expect(recent.length).toBeLessThanOrEqual(10);
  });
});
