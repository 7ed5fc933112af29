import { expect, test } from 'vitest';
import type { BarcodeRejectionReason } from './barcode-rejection.js';
import type { Gs1Element } from './gs1-element.js';
import { isoDateSchema } from './iso-date.js';
import { parseBarcode, type ParseOptions } from './parse-barcode.js';

const today = isoDateSchema.parse('2026-05-10');
const GS = '\x1D';
const parse = (text: string, extra: Partial<ParseOptions> = {}) => parseBarcode(text, { today, ...extra });
const elementsOf = (text: string, extra: Partial<ParseOptions> = {}) => {
  const parsed = parse(text, extra);
  if (!parsed.ok) return parsed.rejection.reason;
  return parsed.value.kind === 'gs1' ? parsed.value.elements.map((e: Gs1Element) => [e.ai, e.data]) : parsed.value.kind;
};
const reasonOf = (text: string, extra: Partial<ParseOptions> = {}) => {
  const parsed = parse(text, extra);
  return parsed.ok ? parsed.value : parsed.rejection.reason;
};

// GS1 DataMatrix Guideline example: GTIN, expiry 2014-07-04, batch AB-123.
const guideline = [['01', '09501101530003'], ['17', '140704'], ['10', 'AB-123']];

test.each([
  [`]C1010950110153000317140704${'10'}AB-123`],
  [`]e0010950110153000317140704${'10'}AB-123`],
  [`]d2010950110153000317140704${'10'}AB-123`],
  [`]Q3010950110153000317140704${'10'}AB-123`],
  [`010950110153000317140704${'10'}AB-123`],
])('[BC2] GS1 symbology identifiers are taken off: %s', (text) => {
  expect(elementsOf(text)).toEqual(guideline);
});

test('[BC2] the symbology read from the identifier is reported', () => {
  const parsed = parse(']d2010950110153000317140704');
  expect(parsed.ok && parsed.value.kind === 'gs1' && parsed.value.symbology).toBe('gs1-datamatrix');
});

test.each([
  ['GS (0x1D)', `]C10109501101530003${'10'}AB-123${GS}17140704`, {}],
  ['literal <GS>', `]C10109501101530003${'10'}AB-123<GS>17140704`, {}],
  ['a configured ~', `]C10109501101530003${'10'}AB-123~17140704`, { separators: ['~'] }],
  ['leading FNC1 as GS', `${GS}0109501101530003${'10'}AB-123${GS}17140704`, {}],
  ['a trailing separator', `]C10109501101530003${'10'}AB-123${GS}17140704${GS}`, {}],
  ['a GS after a predefined-length AI', `]C10109501101530003${GS}${'10'}AB-123${GS}17140704`, {}],
])('[BC12] the separator is understood as %s', (_form, text, extra) => {
  expect(elementsOf(text, extra)).toEqual([['01', '09501101530003'], ['10', 'AB-123'], ['17', '140704']]);
});

test('[BC12] a configured separator the scanner does not use changes nothing', () => {
  expect(elementsOf(`]C10109501101530003${'10'}AB-123${GS}17140704`, { separators: ['~'] })).toHaveLength(3);
});

test.each([
  ['(01)09501101530003(17)140704(10)AB-123', guideline],
  ['(00)106141411234567897', [['00', '106141411234567897']]],
  ['(01)09501101530003(3103)000750', [['01', '09501101530003'], ['3103', '000750']]],
  ['(10)A(B)1(01)09501101530003', [['10', 'A(B)1'], ['01', '09501101530003']]],
])('[BC13] bracketed text %s is read without separators', (text, expected) => {
  expect(elementsOf(text)).toEqual(expected);
});

test('[BC14] predefined-length AIs need no separator between them', () => {
  expect(elementsOf(']C101095011015300031714070411260101')).toEqual([
    ['01', '09501101530003'],
    ['17', '140704'],
    ['11', '260101'],
  ]);
});

test('[BC15] a missing separator at the very end is fine', () => {
  expect(elementsOf(']C1010950110153000310AB-123')).toEqual([['01', '09501101530003'], ['10', 'AB-123']]);
});

test('[BC16] a variable field running past its maximum means a missing separator', () => {
  const parsed = parse(`]C1010950110153000310ABCDEFGHIJKLMNOPQRSTUVWXYZ`);
  expect(parsed.ok ? parsed.value : parsed.rejection).toEqual({
    reason: 'MISSING_SEPARATOR',
    message: '(10) BATCH/LOT runs to 26 characters, more than its 20: the separator (FNC1) after it is missing.',
    details: { ai: '10', data: 'ABCDEFGHIJKLMNOPQRSTUVWXYZ' },
  });
});

