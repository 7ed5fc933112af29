import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseBarcode, type IsoDate } from '@repo/domain';
import { createZxingWasmDecoder } from '@repo/scan-decode';
import { expect, test } from 'vitest';
import { prepareZXingModule as prepareZXingWriter, writeBarcode, type WriterOptions } from 'zxing-wasm/writer';
import { toScanText } from './scan-text.js';

const today = '2026-11-23' as IsoDate;
const GS = '\u001d';

test('camera reads reach parseBarcode as the symbology says', () => {
  const ean = parseBarcode(toScanText({ text: '8413000065504', format: 'ean13', symbologyIdentifier: ']E0' }), { today });
  expect(ean.ok && ean.value).toMatchObject({ kind: 'gtin', gtin14: '08413000065504' });
  const upcA = parseBarcode(toScanText({ text: '036000291452', format: 'upca', symbologyIdentifier: ']E0' }), { today });
  expect(upcA.ok && upcA.value).toMatchObject({ kind: 'gtin', gtin14: '00036000291452' });
  const gs1 = parseBarcode(toScanText({ text: `0109501101530003${GS}17261231`, format: 'code128', symbologyIdentifier: ']C1' }), { today });
  expect(gs1.ok && gs1.value).toMatchObject({ kind: 'gs1', gtin14: '09501101530003', expiry: '2026-12-31' });
  const itf = parseBarcode(toScanText({ text: '10614141000415', format: 'itf', symbologyIdentifier: ']I1' }), { today });
  expect(itf.ok && itf.value).toMatchObject({ kind: 'gtin', format: 'itf-14' });
});

test('a read without an identifier goes in as its text', () => {
  expect(toScanText({ text: 'CMD:UNDO', format: 'qrcode' })).toBe('CMD:UNDO');
});

// The camera's decoder end to end: symbols written by ZXing-C++'s writer (zint), read by the same
// decoder the camera worker runs, handed to parseBarcode exactly as the camera path does.
const writer = { wasmBinary: wasmBytes('writer') };
prepareZXingWriter({ overrides: writer });
const decoder = createZxingWasmDecoder({ wasm: { binary: wasmBytes('reader') } });

type Symbol = { format: NonNullable<WriterOptions['format']>; text: string; options: string; identifier: string; kind: string };
const symbols: Symbol[] = [
  { format: 'EAN13', text: '6901234567892', options: '', identifier: ']E0', kind: 'gtin' },
  { format: 'EAN8', text: '96385074', options: '', identifier: ']E4', kind: 'gtin' },
  { format: 'UPCA', text: '036000291452', options: '', identifier: ']E0', kind: 'gtin' },
  { format: 'UPCE', text: '01234565', options: '', identifier: ']E0', kind: 'gtin' },
  { format: 'ITF', text: '10614141000415', options: '', identifier: ']I1', kind: 'gtin' },
  { format: 'Code128', text: 'CMD:FINISH', options: '', identifier: ']C0', kind: 'command' },
  { format: 'Code128', text: '(01)09501101530003(17)261231', options: 'gs1', identifier: ']C1', kind: 'gs1' },
  { format: 'DataMatrix', text: 'CMD:NEXT', options: 'forceSquare', identifier: ']d1', kind: 'command' },
  { format: 'DataMatrix', text: '(01)09501101530003(17)261231(10)AB12', options: 'gs1,forceSquare', identifier: ']d2', kind: 'gs1' },
  // Rectangular DMRE sizes (zint's versions 31-48): 8x48 and 20x36.
  { format: 'DataMatrix', text: 'CMD:NEXT', options: 'version=31', identifier: ']d7', kind: 'command' },
  { format: 'DataMatrix', text: '(01)09501101530003(17)261231(10)AB12', options: 'gs1,version=31', identifier: ']d8', kind: 'gs1' },
  { format: 'DataMatrix', text: '(01)09501101530003(17)261231', options: 'gs1,version=40', identifier: ']d8', kind: 'gs1' },
  { format: 'QRCode', text: 'CMD:UNDO', options: '', identifier: ']Q1', kind: 'command' },
  { format: 'QRCode', text: '(01)09501101530003(17)261231', options: 'gs1', identifier: ']Q3', kind: 'gs1' },
];

test.each(symbols)('[BC35] a $format {$options} comes from the decoder as $identifier and is read as $kind', async ({ format, text, options, identifier, kind }) => {
  const { error, symbol } = await writeBarcode(text, { format, options, scale: 4 });
  expect(error).toBe('');
  const decoded = await decoder.decode(toRgba(symbol));
  expect(decoded?.symbologyIdentifier).toBe(identifier);
  const parsed = parseBarcode(toScanText(decoded!), { today });
  expect(parsed.ok ? parsed.value.kind : parsed.rejection).toBe(kind);
});

function wasmBytes(kind: 'reader' | 'writer'): ArrayBuffer {
  const bytes = readFileSync(fileURLToPath(import.meta.resolve(`zxing-wasm/${kind}/zxing_${kind}.wasm`)));
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length);
}

// The writer gives one grey byte per pixel; the decoder takes RGBA.
function toRgba({ width, height, data }: { width: number; height: number; data: Uint8Array | Uint8ClampedArray }) {
  const rgba = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let i = 0; i < width * height; i++) rgba.fill(data[i]!, i * 4, i * 4 + 3);
  return { width, height, data: rgba };
}
