import { expect, test } from 'vitest';
import { barcodeRejectionReasons, type BarcodeRejectionReason } from './barcode-rejection.js';
import { isoDateSchema } from './iso-date.js';
import { parseBarcode, type ParseOptions } from './parse-barcode.js';

const today = isoDateSchema.parse('2026-05-10');
const parse = (text: string, extra: Partial<ParseOptions> = {}) => parseBarcode(text, { today, ...extra });
const kindOf = (text: string, extra: Partial<ParseOptions> = {}) => {
  const parsed = parse(text, extra);
  return parsed.ok ? parsed.value.kind : parsed.rejection.reason;
};

test.each(['6901234567892\r\n', '6901234567892\n', '\t6901234567892\t', ' 6901234567892 '])(
  '[BC1] wedge noise around %j is trimmed',
  (text) => {
    expect(parse(text)).toEqual({ ok: true, value: { kind: 'gtin', gtin14: '06901234567892', format: 'ean-13' } });
  },
);

test.each(['', '   ', '\r\n'])('[BC1] an empty scan %j is refused', (text) => {
  expect(kindOf(text)).toBe('EMPTY_SCAN');
});

test('[BC1] a GS at the very end survives the trim and is ignored as a trailing separator', () => {
  expect(kindOf(']C1010950110153000310AB\x1D\r\n')).toBe('gs1');
});

test.each([
  [']C1010950110153000310ABC '],
  [']C1010950110153000310ABC \r\n'],
  [']d2010950110153000310ABC '],
  ['(01)09501101530003(10)ABC '],
  ['010950110153000310ABC \r\n'],
  [']C1010950110153000310 ABC'],
])('[BC36] a space in GS1 data %j is data, never trimmed: refused as BAD_FORMAT', (text) => {
  const parsed = parse(text);
  expect(parsed.ok ? parsed.value : parsed.rejection).toMatchObject({ reason: 'BAD_FORMAT' });
});

test('[BC36] wedge noise around GS1 data is still trimmed, the data is not', () => {
  expect(parse('\t]C1010950110153000310ABC\r\n')).toMatchObject({ ok: true, value: { kind: 'gs1', elements: [{}, { ai: '10', data: 'ABC' }] } });
  expect(parse('  0109501101530003\r\n')).toMatchObject({ ok: true, value: { kind: 'gs1', gtin14: '09501101530003' } });
});

test.each([' ]E06901234567892 ', ']E0 6901234567892 ', ' CMD:UNDO ', ' ]Q1CMD:UNDO '])('[BC36] spaces around a GTIN or command %j are noise: no data is changed by trimming them', (text) => {
  expect(parse(text).ok).toBe(true);
});

test.each([
  [']C10109501101530003', 'gs1'],
  [']e00109501101530003', 'gs1'],
  [']d20109501101530003', 'gs1'],
  [']Q30109501101530003', 'gs1'],
  [']E06901234567892', 'gtin'],
  [']E496385074', 'gtin'],
  [']I110614141000415', 'gtin'],
  [']C0CMD:UNDO', 'command'],
  [']d1CMD:UNDO', 'command'],
  [']Q1CMD:UNDO', 'command'],
])('[BC2] %s is read as %s', (text, kind) => {
  expect(kindOf(text)).toBe(kind);
});

test.each([']A0ABC', ']X0123', ']F0123', ']E36901234567892', ']L2ABC'])('[BC2] %s is an unsupported symbology', (text) => {
  expect(kindOf(text)).toBe('UNSUPPORTED_SYMBOLOGY');
});

// Every identifier ZXing-C++ (the camera's decoder) reports for the eight formats it reads, with
// the decision for each. DMRE (rectangular DataMatrix) adds 6 to the modifier; ECI never changes it
// in the decoder's output; `]E3` needs add-ons, which the decoder ignores, so it never comes.
test.each([
  [']E0', '6901234567892', 'gtin'],
  [']E4', '96385074', 'gtin'],
  [']I0', '10614141000415', 'gtin'],
  [']I1', '10614141000415', 'gtin'],
  [']C0', 'CMD:UNDO', 'command'],
  [']C1', '0109501101530003', 'gs1'],
  [']d1', 'CMD:UNDO', 'command'],
  [']d2', '0109501101530003', 'gs1'],
  [']d7', 'CMD:UNDO', 'command'],
  [']d8', '0109501101530003', 'gs1'],
  [']Q0', 'CMD:UNDO', 'command'],
  [']Q1', 'CMD:UNDO', 'command'],
  [']Q3', '0109501101530003', 'gs1'],
  [']C2', 'A0109501101530003', 'UNSUPPORTED_SYMBOLOGY'],
  [']d3', 'A0109501101530003', 'UNSUPPORTED_SYMBOLOGY'],
  [']d9', 'A0109501101530003', 'UNSUPPORTED_SYMBOLOGY'],
  [']Q5', 'A0109501101530003', 'UNSUPPORTED_SYMBOLOGY'],
  // Not from the decoder, but from a handheld that sends ECI-protocol data: refused, not guessed.
  [']Q2', 'CMD:UNDO', 'UNSUPPORTED_SYMBOLOGY'],
  [']d5', '0109501101530003', 'UNSUPPORTED_SYMBOLOGY'],
])('[BC35] the decoder\'s identifier %s with %s is read as %s', (identifier, data, kind) => {
  expect(kindOf(identifier + data)).toBe(kind);
});

