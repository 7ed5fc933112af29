import { expect, test } from 'vitest';
import type { BarcodeRejectionReason } from './barcode-rejection.js';
import { withCheckDigit } from './gtin.js';
import { inStoreCodeLayoutSchema } from './in-store-code.js';
import { isoDateSchema } from './iso-date.js';
import { parseBarcode } from './parse-barcode.js';
import { packagingEntrySchema, resolveScannedItem, type PackagingTable, type ScannedItem } from './resolve-scanned-item.js';

const today = isoDateSchema.parse('2026-05-10');
const caseOf24 = withCheckDigit('1690123456789');
const layout = inStoreCodeLayoutSchema.parse({ prefix: '2', itemDigits: 6, valueDigits: 5, valueKind: 'weight' });
const table: PackagingTable = {
  byGtin14: new Map([
    ['06901234567892', { productId: 'cola-330', unitsPerPack: 1 }],
    [caseOf24, { productId: 'cola-330', unitsPerPack: 24 }],
    // Indicator 1, yet a single unit: the table decides, not the digit.
    ['10614141000415', { productId: 'gift-box', unitsPerPack: 1 }],
    ['09501101530003', { productId: 'yoghurt', unitsPerPack: 1 }],
  ]),
  byInStoreItemCode: new Map([['000123', 'bananas']]),
};
const resolve = (text: string, symbology?: 'itf') => {
  const parsed = parseBarcode(text, { today, symbology, inStoreLayouts: [layout] });
  if (!parsed.ok) throw new Error(parsed.rejection.message);
  const item = resolveScannedItem(parsed.value, table);
  return item.ok ? item.value : item.rejection.reason;
};

test.each<[string, string, 'itf' | undefined, ScannedItem]>([
  ['an EAN-13 unit', '6901234567892', undefined, { kind: 'unit', productId: 'cola-330', gtin14: '06901234567892', quantity: 1 }],
  ['an ITF-14 case of 24', caseOf24, 'itf', { kind: 'case', productId: 'cola-330', gtin14: caseOf24, quantity: 24 }],
  ['an indicator-1 GTIN listed as one unit', '10614141000415', 'itf', { kind: 'unit', productId: 'gift-box', gtin14: '10614141000415', quantity: 1 }],
  ['a GS1 DataMatrix with (01)', ']d2010950110153000317261231', undefined, { kind: 'unit', productId: 'yoghurt', gtin14: '09501101530003', quantity: 1 }],
])('[BC10] %s resolves through the packaging table', (_case, text, symbology, expected) => {
  expect(resolve(text, symbology)).toEqual(expected);
});

test('[BC11] an in-store code resolves by its item code to a measured item', () => {
  expect(resolve(withCheckDigit('200012301250'))).toEqual({
    kind: 'measured',
    productId: 'bananas',
    itemCode: '000123',
    measure: { kind: 'weight', grams: 1250 },
  });
});

test.each<[string, string, BarcodeRejectionReason]>([
  ['a GTIN not in the table', '4006381333931', 'UNKNOWN_CODE'],
  ['a case GTIN not in the table', withCheckDigit('2690123456789'), 'UNKNOWN_CODE'],
  ['an in-store item not in the table', withCheckDigit('200099901250'), 'UNKNOWN_CODE'],
  ['an SSCC pallet label', '(00)106141411234567897', 'NOT_A_PRODUCT'],
  ['a command', 'CMD:NEXT', 'NOT_A_PRODUCT'],
])('[BC11] %s is refused', (_case, text, reason) => {
  expect(resolve(text)).toBe(reason);
});

test('[BC10] the packaging entry schema refuses a pack of zero units', () => {
  expect(packagingEntrySchema.safeParse({ productId: 'cola-330', unitsPerPack: 0 }).success).toBe(false);
  expect(packagingEntrySchema.safeParse({ productId: 'cola-330', unitsPerPack: 24 }).success).toBe(true);
});
