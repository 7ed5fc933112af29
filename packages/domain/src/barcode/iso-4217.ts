import { iso4217Currencies } from './iso-4217.generated.js';

// The table is generated from ISO 4217's list one (scripts/generate-iso-4217-table.ts), never typed:
// ISO adds and withdraws currencies every year, and a hand-kept list drifts both ways.

/** True for a three-digit ISO 4217 currency code in use, e.g. '156' (CNY) or '978' (EUR). */
export function isIso4217Code(code: string): boolean {
  return Object.hasOwn(iso4217Currencies, code);
}
