import { expect, test } from 'vitest';
import { SightingFilter } from './sighting-filter.js';

const A = ']E06902000000018';
const B = ']E496385074';

/** Feeds frames [text or null, ms] and returns the texts that counted. */
function counted(frames: readonly (readonly [string | null, number])[]): string[] {
  const filter = new SightingFilter(1500);
  return frames.filter(([text, at]) => filter.countsAsScan(text, at)).map(([text]) => text!);
}

test('[BC38] a text read on one frame only never counts: a misread with a valid check digit is not a scan', () => {
  expect(counted([[A, 0]])).toEqual([]);
  expect(counted([[A, 0], [null, 33], [A, 66], [null, 100], [A, 133]])).toEqual([]);
  expect(counted([[A, 0], [B, 33], [A, 66], [B, 100]])).toEqual([]);
});

test('[BC38] the same text on two consecutive frames counts once, on the second', () => {
  const filter = new SightingFilter(1500);
  expect([0, 33, 66, 1000].map((at) => filter.countsAsScan(A, at))).toEqual([false, true, false, false]);
});

test('[BC38] a code held in view keeps counting as one scan: each sighting restarts the quiet time', () => {
  expect(counted([[A, 0], [A, 33], [A, 1400], [null, 1450], [A, 2800], [A, 4200], [A, 4233]])).toEqual([A]);
});

test('[BC38] a one-frame misread while a code is held does not make the held code count again', () => {
  expect(counted([[A, 0], [A, 33], [B, 66], [A, 100], [A, 133]])).toEqual([A]);
});

test('[BC38] the same code after a quiet time, or another confirmed code, is a new scan', () => {
  expect(counted([[A, 0], [A, 33], [A, 1600], [A, 1633]])).toEqual([A, A]);
  expect(counted([[A, 0], [A, 33], [B, 100], [B, 133], [A, 200], [A, 233]])).toEqual([A, B, A]);
});
