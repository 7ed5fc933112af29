import type { Catalog } from './translator.js';

// Words after a number that end in "s" without being a plural noun.
const notPlural = new Set(['is', 'was', 'has', 'does', 'its', 'this', 'as', 'us', 'plus', 'always', 'ms']);

/**
 * English plain-string messages that build a plural by hand: "(s)", or a placeholder followed
 * (within two words) by a plural noun, as in "{count} items" or "{count} new offers", which read
 * "1 items" for one. Such a message must be a plural message (`{ one, other }`) instead.
 * A guard for the common shapes, not a grammar: "{count} of your actions are" still needs a reader.
 */
export function handMadePlurals<K extends string>(catalog: Catalog<K>): string[] {
  const found: string[] = [];
  for (const [key, message] of Object.entries(catalog) as [string, Catalog<K>[K]][]) {
    if (typeof message !== 'string') continue;
    if (/\(s\)/i.test(message)) found.push(`${key}: "${message}" writes (s)`);
    for (const m of message.matchAll(/\{\w+\}((?: [a-z]+){1,2})/gi)) {
      const plural = m[1]!.trim().split(' ').find((word) => /[a-z]s$/i.test(word) && !notPlural.has(word.toLowerCase()));
      if (plural) found.push(`${key}: "${message}" puts "${plural}" after a number`);
    }
  }
  return found;
}
