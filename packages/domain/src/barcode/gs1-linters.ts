import type { BarcodeRejectionReason } from './barcode-rejection.js';
import type { Gs1LinterName } from './gs1-ai-table.generated.js';
import { hasValidCheckPair, startsWithCompanyPrefix } from './gs1-check-characters.js';
import { isTimePart, readGs1Date, type Gs1DateFormat } from './gs1-date.js';
import { hasValidCheckDigit } from './gtin.js';
import type { IsoDate } from './iso-date.js';
import { isIso4217Code } from './iso-4217.js';

/** Why one component failed a linter; the caller adds which AI it was. */
export interface LintFailure {
  readonly reason: BarcodeRejectionReason;
  readonly problem: string;
}

type Linter = (value: string, today: IsoDate) => LintFailure | undefined;

/** Each linter GS1 names is either checked here or passed for a stated reason. */
export type LinterPolicy = { readonly check: Linter } | { readonly unchecked: string };

const unlessTrue = (reason: BarcodeRejectionReason, problem: string, test: (v: string) => boolean): LinterPolicy => ({
  check: (value) => (test(value) ? undefined : { reason, problem }),
});

const date = (format: Gs1DateFormat): LinterPolicy => ({
  check: (value, today) => {
    const reading = readGs1Date(value, format, today);
    return reading.ok ? undefined : { reason: 'BAD_DATE', problem: reading.problem };
  },
});

const oneOf = (allowed: readonly string[]) =>
  unlessTrue('BAD_VALUE', `must be one of ${allowed.join(', ')}`, (v) => allowed.includes(v));

// Keyed by the generated union: when a regenerated dictionary names a new linter, this object no longer
// typechecks until someone decides how to handle it. Nothing passes silently.
export const gs1Linters: Record<Gs1LinterName, LinterPolicy> = {
  csum: unlessTrue('BAD_CHECK_DIGIT', 'the check digit is wrong', hasValidCheckDigit),
  csumalpha: unlessTrue('BAD_CHECK_DIGIT', 'the check character pair is wrong', hasValidCheckPair),
  gcppos1: unlessTrue('BAD_VALUE', 'must start with a GS1 Company Prefix', (v) => startsWithCompanyPrefix(v, 1)),
  gcppos2: unlessTrue('BAD_VALUE', 'must have a GS1 Company Prefix after its first digit', (v) => startsWithCompanyPrefix(v, 2)),
  yymmd0: date('yymmd0'),
  yymmdd: date('yymmdd'),
  yyyymmdd: date('yyyymmdd'),
  hh: unlessTrue('BAD_TIME', 'the hour must be 00-23', (v) => isTimePart(v, 'hh')),
  mi: unlessTrue('BAD_TIME', 'the minute must be 00-59', (v) => isTimePart(v, 'mi')),
  ss: unlessTrue('BAD_TIME', 'the second must be 00-59', (v) => isTimePart(v, 'ss')),
  hhmi: unlessTrue('BAD_TIME', 'the time must be HHMI, 0000-2359', (v) => isTimePart(v.slice(0, 2), 'hh') && isTimePart(v.slice(2), 'mi')),
  iso4217: unlessTrue('BAD_CURRENCY', 'is not an ISO 4217 currency code', isIso4217Code),
  yesno: oneOf(['0', '1']),
  zero: oneOf(['0']),
  winding: oneOf(['0', '1', '9']),
  hyphen: oneOf(['-']),
  iso5218: oneOf(['0', '1', '2', '9']),
  nonzero: unlessTrue('BAD_VALUE', 'must not be zero', (v) => /[1-9]/.test(v)),
  nozeroprefix: unlessTrue('BAD_VALUE', 'must not start with 0', (v) => v === '0' || !v.startsWith('0')),
  hasnondigit: unlessTrue('BAD_VALUE', 'must contain a character that is not a digit', (v) => /\D/.test(v)),
  pcenc: unlessTrue('BAD_VALUE', 'has a % not followed by two hex digits', (v) => !/%(?![0-9A-Fa-f]{2})/.test(v)),
  pieceoftotal: unlessTrue('BAD_VALUE', 'must be a piece number no larger than the non-zero total', isPieceOfTotal),
  posinseqslash: unlessTrue('BAD_VALUE', 'must be "position/total" with position no larger than total', isPositionInSequence),
  mediatype: unlessTrue('BAD_VALUE', 'is not an AIDC media type (01-10, 80-99)', (v) => /^(0[1-9]|10|[89]\d)$/.test(v)),
  importeridx: unlessTrue('BAD_VALUE', 'must be one character from -, 0-9, A-Z, _ or a-z', (v) => /^[-0-9A-Z_a-z]$/.test(v)),
  latitude: unlessTrue('BAD_VALUE', 'is out of range for a latitude', (v) => Number(v) <= 1_800_000_000),
  longitude: unlessTrue('BAD_VALUE', 'is out of range for a longitude', (v) => Number(v) <= 3_600_000_000),
  iso3166: { unchecked: 'Country codes (AIs 421-426) never drive a pick; their three-digit format is still checked.' },
  iso3166999: { unchecked: 'Processor country codes (AIs 7030-7039) never drive a pick; the digit format is still checked.' },
  iso3166alpha2: { unchecked: 'Ship-to and return-to countries (AIs 4307, 4317) are on parcels, not goods we pick.' },
  packagetype: { unchecked: 'Freight unit types (AI 7041) are on logistic units, not goods we pick.' },
  iban: { unchecked: 'Payment AIs (8007) never appear on goods; the CSET 82 format is still checked.' },
  couponcode: { unchecked: 'North American coupon codes (AI 8110) are not used by this chain.' },
  couponposoffer: { unchecked: 'North American coupon offers (AI 8112) are not used by this chain.' },
};

/** Runs one named linter on a component's value. */
export function lint(name: Gs1LinterName, value: string, today: IsoDate): LintFailure | undefined {
  const policy = gs1Linters[name];
  return 'check' in policy ? policy.check(value, today) : undefined;
}

function isPieceOfTotal(value: string): boolean {
  if (!/^\d+$/.test(value) || value.length % 2 !== 0) return false;
  const piece = Number(value.slice(0, value.length / 2));
  const total = Number(value.slice(value.length / 2));
  return piece > 0 && total > 0 && piece <= total;
}

function isPositionInSequence(value: string): boolean {
  const m = /^([1-9]\d*)\/([1-9]\d*)$/.exec(value);
  return Boolean(m) && Number(m?.[1]) <= Number(m?.[2]);
}
