import type { BarcodeDecoder, DecodedBarcode } from '../barcode-decoder.js';
import type { Sample, SampleSet } from './barcode-samples.js';

/** One sample's outcome: a read is right only when its text equals the expected text exactly. */
export interface SampleRead {
  readonly sample: Sample;
  readonly decoded: DecodedBarcode | null;
  readonly ms: number;
}

/** Tallies of one decoder on one sample set. */
export interface SetScore {
  readonly images: number;
  readonly read: number;
  readonly wrong: number;
}

/** Decodes each sample in turn (sequentially, so timings do not overlap). */
export async function decodeSamples(decoder: BarcodeDecoder, samples: readonly Sample[]): Promise<SampleRead[]> {
  const reads: SampleRead[] = [];
  for (const sample of samples) {
    const start = performance.now();
    const decoded = await decoder.decode(sample.image);
    reads.push({ sample, decoded, ms: performance.now() - start });
  }
  return reads;
}

/** Read = right text; wrong = any other text, including any read in `falsepositives`. */
export function scoreSet(set: SampleSet, reads: readonly SampleRead[]): SetScore {
  const isRight = (r: SampleRead) => set.format !== null && r.decoded?.text === r.sample.expectedText;
  return {
    images: reads.length,
    read: reads.filter(isRight).length,
    wrong: reads.filter((r) => r.decoded && !isRight(r)).length,
  };
}
