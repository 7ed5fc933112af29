import { expect, test } from 'vitest';
import type { BarcodeRejectionReason } from './barcode-rejection.js';
import { isoDateSchema } from './iso-date.js';
import { parseBarcode, type ParseOptions } from './parse-barcode.js';
import type { ScanSymbology } from './symbology.js';

const today = isoDateSchema.parse('2026-05-10');
const parse = (text: string, symbology?: ScanSymbology) => parseBarcode(text, { today, symbology } satisfies ParseOptions);
const outcome = (text: string, symbology?: ScanSymbology) => {
  const parsed = parse(text, symbology);
  return parsed.ok ? parsed.value : parsed.rejection.reason;
};

test.each([
  ['6901234567892', undefined, '06901234567892', 'ean-13'],
  ['9501101530003', 'ean-13', '09501101530003', 'ean-13'],
  ['4006381333931', undefined, '04006381333931', 'ean-13'],
  [']E04006381333931', undefined, '04006381333931', 'ean-13'],
  ['96385074', undefined, '00000096385074', 'ean-8'],
  [']E496385074', undefined, '00000096385074', 'ean-8'],
  ['036000291452', undefined, '00036000291452', 'upc-a'],
  ['036000291452', 'upc-a', '00036000291452', 'upc-a'],
  ['10614141000415', undefined, '10614141000415', 'gtin-14'],
] as const)('[BC4] %s (hint %s) is GTIN-14 %s read as %s', (text, symbology, gtin14, format) => {
  expect(outcome(text, symbology)).toEqual({ kind: 'gtin', gtin14, format });
});

test.each([
  ['036000291452', undefined],
  ['0036000291452', undefined],
  [']E00036000291452', undefined],
  [']E0036000291452', 'upc-a'],
  ['0036000291452', 'ean-13'],
  ['036000291452', 'ean-13'],
] as const)('[BC5] UPC-A as %s (hint %s) normalises to the same GTIN-14', (text, symbology) => {
  const parsed = outcome(text, symbology);
  expect(typeof parsed === 'object' && 'gtin14' in parsed && parsed.gtin14).toBe('00036000291452');
});

test.each<[string, ScanSymbology | undefined, BarcodeRejectionReason]>([
  ['6901234567893', undefined, 'BAD_CHECK_DIGIT'],
  ['96385075', undefined, 'BAD_CHECK_DIGIT'],
  ['036000291453', undefined, 'BAD_CHECK_DIGIT'],
  ['10614141000416', undefined, 'BAD_CHECK_DIGIT'],
  [']E04006381333932', undefined, 'BAD_CHECK_DIGIT'],
])('[BC4] %s with a wrong check digit is refused', (text, symbology, reason) => {
  expect(outcome(text, symbology)).toBe(reason);
});

test.each<[string, ScanSymbology | undefined, BarcodeRejectionReason]>([
  ['69012345678', 'ean-13', 'BAD_LENGTH'],
  ['690123456789012', 'ean-13', 'BAD_LENGTH'],
  ['9638507', 'ean-8', 'BAD_LENGTH'],
  ['4006381333931', 'ean-8', 'BAD_LENGTH'],
  [']E4036000291452', undefined, 'BAD_LENGTH'],
  ['69012345678A2', 'ean-13', 'BAD_FORMAT'],
  ['1234565', 'upc-e', 'BAD_LENGTH'],
])('[BC8] %s as %s is refused', (text, symbology, reason) => {
  expect(outcome(text, symbology)).toBe(reason);
});

test.each([
  [']I110614141000415', undefined],
  [']I010614141000415', undefined],
  ['10614141000415', 'itf'],
] as const)('[BC9] ITF-14 %s (hint %s) is accepted as a 14-digit GTIN', (text, symbology) => {
  expect(outcome(text, symbology)).toEqual({ kind: 'gtin', gtin14: '10614141000415', format: 'itf-14' });
});

test.each([
  [']I1061414100041', undefined],
  [']I1036000291452', undefined],
  ['036000291452', 'itf'],
  ['1061414100041500', 'itf'],
  [']I01061414100041500', undefined],
  ['123456', 'itf'],
] as const)('[BC9] ITF %s (hint %s) that is not 14 digits is refused', (text, symbology) => {
  expect(outcome(text, symbology)).toBe('BAD_LENGTH');
});

test('[BC9] an ITF-14 with a wrong check digit is refused', () => {
  expect(outcome(']I110614141000416')).toBe('BAD_CHECK_DIGIT');
});

test('[BC9] the ITF length rejection says what is accepted', () => {
  const parsed = parse('036000291452', 'itf');
  expect(parsed.ok ? undefined : parsed.rejection.message).toBe('ITF: only 14 digits are accepted here; got 12.');
});
