import { locales, messageForms, type Catalogs, type Locale, type Message } from './translator.js';

/**
 * Everything wrong with a set of catalogs, as readable lines: a key missing or empty in a locale,
 * placeholders that differ from the zh-Hans original, or a plural message whose forms do not fit
 * its language's plural categories. An empty list means complete.
 */
export function catalogGaps<K extends string>(catalogs: Catalogs<K>): string[] {
  const original: Record<string, Message> = catalogs['zh-Hans'];
  const gaps: string[] = [];
  for (const locale of locales) {
    const catalog: Record<string, Message> = catalogs[locale];
    for (const key of Object.keys(catalog)) if (!(key in original)) gaps.push(`${locale}: ${key} is not in zh-Hans`);
    for (const [key, text] of Object.entries(original)) {
      const other = catalog[key];
      if (other === undefined || messageForms(other).some((form) => !form.trim())) gaps.push(`${locale}: ${key} is missing or empty`);
      else if (placeholders(other) !== placeholders(text)) gaps.push(`${locale}: ${key} has placeholders ${placeholders(other)}, zh-Hans has ${placeholders(text)}`);
      else if (typeof other !== 'string') gaps.push(...pluralGaps(locale, key, other, placeholders(text)));
    }
  }
  return gaps;
}

/** A plural message needs every category its language has, no other, and a `{count}` to choose by. */
function pluralGaps(locale: Locale, key: string, message: Exclude<Message, string>, originalPlaceholders: string): string[] {
  const categories = new Intl.PluralRules(locale).resolvedOptions().pluralCategories as readonly string[];
  const gaps = categories.filter((c) => message[c as Intl.LDMLPluralRule] === undefined).map((c) => `${locale}: ${key} lacks the plural form "${c}"`);
  for (const form of Object.keys(message)) if (!categories.includes(form)) gaps.push(`${locale}: ${key} has a plural form "${form}" that ${locale} never uses`);
  if (!originalPlaceholders.split(',').includes('count')) gaps.push(`${locale}: ${key} is plural but zh-Hans has no {count} to choose the form by`);
  return gaps;
}

/** The placeholders a message uses, over all its forms (a "one" form may say "a" for {count}). */
function placeholders(message: Message): string {
  const names = new Set(messageForms(message).flatMap((form) => [...form.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)));
  return [...names].sort().join(',');
}
