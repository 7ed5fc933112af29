import { locales } from '@repo/i18n';
import { expect, test } from 'vitest';
import { storeCatalogs } from './store-catalogs.js';

test('[I18N1] every store app key exists, non-empty, in all three languages', () => {
  const keys = Object.keys(storeCatalogs['zh-Hans']).sort();
  for (const locale of locales) {
    const catalog: Record<string, string> = storeCatalogs[locale];
    expect(Object.keys(catalog).sort(), locale).toEqual(keys);
    for (const key of keys) expect(catalog[key]?.trim(), `${locale} ${key}`).toBeTruthy();
  }
});

test('[I18N4] placeholders match across languages', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [key, text] of Object.entries(storeCatalogs['zh-Hans'])) {
    for (const locale of locales) {
      const other = (storeCatalogs[locale] as Record<string, string>)[key] ?? '';
      expect(placeholders(other), `${locale} ${key}`).toEqual(placeholders(text));
    }
  }
});
