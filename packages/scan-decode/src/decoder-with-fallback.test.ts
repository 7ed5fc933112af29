import { expect, test } from 'vitest';
import type { BarcodeDecoder, DecodedBarcode } from './barcode-decoder.js';
import { withFallback } from './decoder-with-fallback.js';
import { loadSampleSet, sampleSets } from './test/barcode-samples.js';
import { toCameraFrame } from './test/camera-frame.js';
import { createZxingLibraryDecoder } from './zxing-library-decoder.js';
import { createZxingWasmDecoder } from './zxing-wasm-decoder.js';

// Rules: docs/decoders.md (DC9).
const ean13 = sampleSets.find((set) => set.name === 'ean13-1')!;
const photo = () => loadSampleSet(ean13).find((s) => s.file === 'ean13-1/1.png')!;

test('[DC9] a zxing-wasm reader whose .wasm cannot load turns to @zxing/library, which reads the photo', async () => {
  // Not WebAssembly at all: what a blocked or policy-refused .wasm looks like to the loader.
  const broken = createZxingWasmDecoder({ wasm: { binary: new TextEncoder().encode('<html>blocked</html>').buffer } });
  let loads = 0;
  const decoder = withFallback(broken, async () => (loads++, createZxingLibraryDecoder()));
  const sample = photo();

  expect(await decoder.decode(toCameraFrame(sample.image))).toMatchObject({ text: sample.expectedText, format: 'ean13', symbologyIdentifier: ']E0' });
  expect(decoder.name).toBe('@zxing/library');
  await decoder.decode(toCameraFrame(sample.image));
  expect(loads).toBe(1);
});

test('[DC9] while the wasm reader works the fallback is never loaded', async () => {
  const { readZxingWasmBinary } = await import('./test/zxing-wasm-binary.js');
  let loads = 0;
  const decoder = withFallback(createZxingWasmDecoder({ wasm: { binary: readZxingWasmBinary() } }), async () => (loads++, createZxingLibraryDecoder()));
  const sample = photo();
  expect(await decoder.decode(sample.image)).toMatchObject({ text: sample.expectedText });
  expect([decoder.name, loads]).toEqual(['zxing-wasm', 0]);
});

test('[DC9] once the first reader has answered, a failure is its own and does not switch readers', async () => {
  const answers: (DecodedBarcode | null | Error)[] = [null, new Error('one bad frame')];
  const flaky: BarcodeDecoder = {
    name: 'flaky',
    decode: async () => {
      const answer = answers.shift();
      if (answer instanceof Error) throw answer;
      return answer ?? null;
    },
  };
  let loads = 0;
  const decoder = withFallback(flaky, async () => (loads++, createZxingLibraryDecoder()));
  const image = photo().image;
  expect(await decoder.decode(image)).toBeNull();
  await expect(decoder.decode(image)).rejects.toThrow('one bad frame');
  expect([decoder.name, loads]).toEqual(['flaky', 0]);
});

test('[DC9] when the fallback cannot load either, the error names both failures', async () => {
  const broken: BarcodeDecoder = { name: 'zxing-wasm', decode: () => Promise.reject(new Error('wasm refused')) };
  const decoder = withFallback(broken, () => Promise.reject(new Error('chunk blocked')));
  await expect(decoder.decode(photo().image)).rejects.toThrow(/zxing-wasm could not load.*wasm refused.*chunk blocked/);
});
