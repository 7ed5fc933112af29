import { locales, type Catalogs } from './translator.js';

/**
 * Everything wrong with a set of catalogs, as readable lines: a key missing or empty in a locale,
 * or placeholders that differ from the zh-Hans original. An empty list means complete.
 */
export function catalogGaps<K extends string>(catalogs: Catalogs<K>): string[] {
  const original: Record<string, string> = catalogs['zh-Hans'];
  const gaps: string[] = [];
  for (const locale of locales) {
    const catalog: Record<string, string> = catalogs[locale];
    for (const key of Object.keys(catalog)) if (!(key in original)) gaps.push(`${locale}: ${key} is not in zh-Hans`);
    for (const [key, text] of Object.entries(original)) {
      const other = catalog[key];
      if (!other?.trim()) gaps.push(`${locale}: ${key} is missing or empty`);
      else if (placeholders(other) !== placeholders(text)) gaps.push(`${locale}: ${key} has placeholders ${placeholders(other)}, zh-Hans has ${placeholders(text)}`);
    }
  }
  return gaps;
}

function placeholders(text: string): string {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');
}
