import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { withLoadServer } from './load-server.js';
import { intFromEnv, ms, percentile } from './stats.js';

/**
 * A 3 MB proof photo's upload to the real server (docs/proof-uploads.md, docs/benchmarks.md):
 * the device's way (HEAD, then 256 KB PATCHes), the same after a connection cut at 50 % (the cut
 * chunk's first half reaches the server, then HEAD and the rest), and the peers: one PATCH of all
 * the bytes (no chunking, same checks), and a bare Node PUT to a file (no auth, hash or database).
 * Knobs: BENCH_PHOTO_BYTES (3,000,000), BENCH_RUNS (20). LOAD_SKIP_BUILD=1 skips start.sh's build.
 */
const photoBytes = intFromEnv('BENCH_PHOTO_BYTES', 3_000_000);
const runs = intFromEnv('BENCH_RUNS', 20);
const chunk = 256 * 1024;
const blobDir = mkdtempSync(path.join(os.tmpdir(), 'bench-blobs-'));

interface Photo { readonly sha256: string; readonly bytes: Buffer }
function newPhoto(): Photo {
  const bytes = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), randomBytes(photoBytes - 4)]);
  return { sha256: createHash('sha256').update(bytes).digest('hex'), bytes };
}

/** The device's protocol over plain HTTP, as apps/store/src/proof does it. */
class BlobClient {
  constructor(private readonly baseUrl: string, private readonly token: string) {}

  /** HEAD, then 256 KB chunks from where the server is, until it says complete. */
  async upload(photo: Photo, _from: number): Promise<void> {
    const head = await fetch(`${this.baseUrl}/blobs/${photo.sha256}`, { method: 'HEAD', headers: this.auth() });
    if (head.headers.get('upload-complete') === '?1') return;
    let offset = head.status === 200 ? Number(head.headers.get('upload-offset')) : 0;
    while (offset < photo.bytes.length) {
      const res = await this.patch(photo, offset, photo.bytes.subarray(offset, Math.min(offset + chunk, photo.bytes.length)));
      if (res.status !== 204 && res.status !== 409) throw new Error(`PATCH answered ${res.status}: ${await res.text()}`);
      offset = Number(res.headers.get('upload-offset'));
      if (res.headers.get('upload-complete') === '?1') return;
    }
    throw new Error('upload ended without "complete"');
  }

  /** Chunks up to the one holding `cutAt`; of that one only the bytes before `cutAt` arrive, then the socket dies. */
  async uploadUntilCut(photo: Photo, cutAt: number): Promise<void> {
    let offset = 0;
    while (offset + chunk <= cutAt) {
      await this.patch(photo, offset, photo.bytes.subarray(offset, offset + chunk));
      offset += chunk;
    }
    await cutPatch({ url: `${this.baseUrl}/blobs/${photo.sha256}`, headers: this.chunkHeaders(photo, offset, chunk), body: photo.bytes.subarray(offset, cutAt) });
    // The server writes what arrived before it notices the cut: wait until HEAD reports it.
    for (let i = 0; i < 500; i++) {
      const head = await fetch(`${this.baseUrl}/blobs/${photo.sha256}`, { method: 'HEAD', headers: this.auth() });
      if (Number(head.headers.get('upload-offset')) === cutAt) return;
      await new Promise((r) => setTimeout(r, 2));
    }
    throw new Error('the server never held the bytes sent before the cut');
  }

  async singlePatch(photo: Photo): Promise<void> {
    const res = await this.patch(photo, 0, photo.bytes);
    if (res.headers.get('upload-complete') !== '?1') throw new Error(`single PATCH answered ${res.status}`);
  }

  private patch(photo: Photo, offset: number, body: Buffer): Promise<Response> {
    return fetch(`${this.baseUrl}/blobs/${photo.sha256}`, { method: 'PATCH', headers: this.chunkHeaders(photo, offset, body.length), body: new Uint8Array(body) });
  }

  private chunkHeaders(photo: Photo, offset: number, size: number): Record<string, string> {
    return {
      ...this.auth(), 'content-type': 'application/offset+octet-stream', 'content-length': String(size),
      'upload-offset': String(offset), 'upload-length': String(photo.bytes.length), 'blob-type': 'image/jpeg',
    };
  }

  private auth(): Record<string, string> {
    return { authorization: `Bearer ${this.token}` };
  }
}

