import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { OpenDatabase } from '../db/database.js';
import { proofBlobs } from '../db/schema.js';
import { buildHttpServer } from '../http-server.js';
import { seedTestChain, testServer } from '../test/test-chain.js';
import { describeWithDatabase, openTestDatabase, testDatabaseKind } from '../test/test-database.js';
import { DiskBlobStore } from './disk-blob-store.js';

const config = { sessionTtlHours: 12, offerTtlMinutes: 15, promiseMinutes: 60, undoWindowSeconds: 120, autoRedispatch: true };

/** A JPEG-looking file: the real signature, then random bytes (the server checks no more). */
function jpeg(bytes: number): Buffer {
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(bytes - 4)]);
}
function png(bytes: number): Buffer {
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), randomBytes(bytes - 8)]);
}
const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

describeWithDatabase(`[PU] proof blob endpoint on ${testDatabaseKind}`, () => {
  let database: OpenDatabase;
  let app: FastifyInstance;
  let blobDir: string;
  let base: string;
  const tokens: Record<'hq' | 'a' | 'aClerk' | 'b', string> = { hq: '', a: '', aClerk: '', b: '' };

  beforeAll(async () => {
    database = await openTestDatabase();
    await seedTestChain(database.db);
    blobDir = mkdtempSync(path.join(os.tmpdir(), 'blobs-test-'));
    ({ app } = await buildHttpServer({ db: database.db, config, blobs: new DiskBlobStore(blobDir), logLevel: 'silent' }));
    await app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(app.server.address() as { port: number }).port}`;
    const server = testServer(database.db);
    tokens.hq = await server.login('hq');
    tokens.a = await server.login('a.manager');
    tokens.aClerk = await server.login('a.clerk');
    tokens.b = await server.login('b.manager');
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await database?.close();
    rmSync(blobDir, { recursive: true, force: true });
  });

  interface Chunk { offset: number; length: number; body: Buffer; type?: string; token?: string; headers?: Record<string, string> }
  const patch = (name: string, c: Chunk) =>
    app.inject({
      method: 'PATCH', url: `/blobs/${name}`, payload: c.body,
      headers: {
        authorization: `Bearer ${c.token ?? tokens.a}`, 'content-type': 'application/offset+octet-stream',
        'upload-offset': String(c.offset), 'upload-length': String(c.length), 'blob-type': c.type ?? 'image/jpeg', ...c.headers,
      },
    });
  const head = (name: string, token = tokens.a) => app.inject({ method: 'HEAD', url: `/blobs/${name}`, headers: { authorization: `Bearer ${token}` } });
  const get = (name: string, token = tokens.a) => app.inject({ method: 'GET', url: `/blobs/${name}`, headers: { authorization: `Bearer ${token}` } });
  const rowsOf = async (name: string) => (await database.db.select().from(proofBlobs)).filter((r) => r.sha256 === name);
  const partialFiles = () => {
    try {
      return readdirSync(path.join(blobDir, 'partial')).filter((f) => !f.endsWith('.lock'));
    } catch {
      return [];
    }
  };
  async function uploadWhole(bytes: Buffer, token = tokens.a, type = 'image/jpeg') {
    return patch(sha(bytes), { offset: 0, length: bytes.length, body: bytes, token, type });
  }

  test('[PU1] a whole photo in one PATCH is stored once and read back byte for byte', async () => {
    const photo = jpeg(50_000);
    const res = await uploadWhole(photo);
    expect(res.statusCode).toBe(204);
    expect(res.headers['upload-complete']).toBe('?1');
    expect(res.headers['upload-offset']).toBe(String(photo.length));
    const rows = await rowsOf(sha(photo));
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ storeId: 'store-a', contentType: 'image/jpeg', bytes: photo.length, uploadedBy: 'u-a-m' });
    const read = await get(sha(photo));
    expect(read.statusCode).toBe(200);
    expect(read.rawPayload.equals(photo)).toBe(true);
    expect(read.headers['content-type']).toBe('image/jpeg');
    expect(read.headers['x-content-type-options']).toBe('nosniff');
    expect(read.headers['cache-control']).toBe('private, max-age=31536000, immutable');
  });

  test('[PU2] chunks append at the offset HEAD reports, and the last one completes the upload', async () => {
    const sig = png(300_000);
    const name = sha(sig);
    expect((await head(name)).statusCode).toBe(404);
    const first = await patch(name, { offset: 0, length: sig.length, body: sig.subarray(0, 100_000), type: 'image/png' });
    expect(first.statusCode).toBe(204);
    expect(first.headers['upload-offset']).toBe('100000');
    expect(first.headers['upload-complete']).toBe('?0');
    const asked = await head(name);
    expect(asked.statusCode).toBe(200);
    expect(asked.headers['upload-offset']).toBe('100000');
    expect(asked.headers['upload-complete']).toBe('?0');
    expect(await rowsOf(name)).toHaveLength(0);
    const last = await patch(name, { offset: 100_000, length: sig.length, body: sig.subarray(100_000), type: 'image/png' });
    expect(last.statusCode).toBe(204);
    expect(last.headers['upload-complete']).toBe('?1');
    expect((await head(name)).headers).toMatchObject({ 'upload-offset': String(sig.length), 'upload-complete': '?1' });
    expect((await get(name)).rawPayload.equals(sig)).toBe(true);
    expect(partialFiles()).toEqual([]);
  });

  test('[PU3] a re-upload of a stored blob answers "complete" at once and stores nothing new', async () => {
    const photo = jpeg(20_000);
    await uploadWhole(photo);
    const again = await patch(sha(photo), { offset: 0, length: photo.length, body: photo.subarray(0, 1000) });
    expect(again.statusCode).toBe(204);
    expect(again.headers['upload-complete']).toBe('?1');
    // A retried last chunk whose answer was lost: the server holds no partial, so it says where to resume.
    const late = await patch(sha(photo), { offset: 15_000, length: photo.length, body: photo.subarray(15_000) });
    expect([late.statusCode, late.headers['upload-offset']]).toEqual([409, '0']);
    expect(await rowsOf(sha(photo))).toHaveLength(1);
    expect(partialFiles()).toEqual([]);
  });

  test('[PU4] a chunk at the wrong offset is refused with 409 and the offset the server holds', async () => {
    const photo = jpeg(10_000);
    const name = sha(photo);
    await patch(name, { offset: 0, length: photo.length, body: photo.subarray(0, 4000) });
    for (const offset of [0, 3999, 4001, 9000]) {
      const res = await patch(name, { offset, length: photo.length, body: photo.subarray(offset, Math.min(offset + 1000, photo.length)) });
      expect(res.statusCode).toBe(409);
      expect(res.headers['upload-offset']).toBe('4000');
      expect(res.json()).toMatchObject({ error: 'OFFSET_MISMATCH' });
    }
    expect((await head(name)).headers['upload-offset']).toBe('4000');
    expect((await patch(name, { offset: 4000, length: photo.length, body: photo.subarray(4000) })).headers['upload-complete']).toBe('?1');
    expect((await get(name)).rawPayload.equals(photo)).toBe(true);
  });

  test('[PU5] bytes that do not hash to their name are refused and nothing is stored', async () => {
    const photo = jpeg(30_000);
    const wrongName = sha(jpeg(30_000));
    const res = await patch(wrongName, { offset: 0, length: photo.length, body: photo });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ error: 'HASH_MISMATCH' });
    expect(await rowsOf(wrongName)).toHaveLength(0);
    expect((await head(wrongName)).statusCode).toBe(404);
    expect((await get(wrongName)).statusCode).toBe(404);
    expect(partialFiles()).toEqual([]);
  });

  test('[PU6] a file that is not the JPEG or PNG it claims is refused at its first chunk, and nothing is kept', async () => {
    const cases: Array<{ body: Buffer; type: string }> = [
      { body: Buffer.concat([Buffer.from('GIF89a'), randomBytes(5000)]), type: 'image/jpeg' },
      { body: Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'), type: 'image/png' },
      { body: jpeg(5000), type: 'image/png' },
      { body: Buffer.from([0xff, 0xd8]), type: 'image/jpeg' },
    ];
    for (const { body, type } of cases) {
      const res = await patch(sha(body), { offset: 0, length: body.length + (body.length > 100 ? 1000 : 0), body, type });
      expect(res.statusCode, type).toBe(415);
      expect(res.json()).toMatchObject({ error: 'NOT_AN_IMAGE' });
      expect((await head(sha(body))).statusCode).toBe(404);
      expect(await rowsOf(sha(body))).toHaveLength(0);
    }
    expect(partialFiles()).toEqual([]);
  });

  test('[PU7] a blob over 8 MB, an empty one, or a chunk past its declared length is refused before a byte is kept', async () => {
    const small = jpeg(1000);
    const big = await patch(sha(small), { offset: 0, length: 8_000_001, body: small });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ error: 'TOO_BIG' });
    expect((await patch(sha(small), { offset: 0, length: 0, body: Buffer.alloc(0) })).statusCode).toBe(400);
    const past = await patch(sha(small), { offset: 0, length: 500, body: small });
    expect(past.statusCode).toBe(400);
    expect(past.json()).toMatchObject({ error: 'CHUNK_TOO_LONG' });
    expect((await head(sha(small))).statusCode).toBe(404);
  });

  test('[PU8] a name that is not 64 lowercase hex characters is a 400 on every method', async () => {
    const names = ['abc', 'g'.repeat(64), 'A'.repeat(64), `${'a'.repeat(64)}0`, 'a'.repeat(4000), '..%2F..%2Fetc%2Fpasswd', '%00'.repeat(3)];
    for (const name of names) {
      expect((await head(name)).statusCode, name).toBe(400);
      expect((await get(name)).statusCode, name).toBe(400);
      const res = await patch(name, { offset: 0, length: 10, body: jpeg(10) });
      expect(res.statusCode, name).toBe(400);
      expect(res.json()).toMatchObject({ error: 'BAD_NAME' });
    }
  });

  test('[PU9] head office and the uploading store read a blob; any other store gets the same 404 as for nothing', async () => {
    const photo = jpeg(8000);
    await uploadWhole(photo, tokens.aClerk);
    expect((await get(sha(photo), tokens.hq)).rawPayload.equals(photo)).toBe(true);
    expect((await get(sha(photo), tokens.a)).statusCode).toBe(200);
    const other = await get(sha(photo), tokens.b);
    const missing = await get(sha(jpeg(8000)), tokens.b);
    expect(other.statusCode).toBe(404);
    expect([other.statusCode, other.body, other.headers['content-type']]).toEqual([missing.statusCode, missing.body, missing.headers['content-type']]);
    expect((await head(sha(photo), tokens.b)).statusCode).toBe(404);
    // A store's partial upload is its own: another store cannot see how far it got.
    const partial = jpeg(9000);
    await patch(sha(partial), { offset: 0, length: partial.length, body: partial.subarray(0, 3000) });
    expect((await head(sha(partial), tokens.b)).statusCode).toBe(404);
    expect((await head(sha(partial), tokens.hq)).statusCode).toBe(404);
  });

  test('[PU10] no token, a wrong token or a token in the URL is 401; head office cannot upload', async () => {
    const photo = jpeg(2000);
    const name = sha(photo);
    expect((await app.inject({ method: 'GET', url: `/blobs/${name}` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'HEAD', url: `/blobs/${name}?token=${tokens.a}` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `/blobs/${name}?authorization=Bearer%20${tokens.a}` })).statusCode).toBe(401);
    expect((await get(name, 'not-a-token')).statusCode).toBe(401);
    expect((await patch(name, { offset: 0, length: photo.length, body: photo, token: 'x'.repeat(5000) })).statusCode).toBe(401);
    const hq = await patch(name, { offset: 0, length: photo.length, body: photo, token: tokens.hq });
    expect(hq.statusCode).toBe(403);
    expect(hq.json()).toMatchObject({ error: 'STORE_ONLY' });
    expect(await rowsOf(name)).toHaveLength(0);
  });

  test('[PU11] malformed chunk headers are refused with a clear 4xx and no state change', async () => {
    const photo = jpeg(2000);
    const name = sha(photo);
    const bad: Array<[Record<string, string>, number, string]> = [
      [{ 'upload-offset': '-1' }, 400, 'BAD_OFFSET'],
      [{ 'upload-offset': '1e3' }, 400, 'BAD_OFFSET'],
      [{ 'upload-offset': ' 0' }, 400, 'BAD_OFFSET'],
      [{ 'upload-length': '99999999999999999999' }, 400, 'BAD_OFFSET'],
      [{ 'blob-type': 'image/gif' }, 415, 'BAD_BLOB_TYPE'],
      [{ 'blob-type': 'image/svg+xml' }, 415, 'BAD_BLOB_TYPE'],
      [{ 'content-type': 'image/jpeg' }, 415, 'BAD_CONTENT_TYPE'],
      [{ 'content-type': 'application/json' }, 415, 'BAD_CONTENT_TYPE'],
      [{ 'upload-offset': '\u00e9' }, 400, 'BAD_OFFSET'],
    ];
    for (const [headers, status, error] of bad) {
      const res = await patch(name, { offset: 0, length: photo.length, body: photo, headers });
      expect(res.statusCode, JSON.stringify(headers)).toBe(status);
      expect(res.json()).toMatchObject({ error });
      expect(res.body).not.toMatch(/stack|at \w+ \(|sql|select|node_modules/i);
    }
    // A body without Content-Length (chunked transfer encoding) and a PATCH without any body.
    const chunked = await fetch(`${base}/blobs/${name}`, {
      method: 'PATCH', headers: chunkHeaders(0, photo.length), body: new Blob([new Uint8Array(photo)]).stream(), duplex: 'half',
    } as RequestInit);
    expect(chunked.status).toBe(411);
    const { 'content-type': _, ...noType } = chunkHeaders(0, photo.length);
    const empty = await fetch(`${base}/blobs/${name}`, { method: 'PATCH', headers: noType });
    expect(empty.status).toBe(415);
    expect((await head(name)).statusCode).toBe(404);
  });

  test('[PU12] a connection cut mid-chunk keeps the bytes that arrived, and the upload resumes from there', async () => {
    const photo = jpeg(400_000);
    const name = sha(photo);
    const sent = await rawPatchCut(name, photo, 150_000);
    expect(sent).toBe(150_000);
    const offset = await waitForOffset(name, 150_000);
    expect(offset).toBe(150_000);
    const rest = await patch(name, { offset, length: photo.length, body: photo.subarray(offset) });
    expect(rest.headers['upload-complete']).toBe('?1');
    expect((await get(name)).rawPayload.equals(photo)).toBe(true);
    expect(await rowsOf(name)).toHaveLength(1);
  });

  test('[PU13] two PATCHes of one blob at once: one appends, the other gets 409, and the blob is stored once', async () => {
    const photo = jpeg(200_000);
    const name = sha(photo);
    const slow = rawPatchInTwoHalves(name, photo);
    await slow.firstHalfSent;
    await waitForOffset(name, 1);
    const second = await fetch(`${base}/blobs/${name}`, { method: 'PATCH', headers: chunkHeaders(0, photo.length), body: new Uint8Array(photo) });
    expect(second.status).toBe(409);
    expect(await second.json()).toMatchObject({ error: 'UPLOAD_BUSY' });
    slow.sendRest();
    expect(await slow.status).toBe(204);
    expect(await rowsOf(name)).toHaveLength(1);
    expect((await get(name)).rawPayload.equals(photo)).toBe(true);
  });

  test('[PU14] a NUL or a line break in a header is a 400 from the HTTP layer, never a 500', async () => {
    const name = sha(jpeg(100));
    for (const value of ['0\u0000', 'image/jpeg\u0000x']) {
      const answer = await rawRequest(`HEAD /blobs/${name} HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer ${tokens.a}\r\nUpload-Offset: ${value}\r\n\r\n`);
      expect(answer).toMatch(/^HTTP\/1\.1 400/);
    }
  });

  test('[PU15] another store uploading the same bytes ends "complete" without learning of, or reading, the first copy', async () => {
    const photo = jpeg(5000);
    await uploadWhole(photo, tokens.a);
    const first = await patch(sha(photo), { offset: 0, length: photo.length, body: photo.subarray(0, 2000), token: tokens.b });
    expect(first.headers['upload-complete']).toBe('?0');
    const last = await patch(sha(photo), { offset: 2000, length: photo.length, body: photo.subarray(2000), token: tokens.b });
    expect(last.headers['upload-complete']).toBe('?1');
    expect(await rowsOf(sha(photo))).toMatchObject([{ storeId: 'store-a' }]);
    expect((await get(sha(photo), tokens.hq)).rawPayload.equals(photo)).toBe(true);
  });

  test("[PU16] head office sees which of an order's proof blobs are still on the device, and then that they arrived", async () => {
    const server = testServer(database.db);
    const hq = server.caller(tokens.hq);
    const order = await hq.orders.create({ customerId: 'c-1', lines: [{ productId: 'p-1', quantity: 1 }], paymentMethod: 'prepaid' });
    await hq.orders.dispatch({ orderId: order.id, storeId: 'store-a' });
    const { deliveryCode } = await hq.orders.get({ orderId: order.id });
    const send = pushAs(server, tokens.a);
    for (const [name, args] of [
      ['offer.accept', {}], ['pick.start', { device: send.clientId }],
      ['pick.finish', { device: send.clientId, picked: [{ productId: 'p-1', quantity: 1, lots: [] }] }],
      ['handoff.assign', { clerk: { userId: 'u-a-c', storeId: 'store-a' } }],
    ] as const) expect(await send(name, { orderId: order.id, ...args })).toMatchObject({ status: 'applied' });
    const photo = jpeg(12_000);
    const signature = png(3000);
    const ref = (b: Buffer, type: string) => ({ sha256: sha(b), type, bytes: b.length });
    const phone = pushAs(server, tokens.aClerk);
    const close = { orderId: order.id, at: new Date().toISOString(), code: deliveryCode, photo: ref(photo, 'image/jpeg'), signature: ref(signature, 'image/png'), position: { unavailable: 'timeout' } };
    expect(await phone('delivery.close', close)).toMatchObject({ status: 'applied' });

    const before = await hq.orders.proofBlobs({ orderId: order.id });
    expect(before.map((b) => [b.kind, b.sha256, b.storedAt])).toEqual([['signature', sha(signature), null], ['door_photo', sha(photo), null]]);
    await uploadWhole(photo, tokens.aClerk);
    const after = await hq.orders.proofBlobs({ orderId: order.id });
    expect(after.find((b) => b.kind === 'door_photo')?.storedAt).toEqual(expect.any(String));
    expect(after.find((b) => b.kind === 'signature')?.storedAt).toBeNull();
    await expect(hq.orders.proofBlobs({ orderId: 'no-such-order' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  /** A device of the token's user, numbering its own mutations like the app's outbox. */
  function pushAs(server: ReturnType<typeof testServer>, token: string) {
    const clientId = randomUUID();
    let next = 1;
    const send = async (name: string, args: Record<string, unknown>) => {
      const mutation = { id: next++, name, version: 1, args, createdAt: new Date().toISOString() };
      return (await server.caller(token).sync.push({ clientId, mutations: [mutation] })).outcomes[0];
    };
    return Object.assign(send, { clientId });
  }

  function chunkHeaders(offset: number, length: number, token = tokens.a): Record<string, string> {
    return {
      authorization: `Bearer ${token}`, 'content-type': 'application/offset+octet-stream',
      'upload-offset': String(offset), 'upload-length': String(length), 'blob-type': 'image/jpeg',
    };
  }

  function rawHead(name: string, body: Buffer): string {
    const lines = Object.entries({ ...chunkHeaders(0, body.length), 'content-length': String(body.length) }).map(([k, v]) => `${k}: ${v}`);
    return `PATCH /blobs/${name} HTTP/1.1\r\nHost: x\r\n${lines.join('\r\n')}\r\n\r\n`;
  }

  /** Sends the headers and the first `cutAt` bytes of the body, then kills the connection. */
  function rawPatchCut(name: string, body: Buffer, cutAt: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port: Number(new URL(base).port), host: '127.0.0.1' }, () => {
        socket.write(rawHead(name, body));
        socket.write(body.subarray(0, cutAt), () => setTimeout(() => { socket.destroy(); resolve(cutAt); }, 100));
      });
      socket.on('error', reject);
    });
  }

  /** Sends the headers and half the body, and the rest only when told: a request held open mid-body. */
  function rawPatchInTwoHalves(name: string, body: Buffer) {
    const half = Math.floor(body.length / 2);
    const socket = net.connect({ port: Number(new URL(base).port), host: '127.0.0.1' });
    const firstHalfSent = new Promise<void>((resolve) => socket.on('connect', () => {
      socket.write(rawHead(name, body));
      socket.write(body.subarray(0, half), () => resolve());
    }));
    const status = new Promise<number>((resolve, reject) => {
      socket.on('data', (data) => { resolve(Number(data.toString().split(' ')[1])); socket.destroy(); });
      socket.on('error', reject);
    });
    return { firstHalfSent, status, sendRest: () => socket.write(body.subarray(half)) };
  }

  async function rawRequest(text: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = net.connect({ port: Number(new URL(base).port), host: '127.0.0.1' }, () => socket.write(text));
      let answer = '';
      socket.on('data', (d) => (answer += d.toString()));
      socket.on('end', () => resolve(answer));
      socket.on('close', () => resolve(answer));
      socket.on('error', reject);
    });
  }

  /** The server writes what arrived as it arrives; wait until HEAD reports at least `atLeast` bytes. */
  async function waitForOffset(name: string, atLeast: number): Promise<number> {
    for (let i = 0; i < 200; i++) {
      const res = await head(name);
      const offset = Number(res.headers['upload-offset'] ?? 0);
      if (offset >= atLeast) return offset;
      await new Promise((r) => setTimeout(r, 10));
    }
    throw new Error(`the server never held ${atLeast} bytes`);
  }
});
