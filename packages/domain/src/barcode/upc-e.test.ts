import { expect, test } from 'vitest';
import { withCheckDigit } from './gtin.js';
import { isoDateSchema } from './iso-date.js';
import { parseBarcode } from './parse-barcode.js';
import { expandUpcE } from './upc-e.js';

const today = isoDateSchema.parse('2026-05-10');
const asUpcE = (text: string) => parseBarcode(text, { today, symbology: 'upc-e' });

// Every shape: number system 0 and 1 times each possible last digit. UPC-E body -> UPC-A without check.
const shapes: [numberSystem: string, body: string, upcA: string][] = ['0', '1'].flatMap((ns) => [
  [ns, '123450', `${ns}1200000345`],
  [ns, '123451', `${ns}1210000345`],
  [ns, '123452', `${ns}1220000345`],
  [ns, '123453', `${ns}1230000045`],
  [ns, '123454', `${ns}1234000005`],
  [ns, '123455', `${ns}1234500005`],
  [ns, '123456', `${ns}1234500006`],
  [ns, '123457', `${ns}1234500007`],
  [ns, '123458', `${ns}1234500008`],
  [ns, '123459', `${ns}1234500009`],
]);

test.each(shapes)('[BC6] UPC-E number system %s, digits %s expand to UPC-A %s', (ns, body, upcABody) => {
  const upcA = withCheckDigit(upcABody);
  const upcE = ns + body + upcA.slice(-1);
  expect(expandUpcE(upcE)).toEqual({ ok: true, value: upcA });
  expect(asUpcE(upcE)).toEqual({ ok: true, value: { kind: 'gtin', gtin14: `00${upcA}`, format: 'upc-e' } });
});

test.each(shapes)('[BC5] UPC-E %s%s, its UPC-A and the 13-digit form give one GTIN-14', (ns, body, upcABody) => {
  const upcA = withCheckDigit(upcABody);
  const gtins = [ns + body + upcA.slice(-1), upcA, `0${upcA}`].map((text) => {
    const parsed = asUpcE(text);
    return parsed.ok && parsed.value.kind === 'gtin' ? parsed.value.gtin14 : parsed;
  });
  expect(gtins).toEqual([`00${upcA}`, `00${upcA}`, `00${upcA}`]);
});

test.each([
  ['01234565', '012345000065'],
  ['04252614', '042100005264'],
])('[BC6] published example: UPC-E %s is UPC-A %s', (upcE, upcA) => {
  expect(expandUpcE(upcE)).toEqual({ ok: true, value: upcA });
});

test('[BC6] a UPC-E whose number system is not 0 or 1 is refused', () => {
  const parsed = asUpcE('21234565');
  expect(parsed.ok ? parsed.value : parsed.rejection.reason).toBe('BAD_FORMAT');
});

test('[BC6] the UPC-E check digit is verified on the expanded UPC-A', () => {
  const parsed = asUpcE('01234566');
  expect(parsed.ok ? parsed.value : parsed.rejection.reason).toBe('BAD_CHECK_DIGIT');
});

test('[BC7] without a hint 8 digits are an EAN-8; with the UPC-E hint the same digits are a UPC-E', () => {
  const bare = parseBarcode('01234565', { today });
  expect(bare.ok && bare.value).toEqual({ kind: 'gtin', gtin14: '00000001234565', format: 'ean-8' });
  expect(asUpcE('01234565')).toEqual({ ok: true, value: { kind: 'gtin', gtin14: '00012345000065', format: 'upc-e' } });
});

test('[BC7] a UPC-E behind ]E0 (how camera decoders and AIM-prefixing scanners send it) expands like a bare UPC-E', () => {
  const withPrefix = parseBarcode(']E004252614', { today: isoDateSchema.parse('2026-11-23') });
  const hinted = parseBarcode('04252614', { today: isoDateSchema.parse('2026-11-23'), symbology: 'upc-e' });
  expect(withPrefix).toMatchObject({ ok: true, value: { kind: 'gtin', format: 'upc-e' } });
  expect(withPrefix.ok && hinted.ok && withPrefix.value).toEqual(hinted.ok && hinted.value);
});