/** Sends a request head promising `headers['content-length']` bytes, then only `body`, then kills the connection. */
function cutPatch({ url, headers, body }: { url: string; headers: Record<string, string>; body: Buffer }): Promise<void> {
  const { hostname, port, pathname } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) }, () => {
      const lines = Object.entries(headers).map(([k, v]) => `${k}: ${v}`).join('\r\n');
      socket.write(`PATCH ${pathname} HTTP/1.1\r\nhost: ${hostname}\r\n${lines}\r\n\r\n`);
      socket.write(body, () => {
        socket.destroy();
        resolve();
      });
    });
    socket.on('error', reject);
  });
}

async function signIn(baseUrl: string, username: string): Promise<string> {
  const res = await fetch(`${baseUrl}/trpc/auth.login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo1234' }),
  });
  const body = (await res.json()) as { result?: { data: { token: string } } };
  if (!body.result) throw new Error(`sign-in failed: ${JSON.stringify(body)}`);
  return body.result.data.token;
}

/** The floor: a bare Node server that writes a PUT body to a file and answers 201. */
async function startBarePutServer() {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'bench-put-'));
  let n = 0;
  const server = createServer((req, res) => {
    void pipeline(req, createWriteStream(path.join(dir, String(n++)))).then(() => res.writeHead(201).end());
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    put: (bytes: Buffer) =>
      new Promise<void>((resolve, reject) => {
        const req = httpRequest({ host: '127.0.0.1', port, method: 'PUT', path: '/', headers: { 'content-length': bytes.length } }, (res) => {
          res.resume();
          res.on('end', () => resolve());
        });
        req.on('error', reject);
        req.end(bytes);
      }),
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Runs every variant `runs` times against one started server; prints p50/p95 and the ratio to the peer. */
async function main(): Promise<void> {
  const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
  console.log(`proof upload · ${os.cpus()[0]?.model ?? 'cpu'} × ${os.cpus().length} · node ${process.version} · load ${load} · ${new Date().toISOString()}`);

  try {
    await withLoadServer({ env: { BLOB_DIR: blobDir } }, async (server) => {
      console.log(`server: ${server.build}`);
      const token = await signIn(server.baseUrl, 'store01.manager');
      const client = new BlobClient(server.baseUrl, token);
      const floor = await startBarePutServer();
      const results: Record<string, number[]> = { chunked: [], resumed: [], resumeOnly: [], singlePatch: [], barePut: [] };
      for (let i = 0; i < runs + 2; i++) {
        const measure = async (name: string, fn: (photo: Photo) => Promise<number | void>) => {
          const photo = newPhoto();
          const start = performance.now();
          const inner = await fn(photo);
          const total = performance.now() - start;
          if (i < 2) return; // warm-up
          results[name]!.push(total);
          if (typeof inner === 'number') results.resumeOnly!.push(inner);
        };
        await measure('chunked', (p) => client.upload(p, 0));
        await measure('resumed', async (p) => {
          await client.uploadUntilCut(p, Math.floor(p.bytes.length / 2));
          const resumeStart = performance.now();
          await client.upload(p, 0);
          return performance.now() - resumeStart;
        });
        await measure('singlePatch', (p) => client.singlePatch(p));
        await measure('barePut', (p) => floor.put(p.bytes));
      }
      await floor.close();
      const peer = percentile(results.singlePatch!, 0.5);
      const row = (label: string, samples: number[]) =>
        `${label.padEnd(46)} p50 ${ms(percentile(samples, 0.5)).padStart(7)}  p95 ${ms(percentile(samples, 0.95)).padStart(7)}  ×${(percentile(samples, 0.5) / peer).toFixed(2)} of one PATCH`;
      console.log(`\n${(photoBytes / 1e6).toFixed(1)} MB photo, ${runs} runs each (after 2 warm-ups), loopback:`);
      console.log(row('device: HEAD + 256 KB PATCHes', results.chunked!));
      console.log(row('device, cut at 50 %: whole upload', results.resumed!));
      console.log(row('device, cut at 50 %: HEAD + rest after cut', results.resumeOnly!));
      console.log(row('peer: one PATCH of all bytes (same checks)', results.singlePatch!));
      console.log(row('floor: bare Node PUT to a file', results.barePut!));
    });
  } finally {
    rmSync(blobDir, { recursive: true, force: true });
  }
}

await main();
