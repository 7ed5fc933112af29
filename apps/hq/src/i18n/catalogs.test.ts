import { catalogGaps, handMadePlurals, sharedCatalogs } from '@repo/i18n';
import { expect, test } from 'vitest';
import { catalogs } from './i18n.js';
import { hqCatalogList, hqCatalogs } from './hq-catalogs.js';

test('[I18N1] every console key exists, non-empty, with the same placeholders, in all three languages', () => {
  expect(catalogGaps(catalogs)).toEqual([]);
});

test('[I18N5] the console does not silently override a shared word', () => {
  // A shared key redefined here would change what "待派单" means in one app only.
  const shared = new Set(Object.keys(sharedCatalogs['zh-Hans']));
  expect(Object.keys(hqCatalogs['zh-Hans']).filter((key) => shared.has(key))).toEqual([]);
});

test('[I18N6] no two feature catalogs define the same key (the later one would silently win)', () => {
  const seen = new Map<string, number>();
  for (const catalog of hqCatalogList) for (const key of Object.keys(catalog['zh-Hans'])) seen.set(key, (seen.get(key) ?? 0) + 1);
  expect([...seen].filter(([, n]) => n > 1).map(([key]) => key)).toEqual([]);
});

test('[I18N9] no English message of the console builds a plural by hand ("1 products"): counts go through plural forms', () => {
  expect(handMadePlurals(catalogs.en)).toEqual([]);
});