test('[BC16] a numeric variable field that swallowed the next AI is caught the same way', () => {
  expect(reasonOf(']C1010950110153000339221999171407041012345')).toBe('MISSING_SEPARATOR');
});

test('[BC16] a fixed-length AI that wants a separator is split at its length when the separator is left out', () => {
  expect(elementsOf(']C10109501101530003800500012317140704')).toEqual([
    ['01', '09501101530003'],
    ['8005', '000123'],
    ['17', '140704'],
  ]);
});

test.each([
  ['FNC1 form', ']C10109501101530003230001'],
  ['FNC1 form, letters where an AI belongs', ']C10109501101530003AB'],
  ['bracketed form', '(01)09501101530003(23)0001'],
  ['bracketed form, 4-digit', '(01)09501101530003(3199)000001'],
])('[BC17] an AI that is not in the GS1 table is refused (%s)', (_form, text) => {
  expect(reasonOf(text)).toBe('UNKNOWN_AI');
});

test.each<[string, string, BarcodeRejectionReason]>([
  ['letters in a numeric AI', '(01)0950110153000A', 'BAD_FORMAT'],
  ['a lower-case letter outside CSET 39', '(8010)0614141abc', 'BAD_FORMAT'],
  ['a space in a CSET 82 field', '(10)AB 123', 'BAD_FORMAT'],
  ['a GTIN one digit short', '(01)0950110153000', 'BAD_LENGTH'],
  ['a GTIN one digit long', '(01)095011015300031', 'BAD_LENGTH'],
  ['an empty batch', `(01)09501101530003(10)`, 'BAD_LENGTH'],
  ['a predefined-length AI cut short by a separator', `]C10109501101530003171407${GS}10AB`, 'BAD_LENGTH'],
  ['a predefined-length AI cut short by the end', ']C1010950110153000317140', 'BAD_LENGTH'],
])('[BC18] %s is refused', (_case, text, reason) => {
  expect(reasonOf(text)).toBe(reason);
});

test('[BC19] the same AI twice with the same data is read once', () => {
  expect(elementsOf('(01)09501101530003(01)09501101530003')).toEqual([['01', '09501101530003']]);
});

test.each<[string, string, BarcodeRejectionReason]>([
  ['the same AI with different data', '(10)A(10)B', 'DUPLICATE_AI'],
  ['GTIN with CONTENT', '(01)09501101530003(02)09501101530003', 'INVALID_AI_PAIR'],
  ['two net weights in kg with different decimals', '(01)09501101530003(3100)000001(3101)000010', 'INVALID_AI_PAIR'],
  ['GTIN with COUNT', '(01)09501101530003(37)12', 'INVALID_AI_PAIR'],
])('[BC19] %s is refused', (_case, text, reason) => {
  expect(reasonOf(text)).toBe(reason);
});

test('[BC19] mandatory pairings are not enforced on one symbol: an expiry alone is read', () => {
  expect(elementsOf('(17)261231')).toEqual([['17', '261231']]);
});

test.each([
  ['FNC1 form', ']C10109501101530004'],
  ['bracketed form', '(01)09501101530004(17)140704'],
  ['GS1 DataMatrix', `]d2010950110153000417140704${'10'}AB-123`],
  ['an SSCC', '(00)106141411234567898'],
  ['a GLN', '(01)09501101530003(414)0614141999997'],
])('[BC20] a wrong check digit is refused (%s)', (_form, text) => {
  expect(reasonOf(text)).toBe('BAD_CHECK_DIGIT');
});

test('[BC20] the rejection names the AI and the data', () => {
  const parsed = parse(']C10109501101530004');
  expect(parsed.ok ? undefined : parsed.rejection.message).toBe('(01) GTIN "09501101530004": the check digit is wrong.');
});

test('[BC20] a valid GTIN and expiry give the scan its GTIN-14 and expiry date', () => {
  const parsed = parse('(01)09501101530003(17)261200');
  expect(parsed.ok && parsed.value.kind === 'gs1' && [parsed.value.gtin14, parsed.value.expiry]).toEqual(['09501101530003', '2026-12-31']);
});
