import { locales, sharedCatalogs } from '@repo/i18n';
import { expect, test } from 'vitest';
import { catalogs } from './i18n.js';
import { hqCatalogs } from './hq-catalogs.js';

test('[I18N1] every console key exists, non-empty, in all three languages', () => {
  const keys = Object.keys(catalogs['zh-Hans']).sort();
  for (const locale of locales) {
    const catalog: Record<string, string> = catalogs[locale];
    expect(Object.keys(catalog).sort(), locale).toEqual(keys);
    for (const key of keys) expect(catalog[key]?.trim(), `${locale} ${key}`).toBeTruthy();
  }
});

test('[I18N4] placeholders match across languages', () => {
  const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
  for (const [key, text] of Object.entries(hqCatalogs['zh-Hans'])) {
    for (const locale of locales) {
      const other = (hqCatalogs[locale] as Record<string, string>)[key] ?? '';
      expect(placeholders(other), `${locale} ${key}`).toEqual(placeholders(text));
    }
  }
});

test('[I18N5] the console does not silently override a shared word', () => {
  // A shared key redefined here would change what "待派单" means in one app only.
  const shared = new Set(Object.keys(sharedCatalogs['zh-Hans']));
  expect(Object.keys(hqCatalogs['zh-Hans']).filter((key) => shared.has(key))).toEqual([]);
});
