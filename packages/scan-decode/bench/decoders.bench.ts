import { availableParallelism, cpus } from 'node:os';
import type { BarcodeDecoder } from '../src/barcode-decoder.js';
import { flattenOntoWhite } from '../src/flatten-onto-white.js';
import { loadSampleSet, sampleSets, type Sample, type SampleSet } from '../src/test/barcode-samples.js';
import { toCameraFrame } from '../src/test/camera-frame.js';
import { decodeSamples, scoreSet, type SampleRead } from '../src/test/decode-samples.js';
import { readZxingWasmBinary } from '../src/test/zxing-wasm-binary.js';
import { createZxingLibraryDecoder } from '../src/zxing-library-decoder.js';
import { createZxingWasmDecoder } from '../src/zxing-wasm-decoder.js';
import { checkBarcodeDetector } from './barcode-detector-check.js';
import { medianMs, printTable } from './print-table.js';

// Reads every sample photo as it is, then again placed on a 640x480 camera-sized frame, with
// each decoder in turn. A plain program, not a timed test: speed is reported, never asserted.
// Frames are decoded BENCH_ROUNDS times (default 3) so that one busy moment cannot move a median.
const rounds = Math.max(1, Number(process.env['BENCH_ROUNDS'] ?? 3));

const decoders: readonly BarcodeDecoder[] = [
  createZxingWasmDecoder({ wasm: { binary: readZxingWasmBinary() } }),
  createZxingLibraryDecoder(),
];

interface LoadedSet {
  readonly set: SampleSet;
  readonly photos: readonly Sample[];
  readonly frames: readonly Sample[];
}

console.log(`Machine: ${availableParallelism()} cores (${cpus()[0]?.model ?? 'unknown CPU'}), Node ${process.version}`);
const loaded: LoadedSet[] = sampleSets.map((set) => {
  const photos = loadSampleSet(set);
  // Flattened first: a camera frame is opaque.
  return { set, photos, frames: photos.map((s) => ({ ...s, image: toCameraFrame(flattenOntoWhite(s.image)) })) };
});

for (const decoder of decoders) {
  await decoder.decode(loaded[0]!.photos[0]!.image); // warm-up: the .wasm loads on first use
  const photoReads = await measure(decoder, 'photos', 1);
  const frameReads = await measure(decoder, 'frames', rounds);
  printTable(`${decoder.name}: sample photos as they are`, photoTable(photoReads));
  printTable(`${decoder.name}: the same photos centred on 640x480 frames`, [frameSummary(frameReads)]);
  printWrongReads(`${decoder.name}, photo`, photoReads.flat());
  printWrongReads(`${decoder.name}, frame`, frameReads.flat());
}

printTable('Native BarcodeDetector', (await checkBarcodeDetector()).map((result) => ({ result })));

/** Decodes every set `times` times; returns all reads, set by set in `loaded` order. */
async function measure(decoder: BarcodeDecoder, what: 'photos' | 'frames', times: number): Promise<SampleRead[][]> {
  const bySet: SampleRead[][] = loaded.map(() => []);
  for (let round = 0; round < times; round++) {
    for (const [i, set] of loaded.entries()) bySet[i]!.push(...(await decodeSamples(decoder, set[what])));
  }
  return bySet;
}

function photoTable(readsBySet: readonly SampleRead[][]) {
  const rows = loaded.map(({ set }, i) => ({
    set: set.name,
    ...scoreSet(set, readsBySet[i]!),
    'zxing Java reads': set.readByZxingJava,
    'median ms': medianMs(readsBySet[i]!.map((r) => r.ms)),
  }));
  const sum = (key: 'images' | 'read' | 'wrong' | 'zxing Java reads') => rows.reduce((n, r) => n + r[key], 0);
  const all = { set: 'all', images: sum('images'), read: sum('read'), wrong: sum('wrong'), 'zxing Java reads': sum('zxing Java reads') };
  return [...rows, { ...all, 'median ms': medianMs(readsBySet.flat().map((r) => r.ms)) }];
}

function frameSummary(readsBySet: readonly SampleRead[][]) {
  // Every round reads the same, so the scores are those of one round.
  const scores = loaded.map(({ set }, i) => scoreSet(set, readsBySet[i]!.slice(0, readsBySet[i]!.length / rounds)));
  const noCode = readsBySet[loaded.findIndex(({ set }) => set.format === null)] ?? [];
  return {
    frames: scores.reduce((n, s) => n + s.images, 0),
    read: scores.reduce((n, s) => n + s.read, 0),
    wrong: scores.reduce((n, s) => n + s.wrong, 0),
    'median ms, all frames': medianMs(readsBySet.flat().map((r) => r.ms)),
    'median ms, frames with no code': medianMs(noCode.map((r) => r.ms)),
  };
}

function printWrongReads(label: string, reads: readonly SampleRead[]): void {
  const wrong = reads.filter((r) => r.decoded && r.decoded.text !== r.sample.expectedText);
  // Rounds repeat the same reads: list each file once.
  for (const r of new Map(wrong.map((read) => [read.sample.file, read])).values()) {
    const expected = r.sample.expectedText === null ? 'no code' : JSON.stringify(r.sample.expectedText);
    console.log(`Wrong read (${label}) ${r.sample.file}: ${JSON.stringify(r.decoded?.text)} as ${r.decoded?.format}, expected ${expected}`);
  }
}
