import { accept, refuse, type ScanResult } from './barcode-rejection.js';
import { hasValidCheckDigit, toGtin14 } from './gtin.js';
import { symbologyName, type ScanSymbology } from './symbology.js';
import { expandUpcE } from './upc-e.js';

/** The shape a GTIN was read in; every one of them ends up as the same GTIN-14. */
export type GtinFormat = 'ean-13' | 'ean-8' | 'upc-a' | 'upc-e' | 'itf-14' | 'gtin-14';

/** A product or case code read from EAN/UPC, ITF-14 or bare digits, as a check-digit-verified GTIN-14. */
export interface GtinScan {
  readonly kind: 'gtin';
  readonly gtin14: string;
  readonly format: GtinFormat;
}

// Which shapes each symbology may deliver. Decoders send UPC-A as 12 digits or as 13 with a leading 0,
// and UPC-E either compressed (8 digits) or already expanded to 12 or 13. ITF only as ITF-14.
// ]E0 (read as 'ean-13') covers EAN-13, UPC-A and UPC-E alike (ISO/IEC 15424); EAN-8 has ]E4, so
// 8 digits behind ]E0 can only be a compressed UPC-E.
const formatsBySymbology: Partial<Record<ScanSymbology, readonly GtinFormat[]>> = {
  'ean-13': ['upc-a', 'ean-13', 'upc-e'],
  'upc-a': ['upc-a', 'ean-13'],
  'upc-e': ['upc-e', 'upc-a', 'ean-13'],
  'ean-8': ['ean-8'],
  itf: ['itf-14'],
};
// Digits with no symbology known: 8 digits are taken as EAN-8, since UPC-E cannot be told apart.
const formatsOfBareDigits: readonly GtinFormat[] = ['ean-8', 'upc-a', 'ean-13', 'gtin-14'];

const lengths: Record<GtinFormat, number> = { 'ean-13': 13, 'ean-8': 8, 'upc-a': 12, 'upc-e': 8, 'itf-14': 14, 'gtin-14': 14 };

/** Reads the digits of a GTIN-bearing symbol into a GTIN-14, verifying its check digit. */
export function readGtin(digits: string, symbology: ScanSymbology | undefined): ScanResult<GtinScan> {
  const allowed = (symbology && formatsBySymbology[symbology]) ?? formatsOfBareDigits;
  const name = symbology ? symbologyName(symbology) : 'Product barcode';
  if (!/^\d+$/.test(digits)) return refuse('BAD_FORMAT', `${name}: only digits are allowed; got "${digits}".`, { code: digits });
  const format = allowed.find((f) => lengths[f] === digits.length);
  if (!format) {
    const expected = listOf([...new Set(allowed.map((f) => lengths[f]))]);
    return refuse('BAD_LENGTH', `${name}: only ${expected} digits are accepted here; got ${digits.length}.`, { code: digits });
  }
  const full = format === 'upc-e' ? expandUpcE(digits) : accept(digits);
  if (!full.ok) return full;
  if (!hasValidCheckDigit(full.value)) {
    return refuse('BAD_CHECK_DIGIT', `The check digit of ${format.toUpperCase()} ${digits} is wrong; scan it again.`, { code: digits });
  }
  return accept({ kind: 'gtin', gtin14: toGtin14(full.value), format });
}

function listOf(numbers: readonly number[]): string {
  const sorted = [...numbers].sort((a, b) => a - b).map(String);
  return sorted.length < 2 ? sorted.join('') : `${sorted.slice(0, -1).join(', ')} or ${sorted.at(-1)}`;
}
