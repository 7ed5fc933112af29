import { expect, test } from 'vitest';
import { gs1LinterNames } from './gs1-ai-table.generated.js';
import { checkCharacterPair } from './gs1-check-characters.js';
import { gs1Linters, lint } from './gs1-linters.js';
import { isoDateSchema } from './iso-date.js';
import { parseBarcode } from './parse-barcode.js';

const today = isoDateSchema.parse('2026-05-10');
const outcome = (name: (typeof gs1LinterNames)[number], value: string) => lint(name, value, today)?.reason ?? 'ok';

test('[BC21] every linter the dictionary names is either checked or passed for a stated reason', () => {
  for (const name of gs1LinterNames) {
    const policy = gs1Linters[name];
    expect('check' in policy || policy.unchecked.length > 20, name).toBe(true);
  }
});

test('[BC21] the linters passed unchecked are exactly the ones docs/barcodes.md lists', () => {
  const unchecked = gs1LinterNames.filter((name) => 'unchecked' in gs1Linters[name]);
  expect(unchecked).toEqual(['couponcode', 'couponposoffer', 'iban', 'iso3166', 'iso3166999', 'iso3166alpha2', 'packagetype']);
});

test('[BC21] an unchecked linter lets the value through; the format around it is still checked', () => {
  expect(outcome('iso3166', '999')).toBe('ok');
  const parsed = parseBarcode('(01)09501101530003(422)15A', { today });
  expect(parsed.ok ? parsed.value : parsed.rejection.reason).toBe('BAD_FORMAT');
});

// Test vectors from GS1's reference linter tests (gs1-syntax-engine, lint_csumalpha.c).
test.each([
  ['1987654Ad4X4bL5ttr2310c2K', 'ok'],
  ['12345678901234567890123NT', 'ok'],
  ['12345_!"%&\'()*+,-./LC', 'ok'],
  ['00000!HV', 'ok'],
  ['22', 'ok'],
  ['1987654Ad4X4bL5ttr2310cXK', 'BAD_CHECK_DIGIT'],
  ['1987654Ad4X4bL5ttr2310c2X', 'BAD_CHECK_DIGIT'],
  ['2', 'BAD_CHECK_DIGIT'],
])('[BC20] csumalpha: %s is %s', (value, expected) => {
  expect(outcome('csumalpha', value)).toBe(expected);
});

test('[BC20] the check character pair is computed, not only compared', () => {
  expect(checkCharacterPair('1987654Ad4X4bL5ttr2310c')).toBe('2K');
});

test('[BC20] a GMN (8013) with a wrong check pair is refused in a scan', () => {
  const parsed = parseBarcode('(8013)1987654Ad4X4bL5ttr2310cXK', { today });
  expect(parsed.ok ? parsed.value : parsed.rejection.reason).toBe('BAD_CHECK_DIGIT');
});

test.each([
  ['hh', '23', 'ok'],
  ['hh', '24', 'BAD_TIME'],
  ['mi', '59', 'ok'],
  ['mi', '60', 'BAD_TIME'],
  ['ss', '60', 'BAD_TIME'],
  ['hhmi', '0000', 'ok'],
  ['hhmi', '2359', 'ok'],
  ['hhmi', '2400', 'BAD_TIME'],
  ['hhmi', '1260', 'BAD_TIME'],
] as const)('[BC26] %s %s is %s', (name, value, expected) => {
  expect(outcome(name, value)).toBe(expected);
});

test.each([
  ['156', 'ok'],
  ['344', 'ok'],
  ['978', 'ok'],
  ['999', 'ok'],
  ['000', 'BAD_CURRENCY'],
  ['157', 'BAD_CURRENCY'],
  ['CNY', 'BAD_CURRENCY'],
])('[BC22] currency %s is %s', (value, expected) => {
  expect(outcome('iso4217', value)).toBe(expected);
});

test.each([
  ['gcppos1', '0614141000418', 'ok'],
  ['gcppos1', '061A', 'BAD_VALUE'],
  ['gcppos2', '9061A', 'BAD_VALUE'],
  ['yesno', '1', 'ok'],
  ['yesno', '2', 'BAD_VALUE'],
  ['zero', '1', 'BAD_VALUE'],
  ['nonzero', '0000', 'BAD_VALUE'],
  ['nonzero', '0010', 'ok'],
  ['winding', '9', 'ok'],
  ['winding', '2', 'BAD_VALUE'],
  ['hyphen', '-', 'ok'],
  ['iso5218', '9', 'ok'],
  ['iso5218', '3', 'BAD_VALUE'],
  ['nozeroprefix', '0', 'ok'],
  ['nozeroprefix', '012', 'BAD_VALUE'],
  ['hasnondigit', '123', 'BAD_VALUE'],
  ['hasnondigit', '12A', 'ok'],
  ['pcenc', 'A%20B', 'ok'],
  ['pcenc', 'A%2', 'BAD_VALUE'],
  ['pcenc', 'A%G0', 'BAD_VALUE'],
  ['pieceoftotal', '0103', 'ok'],
  ['pieceoftotal', '0301', 'BAD_VALUE'],
  ['pieceoftotal', '0003', 'BAD_VALUE'],
  ['pieceoftotal', '013', 'BAD_VALUE'],
  ['posinseqslash', '9/10', 'ok'],
  ['posinseqslash', '10/9', 'BAD_VALUE'],
  ['posinseqslash', '01/2', 'BAD_VALUE'],
  ['mediatype', '10', 'ok'],
  ['mediatype', '11', 'BAD_VALUE'],
  ['mediatype', '80', 'ok'],
  ['importeridx', '_', 'ok'],
  ['importeridx', '!', 'BAD_VALUE'],
  ['latitude', '1800000000', 'ok'],
  ['latitude', '1800000001', 'BAD_VALUE'],
  ['longitude', '3600000001', 'BAD_VALUE'],
] as const)('[BC23] %s %s is %s', (name, value, expected) => {
  expect(outcome(name, value)).toBe(expected);
});
