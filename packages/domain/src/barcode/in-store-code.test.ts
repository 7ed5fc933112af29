import { expect, test } from 'vitest';
import { withCheckDigit } from './gtin.js';
import { inStoreCodeLayoutSchema, readInStoreCode, type InStoreCodeLayout } from './in-store-code.js';
import { isoDateSchema } from './iso-date.js';
import { parseBarcode } from './parse-barcode.js';

const today = isoDateSchema.parse('2026-05-10');
// A chain printing prices under prefix 2 and weights under 22: 2 + 6-digit item + 5-digit fen;
// 22 + 5-digit item + 5-digit grams.
const priced = inStoreCodeLayoutSchema.parse({ prefix: '2', itemDigits: 6, valueDigits: 5, valueKind: 'price' });
const weighed = inStoreCodeLayoutSchema.parse({ prefix: '22', itemDigits: 5, valueDigits: 5, valueKind: 'weight' });
const parse = (text: string) => parseBarcode(text, { today, inStoreLayouts: [priced, weighed] });
const value = (text: string) => {
  const parsed = parse(text);
  return parsed.ok ? parsed.value : parsed.rejection.reason;
};

test.each([
  [withCheckDigit('212345601234'), '123456', { kind: 'price', fen: 1234 }],
  [withCheckDigit('200000100000'), '000001', { kind: 'price', fen: 0 }],
  [withCheckDigit('299999999999'), '999999', { kind: 'price', fen: 99999 }],
  [withCheckDigit('220001200150'), '00012', { kind: 'weight', grams: 150 }],
  [withCheckDigit('220001201234'), '00012', { kind: 'weight', grams: 1234 }],
])('[BC29] in-store code %s is item %s with %o', (code, itemCode, measure) => {
  expect(value(code)).toEqual({ kind: 'in_store', code, itemCode, measure });
});

test('[BC29] the EAN-13 check digit of an in-store code is verified', () => {
  expect(value('2123456012340')).toBe('BAD_CHECK_DIGIT');
});

test('[BC30] the longest matching prefix wins: 22… is weighed even though 2… is priced', () => {
  const parsed = value(withCheckDigit('220001200150'));
  expect(typeof parsed === 'object' && parsed.kind === 'in_store' && parsed.measure.kind).toBe('weight');
});

test.each([withCheckDigit('690123456789'), '0036000291452'])('[BC30] %s matches no layout and stays a GTIN', (code) => {
  expect(value(code)).toMatchObject({ kind: 'gtin' });
});

test('[BC30] without layouts a 2-prefixed EAN-13 is an ordinary GTIN', () => {
  const parsed = parseBarcode(withCheckDigit('212345601234'), { today });
  expect(parsed.ok && parsed.value.kind).toBe('gtin');
});

test.each([
  { prefix: '2', itemDigits: 6, valueDigits: 6, valueKind: 'price' },
  { prefix: '21', itemDigits: 6, valueDigits: 5, valueKind: 'price' },
  { prefix: '6', itemDigits: 6, valueDigits: 5, valueKind: 'price' },
  { prefix: '2', itemDigits: 6, valueDigits: 5, valueKind: 'volume' },
])('[BC29] the layout schema refuses %o', (layout) => {
  expect(inStoreCodeLayoutSchema.safeParse(layout).success).toBe(false);
});

test('[BC29] a layout that skipped the schema and does not add up is refused at read time', () => {
  const broken: InStoreCodeLayout = { prefix: '2', itemDigits: 7, valueDigits: 5, valueKind: 'price' };
  const read = readInStoreCode(withCheckDigit('212345601234'), broken);
  expect(read.ok ? read.value : read.rejection.reason).toBe('INVALID_LAYOUT');
});
