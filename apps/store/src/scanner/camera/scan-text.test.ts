import { parseBarcode, type IsoDate } from '@repo/domain';
import { expect, test } from 'vitest';
import { toScanText } from './scan-text.js';

const today = '2026-11-23' as IsoDate;
const GS = '\u001d';

test('camera reads reach parseBarcode as the symbology says', () => {
  const ean = parseBarcode(toScanText({ text: '8413000065504', format: 'ean13', symbologyIdentifier: ']E0' }), { today });
  expect(ean.ok && ean.value).toMatchObject({ kind: 'gtin', gtin14: '08413000065504' });
  const upcA = parseBarcode(toScanText({ text: '036000291452', format: 'upca', symbologyIdentifier: ']E0' }), { today });
  expect(upcA.ok && upcA.value).toMatchObject({ kind: 'gtin', gtin14: '00036000291452' });
  const gs1 = parseBarcode(toScanText({ text: `0109501101530003${GS}17261231`, format: 'code128', symbologyIdentifier: ']C1' }), { today });
  expect(gs1.ok && gs1.value).toMatchObject({ kind: 'gs1', gtin14: '09501101530003', expiry: '2026-12-31' });
  const itf = parseBarcode(toScanText({ text: '10614141000415', format: 'itf', symbologyIdentifier: ']I1' }), { today });
  expect(itf.ok && itf.value).toMatchObject({ kind: 'gtin', format: 'itf-14' });
});

test('a read without an identifier goes in as its text', () => {
  expect(toScanText({ text: 'CMD:UNDO', format: 'qrcode' })).toBe('CMD:UNDO');
});
