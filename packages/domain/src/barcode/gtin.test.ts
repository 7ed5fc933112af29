import { expect, test } from 'vitest';
import { gs1CheckDigit, hasValidCheckDigit, withCheckDigit } from './gtin.js';

test.each([
  ['690123456789', 2],
  ['400638133393', 1],
  ['9501101530003'.slice(0, 12), 3],
  ['1061414100041', 5],
])('[GTIN1] check digit of %s is %i', (body, digit) => {
  expect(gs1CheckDigit(body)).toBe(digit);
  expect(hasValidCheckDigit(withCheckDigit(body))).toBe(true);
});

test('[GTIN2] a changed digit breaks the check', () => {
  expect(hasValidCheckDigit('6901234567892')).toBe(true);
  expect(hasValidCheckDigit('6901234567893')).toBe(false);
  expect(hasValidCheckDigit('69012345x7892')).toBe(false);
});
