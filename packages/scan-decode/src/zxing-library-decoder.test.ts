import { expect, test } from 'vitest';
import type { BarcodeFormat, ImageDataLike } from './barcode-decoder.js';
import { createBarcodeRenderer, type BarcodeModules } from './render-barcode.js';
import { loadSampleSet, sampleSets } from './test/barcode-samples.js';
import { readZxingWasmBinary } from './test/zxing-wasm-binary.js';
import { createZxingLibraryDecoder } from './zxing-library-decoder.js';

// Rules: docs/decoders.md (DC10). As the camera's fallback, @zxing/library must hand the parser
// the identifier ZXing-C++ would have: without it GS1-128 reads as plain Code 128.
const renderer = createBarcodeRenderer({ wasm: { binary: readZxingWasmBinary('writer') } });
const decoder = createZxingLibraryDecoder();
const GS = '\u001d';

const cases: { format: BarcodeFormat; text: string; gs1: boolean; read: string; identifier: string | undefined }[] = [
  { format: 'ean13', text: '6901234567892', gs1: false, read: '6901234567892', identifier: ']E0' },
  { format: 'ean8', text: '96385074', gs1: false, read: '96385074', identifier: ']E4' },
  { format: 'itf', text: '10614141000415', gs1: false, read: '10614141000415', identifier: ']I0' },
  { format: 'code128', text: 'CMD:FINISH', gs1: false, read: 'CMD:FINISH', identifier: ']C0' },
  { format: 'code128', text: '(01)09501101530003(10)AB12(17)261231', gs1: true, read: `010950110153000310AB12${GS}17261231`, identifier: ']C1' },
  { format: 'datamatrix', text: 'CMD:NEXT', gs1: false, read: 'CMD:NEXT', identifier: ']d1' },
  { format: 'datamatrix', text: '(01)09501101530003(10)AB12(17)261231', gs1: true, read: `010950110153000310AB12${GS}17261231`, identifier: ']d2' },
  // The port does not say whether a QR code is GS1: no identifier, and the parser reads the shape.
  { format: 'qrcode', text: 'CMD:UNDO', gs1: false, read: 'CMD:UNDO', identifier: undefined },
];

test.each(cases)('[DC10] @zxing/library reads a $format (GS1: $gs1) with the identifier ZXing-C++ gives, $identifier', async ({ format, text, gs1, read, identifier }) => {
  const decoded = await decoder.decode(toImage(await renderer.render(text, format, { gs1 })));
  expect(decoded).toEqual({ text: read, format, ...(identifier ? { symbologyIdentifier: identifier } : {}) });
});

test('[DC10] on the sample photos its identifiers match what zxing records (GS1-128 as ]C1)', async () => {
  const recorded = sampleSets
    .filter((set) => set.format !== null && set.format !== 'itf' && set.format !== 'qrcode')
    .flatMap(loadSampleSet)
    .filter((sample) => sample.metadata.has('SYMBOLOGY_IDENTIFIER'));
  const reads = [];
  for (const sample of recorded) reads.push({ sample, decoded: await decoder.decode(sample.image) });
  const compared = reads.filter((r) => r.decoded !== null);
  expect(compared.length).toBeGreaterThanOrEqual(5);
  for (const { sample, decoded } of compared) expect(decoded?.symbologyIdentifier, sample.file).toBe(sample.metadata.get('SYMBOLOGY_IDENTIFIER'));
});

test('[DC10] reading GS1 adds no wrong Code 128 read: a check character equal to FNC1 is not a trailing GS', async () => {
  const samples = sampleSets.filter((set) => set.format === 'code128').flatMap(loadSampleSet);
  const reads = [];
  for (const sample of samples) reads.push({ file: sample.file, text: (await decoder.decode(sample.image))?.text, expected: sample.expectedText });
  expect(reads.filter((r) => r.text !== r.expected)).toEqual([]);
});

// The port wants more white around a symbol than the writer's quiet zones: 20 px more on each side.
function toImage(modules: BarcodeModules, scale = 4, margin = 20): ImageDataLike {
  const width = modules.width * scale + 2 * margin;
  const height = modules.height * scale + 2 * margin;
  const data = new Uint8ClampedArray(width * height * 4).fill(255);
  for (let y = 0; y < modules.height * scale; y++) {
    for (let x = 0; x < modules.width * scale; x++) {
      const at = ((y + margin) * width + x + margin) * 4;
      if (modules.isDark(Math.floor(x / scale), Math.floor(y / scale))) data.fill(0, at, at + 3);
    }
  }
  return { width, height, data };
}
