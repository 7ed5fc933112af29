import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { BarcodeFormat, ImageDataLike } from '../barcode-decoder.js';
import { loadPng } from './load-png.js';

/** zxing's black-box photos live beside the repo, never inside it (Apache-2.0, LICENSE-zxing). */
export const barcodeSamplesDir = path.resolve(import.meta.dirname, '../../../..', '../shared/barcode-samples');

/** A sample folder and what zxing's Java tests read from it (TRY_HARDER, rotation 0). */
export interface SampleSet {
  readonly name: string;
  /** The symbology every image in the folder carries; null for the folder of non-codes. */
  readonly format: BarcodeFormat | null;
  readonly readByZxingJava: number;
}

/** Every folder the tests and the bench measure; a read in `falsepositives` is a failure. */
export const sampleSets: readonly SampleSet[] = [
  { name: 'ean13-1', format: 'ean13', readByZxingJava: 32 },
  { name: 'ean8-1', format: 'ean8', readByZxingJava: 8 },
  { name: 'upca-1', format: 'upca', readByZxingJava: 18 },
  { name: 'upce-1', format: 'upce', readByZxingJava: 3 },
  { name: 'itf-1', format: 'itf', readByZxingJava: 14 },
  { name: 'code128-1', format: 'code128', readByZxingJava: 7 },
  { name: 'code128-3', format: 'code128', readByZxingJava: 2 },
  { name: 'qrcode-1', format: 'qrcode', readByZxingJava: 17 },
  { name: 'datamatrix-1', format: 'datamatrix', readByZxingJava: 23 },
  { name: 'falsepositives', format: null, readByZxingJava: 0 },
];

/** One photo with the text zxing expects from it (null in `falsepositives`). */
export interface Sample {
  readonly file: string;
  readonly image: ImageDataLike;
  readonly expectedText: string | null;
  /** `N.metadata.txt` as key/value pairs, e.g. SYMBOLOGY_IDENTIFIER=]C1. */
  readonly metadata: ReadonlyMap<string, string>;
}

/** Loads every PNG of a sample folder; throws a clear error when the folder is missing. */
export function loadSampleSet(set: SampleSet): Sample[] {
  const dir = path.join(barcodeSamplesDir, set.name);
  if (!existsSync(dir)) {
    throw new Error(`Barcode samples missing: expected ${dir} (../shared/barcode-samples beside the repo, as on CI)`);
  }
  return readdirSync(dir)
    .filter((name) => name.endsWith('.png'))
    .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
    .map((name) => loadSample(path.join(dir, name)));
}

function loadSample(file: string): Sample {
  const stem = file.slice(0, -'.png'.length);
  return {
    file: path.relative(barcodeSamplesDir, file),
    image: loadPng(file),
    expectedText: readIfPresent(`${stem}.txt`),
    metadata: new Map(
      (readIfPresent(`${stem}.metadata.txt`) ?? '')
        .split('\n')
        .filter((line) => line.includes('='))
        .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1).trim()]),
    ),
  };
}

function readIfPresent(file: string): string | null {
  return existsSync(file) ? readFileSync(file, 'utf8') : null;
}
