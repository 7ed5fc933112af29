import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createZxingWasmDecoder, type ImageDataLike } from '@repo/scan-decode';
import { createBarcodeRenderer, type BarcodeModules } from '@repo/scan-decode/render-barcode';
import { expect, test } from 'vitest';
import { toScanText } from '../../scanner/camera/scan-text.js';
import { bagLabelPayload, clerkBadgePayload, readStoreLabel } from './store-labels.js';

// The same writer the labels print with, and the same decoder the camera reads with, from node_modules.
const renderer = createBarcodeRenderer({ wasm: { binary: wasmBinary('writer') } });
const decoder = createZxingWasmDecoder({ wasm: { binary: wasmBinary('reader') } });

test.each([
  ['[HO2] a clerk badge', clerkBadgePayload('u-01-c1'), { kind: 'clerk_badge', userId: 'u-01-c1' }],
  ['[HO6] a bag label', bagLabelPayload('D20261123-00042'), { kind: 'bag_label', orderNumber: 'D20261123-00042' }],
] as const)('%s as printed reads back through the camera pipeline as itself', async (_what, payload, expected) => {
  const decoded = await decoder.decode(toImage(await renderer.render(payload, 'qrcode'), 4));
  expect(decoded).toMatchObject({ format: 'qrcode', text: payload });
  expect(readStoreLabel(toScanText(decoded!))).toEqual(expected);
});

function wasmBinary(kind: 'reader' | 'writer'): ArrayBuffer {
  const bytes = readFileSync(fileURLToPath(import.meta.resolve(`zxing-wasm/${kind}/zxing_${kind}.wasm`)));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
}

function toImage(modules: BarcodeModules, scale: number): ImageDataLike {
  const width = modules.width * scale;
  const height = modules.height * scale;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if (modules.isDark(Math.floor(x / scale), Math.floor(y / scale))) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { width, height, data };
}
