import { expect, test } from 'vitest';
import { readBadgeScan } from './badge-scan.js';

// What store-01's device downloaded: its own two clerks only.
const staff = [
  { id: 'u-01-c1', displayName: '王芳' },
  { id: 'u-01-c2', displayName: '李强' },
];

test('[HO2] a badge of one of this store\'s clerks chooses that clerk', () => {
  expect(readBadgeScan(']Q1CLERK:u-01-c2', staff)).toEqual({ ok: true, clerk: staff[1] });
});

test.each([
  ['another store\'s clerk', 'CLERK:u-02-c1', 'unknown_clerk'],
  ['this store\'s manager', 'CLERK:u-01-m', 'unknown_clerk'],
  ['a damaged badge', 'CLERK:u-01\u0000', 'damaged_badge'],
  ['an empty badge', 'CLERK:', 'damaged_badge'],
  ['a huge badge', `CLERK:${'9'.repeat(50_000)}`, 'damaged_badge'],
  ['a bag label', 'ORDER:D20261123-00042', 'not_a_badge'],
  ['a product', '6902000000018', 'not_a_badge'],
  ['a command', 'CMD:FINISH', 'not_a_badge'],
  ['nothing', '', 'not_a_badge'],
] as const)('[HO3] %s is refused as %s and chooses nobody', (_what, scan, problem) => {
  expect(readBadgeScan(scan, staff)).toEqual({ ok: false, problem });
});

test('[HO3] with no clerk list on the device, no badge is accepted', () => {
  expect(readBadgeScan('CLERK:u-01-c1', [])).toEqual({ ok: false, problem: 'unknown_clerk' });
});
