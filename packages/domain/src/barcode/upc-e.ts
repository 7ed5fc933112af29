import { accept, refuse, type ScanResult } from './barcode-rejection.js';

/**
 * Expands an 8-digit UPC-E (number system, six digits, check digit) to its 12-digit UPC-A by the GS1
 * zero-suppression rules; the sixth digit says where the zeros went. The check digit is carried over
 * unchanged: it was computed on the UPC-A, so the caller verifies it there.
 */
export function expandUpcE(upcE: string): ScanResult<string> {
  if (!/^\d{8}$/.test(upcE)) return refuse('BAD_LENGTH', `A UPC-E has 8 digits; got "${upcE}".`);
  const numberSystem = upcE.charAt(0);
  if (numberSystem !== '0' && numberSystem !== '1') {
    return refuse('BAD_FORMAT', `A UPC-E starts with number system 0 or 1; got ${numberSystem}.`, { code: upcE });
  }
  return accept(numberSystem + expandBody(upcE.slice(1, 7)) + upcE.charAt(7));
}

// Six UPC-E digits -> the ten digits of manufacturer and product code in the UPC-A.
function expandBody(d: string): string {
  const last = d.charAt(5);
  switch (last) {
    case '0':
    case '1':
    case '2':
      return `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
    case '3':
      return `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
    case '4':
      return `${d.slice(0, 4)}00000${d.charAt(4)}`;
    default:
      return `${d.slice(0, 5)}0000${last}`;
  }
}
