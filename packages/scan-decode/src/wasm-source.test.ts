import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test, vi } from 'vitest';
import { loadPng } from './test/load-png.js';
import { barcodeSamplesDir } from './test/barcode-samples.js';
import { readZxingWasmBinary } from './test/zxing-wasm-binary.js';
import { createZxingWasmDecoder } from './zxing-wasm-decoder.js';

// Stands in for the app's own origin, which serves the precached .wasm.
let server: Server;
const served: string[] = [];

beforeAll(async () => {
  const wasm = Buffer.from(readZxingWasmBinary());
  server = createServer((req, res) => {
    served.push(req.url ?? '');
    res.writeHead(200, { 'content-type': 'application/wasm' }).end(wasm);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

test('[DC6] loads the .wasm from the URL it is given and from nowhere else', async () => {
  const fetchSpy = vi.spyOn(globalThis, 'fetch');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}/assets/zxing_reader.wasm`;
  const decoder = createZxingWasmDecoder({ wasm: { url } });
  const decoded = await decoder.decode(loadPng(`${barcodeSamplesDir}/ean8-1/1.png`));
  expect(decoded).toMatchObject({ text: '48512343', format: 'ean8' });
  expect(served).toEqual(['/assets/zxing_reader.wasm']);
  expect(fetchSpy.mock.calls.map(([input]) => String(input))).toEqual([url]);
});
