import { expect, test } from 'vitest';
import type { ImageDataLike } from './barcode-decoder.js';
import { createBarcodeRenderer, type BarcodeModules } from './render-barcode.js';
import { readZxingWasmBinary } from './test/zxing-wasm-binary.js';
import { createZxingWasmDecoder } from './zxing-wasm-decoder.js';

const renderer = createBarcodeRenderer({ wasm: { binary: readZxingWasmBinary('writer') } });
const decoder = createZxingWasmDecoder({ wasm: { binary: readZxingWasmBinary('reader') } });

const cases = [
  { format: 'ean13', text: '4006381333931' },
  { format: 'code128', text: 'ORDER-2026-0042' },
  { format: 'qrcode', text: 'clerk:store-7:42' },
] as const;

test.each(cases)('[DC8] renders a $format that the chosen decoder reads back', async ({ format, text }) => {
  const modules = await renderer.render(text, format);
  expect(await decoder.decode(toImage(modules, 3))).toMatchObject({ text, format });
});

test('[DC8] renders GS1-128 with real FNC1: it reads back as ]C1 with GS between fields', async () => {
  const modules = await renderer.render('(01)06901234567892(10)21A7(17)271231', 'code128', { gs1: true });
  expect(await decoder.decode(toImage(modules, 3))).toMatchObject({ text: '01069012345678921021A7\u001d17271231', symbologyIdentifier: ']C1' });
});

test('[DC8] refuses a text the symbology cannot carry', async () => {
  await expect(renderer.render('not digits', 'ean13')).rejects.toThrow(/Cannot render/);
});

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
