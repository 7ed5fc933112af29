import { existsSync } from 'node:fs';
import { beforeAll, expect, test } from 'vitest';
import { barcodeSamplesDir, loadSampleSet, sampleSets, type SampleSet } from './test/barcode-samples.js';
import { decodeSamples, scoreSet, type SampleRead } from './test/decode-samples.js';
import { readZxingWasmBinary } from './test/zxing-wasm-binary.js';
import { createZxingWasmDecoder } from './zxing-wasm-decoder.js';

// Rules: docs/decoders.md. Every set is decoded once; the tests read the results.
const readsBySet = new Map<string, SampleRead[]>();
let loadFailure: unknown;

beforeAll(async () => {
  const decoder = createZxingWasmDecoder({ wasm: { binary: readZxingWasmBinary() } });
  try {
    for (const set of sampleSets) readsBySet.set(set.name, await decodeSamples(decoder, loadSampleSet(set)));
  } catch (error) {
    // Vitest skips every test of a file whose beforeAll throws; missing samples must fail them.
    loadFailure = error;
  }
});

function readsOf(set: SampleSet): SampleRead[] {
  if (loadFailure) throw loadFailure;
  return readsBySet.get(set.name) ?? [];
}
const withCodes = sampleSets.filter((set) => set.format !== null);

test('[DC0] the barcode samples are beside the repo', () => {
  expect(existsSync(barcodeSamplesDir), `missing ${barcodeSamplesDir}: CI keeps ../shared/barcode-samples beside the repo`).toBe(true);
});

test.each(withCodes)('[DC1] reads at least as many $name photos as zxing Java does ($readByZxingJava)', (set) => {
  expect(scoreSet(set, readsOf(set)).read).toBeGreaterThanOrEqual(set.readByZxingJava);
});

test.each(sampleSets)('[DC2] never returns a text other than the expected one in $name', (set) => {
  const wrong = readsOf(set).filter((r) => r.decoded && r.decoded.text !== r.sample.expectedText);
  expect(wrong.map((r) => `${r.sample.file}: ${r.decoded?.text}`)).toEqual([]);
});

test('[DC3] reads nothing in falsepositives', () => {
  const set = sampleSets.find((s) => s.name === 'falsepositives')!;
  expect(readsOf(set).length).toBeGreaterThan(0);
  expect(readsOf(set).filter((r) => r.decoded).map((r) => r.sample.file)).toEqual([]);
});

test.each(withCodes)('[DC4] reports the symbology printed on every $name read', (set) => {
  const formats = new Set(readsOf(set).flatMap((r) => (r.decoded ? [r.decoded.format] : [])));
  expect([...formats]).toEqual([set.format]);
});

test('[DC5] reports the symbology identifier zxing records, GS1-128 as ]C1', () => {
  const recorded = withCodes
    .filter((set) => set.format !== 'itf')
    .flatMap(readsOf)
    .filter((r) => r.sample.metadata.has('SYMBOLOGY_IDENTIFIER'));
  expect(recorded.length).toBeGreaterThanOrEqual(6);
  for (const r of recorded) expect(r.decoded?.symbologyIdentifier, r.sample.file).toBe(r.sample.metadata.get('SYMBOLOGY_IDENTIFIER'));
});
