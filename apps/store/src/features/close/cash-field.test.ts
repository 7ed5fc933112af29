import { expect, test } from 'vitest';
import { fenOf } from './cash-field.js';

test('[DL11] the cash collected is read as yuan with at most two decimals; anything else is not an amount', () => {
  expect(fenOf('12.5')).toBe(1250);
  expect(fenOf(' 12,05 ')).toBe(1205);
  expect(fenOf('0')).toBe(0);
  expect(fenOf('100000.00')).toBe(10_000_000);
  for (const bad of ['', '-1', '1.234', 'abc', '1e3', '100000.01', '12.5元', '\u0000', '\uD800']) expect(fenOf(bad)).toBeUndefined();
});
