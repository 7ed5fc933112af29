import { expect, test } from 'vitest';
import { RepeatFilter } from './repeat-filter.js';

test('the same code on the following frames is one scan', () => {
  const filter = new RepeatFilter(1500);
  expect([0, 33, 66, 1000].map((at) => filter.isNewScan('6902000000018', at))).toEqual([true, false, false, false]);
});

test('a code held in view keeps counting as one scan: each sighting restarts the quiet time', () => {
  const filter = new RepeatFilter(1500);
  expect([0, 1400, 2800, 4200].map((at) => filter.isNewScan('6902000000018', at))).toEqual([true, false, false, false]);
});

test('the same code after a quiet time, or another code, is a new scan', () => {
  const filter = new RepeatFilter(1500);
  expect(filter.isNewScan('6902000000018', 0)).toBe(true);
  expect(filter.isNewScan('6902000000018', 1500)).toBe(true);
  expect(filter.isNewScan('96385074', 1600)).toBe(true);
  expect(filter.isNewScan('6902000000018', 1700)).toBe(true);
});
