import type { Gs1CharacterSet } from './gs1-ai-definition.js';

/** CSET 82 in GS1's weight order (the order the alphanumeric check pair depends on). */
export const cset82 = `!"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz`;

const patterns: Record<Gs1CharacterSet, RegExp> = {
  N: /^\d*$/,
  X: /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/,
  Y: /^[#\-/0-9A-Z]*$/,
  // base64url, with '=' padding only at the end (AI 8030 digital signatures).
  Z: /^[A-Za-z0-9\-_]*=*$/,
};

const names: Record<Gs1CharacterSet, string> = {
  N: 'digits',
  X: 'GS1 CSET 82 characters',
  Y: 'GS1 CSET 39 characters',
  Z: 'base64url characters',
};

/** True when every character of `text` is allowed in the character set. */
export function isInCharacterSet(text: string, cset: Gs1CharacterSet): boolean {
  return patterns[cset].test(text);
}

/** How a message names the set, e.g. "digits". */
export function characterSetName(cset: Gs1CharacterSet): string {
  return names[cset];
}