test('[BC35] a GS1 DMRE label (]d8) reads like a square GS1 DataMatrix', () => {
  const label = `]d8010950110153000317261231${'\x1D'}10AB12`;
  expect(parse(label)).toEqual(parse(label.replace(']d8', ']d2')));
  expect(parse(label)).toMatchObject({ ok: true, value: { kind: 'gs1', gtin14: '09501101530003', expiry: '2026-12-31' } });
});

test.each([
  [']C2', 'Code 128'],
  [']d3', 'DataMatrix'],
  [']Q5', 'QR code'],
])('[BC35] %s (FNC1 in second position: an AIM application, not GS1) is refused by name, as %s', (identifier, name) => {
  const parsed = parse(`${identifier}A0109501101530003`);
  expect(parsed.ok ? parsed.value : parsed.rejection).toMatchObject({ reason: 'UNSUPPORTED_SYMBOLOGY' });
  expect(parsed.ok || parsed.rejection.message).toContain(name);
});

test('[BC2] the identifier wins over the hint', () => {
  expect(kindOf(']C10109501101530003', { symbology: 'ean-13' })).toBe('gs1');
});

test.each<[string, Partial<ParseOptions>, string]>([
  ['CMD:FINISH', {}, 'command'],
  ['6901234567892', {}, 'gtin'],
  ['6901234567892', { symbology: 'code-128' }, 'gtin'],
  ['0109501101530003', {}, 'gs1'],
  ['0109501101530003', { symbology: 'data-matrix' }, 'gs1'],
  ['(01)09501101530003', { symbology: 'qr-code' }, 'gs1'],
  ['10AB\x1D0109501101530003', {}, 'gs1'],
  ['10AB~0109501101530003', { separators: ['~'] }, 'gs1'],
  ['0109501101530003', { symbology: 'gs1-128' }, 'gs1'],
  ['https://example.com/01/09501101530003', {}, 'UNRECOGNISED_BARCODE'],
  ['HELLO', { symbology: 'code-128' }, 'UNRECOGNISED_BARCODE'],
  ['123456789', {}, 'UNRECOGNISED_BARCODE'],
  ['1061414100041500', {}, 'UNRECOGNISED_BARCODE'],
])('[BC3] %j with %o is read by its shape as %s', (text, extra, kind) => {
  expect(kindOf(text, extra)).toBe(kind);
});

// Every kind of bad scan, one per reason parseBarcode can give.
const badScans: [string, Partial<ParseOptions>, BarcodeRejectionReason][] = [
  ['', {}, 'EMPTY_SCAN'],
  [']X0123', {}, 'UNSUPPORTED_SYMBOLOGY'],
  ['HELLO', {}, 'UNRECOGNISED_BARCODE'],
  ['69012345678A2', { symbology: 'ean-13' }, 'BAD_FORMAT'],
  ['69012345678', { symbology: 'ean-13' }, 'BAD_LENGTH'],
  ['6901234567893', {}, 'BAD_CHECK_DIGIT'],
  ['(23)1', {}, 'UNKNOWN_AI'],
  [']C1010950110153000310ABCDEFGHIJKLMNOPQRSTUVWXYZ', {}, 'MISSING_SEPARATOR'],
  ['(10)A(10)B', {}, 'DUPLICATE_AI'],
  ['(01)09501101530003(02)09501101530003', {}, 'INVALID_AI_PAIR'],
  ['(17)260230', {}, 'BAD_DATE'],
  ['(8008)26051024', {}, 'BAD_TIME'],
  ['(3932)0001999', {}, 'BAD_CURRENCY'],
  ['(4321)2', {}, 'BAD_VALUE'],
];

test.each(badScans)('[BC34] %j is refused with %s and a sentence', (text, extra, reason) => {
  const parsed = parse(text, extra);
  expect(parsed.ok).toBe(false);
  if (parsed.ok) return;
  expect(parsed.rejection.reason).toBe(reason);
  expect(parsed.rejection.message).toMatch(/^[A-Z("].*[.]$/);
});

test('[BC34] no input makes the parser throw', () => {
  const inputs = ['\x1D', ']', ']C1', '((', '()', '(01', '0', ']E0', ']I1', '\x1D\x1D\x1D', '<GS>', '(99)', '2'.repeat(200)];
  for (const text of inputs) {
    const parsed = parse(text);
    if (!parsed.ok) expect(barcodeRejectionReasons).toContain(parsed.rejection.reason);
  }
});
