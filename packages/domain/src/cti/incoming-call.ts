import { z } from 'zod';
import { storableText } from '../storable-text.js';

/**
 * What the telephone system posts when a call rings at an agent's extension (docs/cti.md CT1).
 * Numbers arrive as the switch writes them (`+86 138 0013 8000`, `8613800138000`, `021-6408 1234`);
 * `callerNumberOf` turns the caller's into the form the customer file is searched by.
 */
export const incomingCallInput = z.object({
  /** The switch's id of the call; kept on the order taken during it. */
  callId: storableText({ min: 1, max: 64 }).regex(/^[A-Za-z0-9._:@-]+$/, 'Letters, digits and . _ : @ - only.'),
  caller: storableText({ min: 1, max: 32 }).regex(phoneShape(), 'A telephone number: digits, spaces, + - ( ) only.'),
  called: storableText({ min: 1, max: 32 }).regex(phoneShape(), 'A telephone number: digits, spaces, + - ( ) only.'),
  extension: extensionSchema(),
});
export type IncomingCall = z.infer<typeof incomingCallInput>;

/** An agent's desk telephone extension (分机): digits, as the switch numbers them. */
export function extensionSchema() {
  return z.string().trim().regex(/^\d{2,8}$/, 'An extension of 2 to 8 digits.');
}

/** The caller as head office looks them up: a mainland mobile as its 11 digits, anything else as given. */
export interface CallerNumber {
  readonly number: string;
  readonly kind: 'mobile' | 'landline' | 'other';
}

/**
 * `+86 138 0013 8000`, `0086-13800138000` and `8613800138000` are all `13800138000`; a landline
 * keeps its area code with the country code turned back into the trunk 0 (`+86 21 6408 1234` ->
 * `021-64081234`), so a pop for it still opens a new-customer form with the number filled in.
 */
export function callerNumberOf(raw: string): CallerNumber {
  const compact = raw.replace(/[\s()]/g, '');
  const digits = compact.replace(/\D/g, '');
  const national = digits.replace(/^(?:0086|86)(?=\d{9,})/, '');
  const hadCountryCode = national !== digits || compact.startsWith('+');
  if (/^1[3-9]\d{9}$/.test(national)) return { number: national, kind: 'mobile' };
  if (hadCountryCode && /^[2-9]\d{8,10}$/.test(national)) {
    const areaLength = /^(?:10|2\d)/.test(national) ? 2 : 3;
    return { number: `0${national.slice(0, areaLength)}-${national.slice(areaLength)}`, kind: 'landline' };
  }
  if (/^0\d{2,3}-?\d{7,8}$/.test(compact)) return { number: compact, kind: 'landline' };
  return { number: compact, kind: 'other' };
}

/** A number as it may show on a shared screen: the middle of a mobile hidden (138****8000). */
export function maskedCallerNumber(number: string): string {
  if (/^1\d{10}$/.test(number)) return `${number.slice(0, 3)}****${number.slice(7)}`;
  if (number.length <= 6) return number;
  return `${number.slice(0, number.length - 6)}**${number.slice(-4)}`;
}

function phoneShape(): RegExp {
  return /^\+?[\d\s()-]{3,31}$/;
}
