import { cset82 } from './gs1-character-sets.js';

// Check characters of alphanumeric GS1 keys such as the GMN, AI 8013 (GS1 General Specifications
// 7.9.5), and the company-prefix position check. Numeric keys use gtin.ts's mod-10 check digit.

const cset32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
// AI data is at most 90 characters, so 97 weights are more than enough.
const primeWeights = firstPrimes(97);

/** `csumalpha`: the last two characters are the GS1 check character pair of the rest. */
export function hasValidCheckPair(text: string): boolean {
  if (text.length < 2 || text.length - 2 > primeWeights.length) return false;
  const body = text.slice(0, -2);
  if ([...body].some((ch) => !cset82.includes(ch))) return false;
  return text.slice(-2) === checkCharacterPair(body);
}

/** The two check characters for an alphanumeric key body (weights: primes from the right, mod 1021). */
export function checkCharacterPair(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const weight = primeWeights[body.length - 1 - i] ?? 0;
    sum += cset82.indexOf(body.charAt(i)) * weight;
  }
  sum %= 1021;
  return cset32.charAt(sum >> 5) + cset32.charAt(sum & 31);
}

/** `gcppos1`/`gcppos2`: a GS1 Company Prefix (at least four digits) starts at that position. */
export function startsWithCompanyPrefix(text: string, position: 1 | 2): boolean {
  return /^\d{4}/.test(text.slice(position - 1));
}

function firstPrimes(count: number): number[] {
  const primes: number[] = [];
  for (let n = 2; primes.length < count; n++) {
    if (primes.every((p) => n % p !== 0)) primes.push(n);
  }
  return primes;
}
