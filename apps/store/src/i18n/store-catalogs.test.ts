import { catalogGaps, sharedCatalogs } from '@repo/i18n';
import { expect, test } from 'vitest';
import { catalogs } from './i18n.js';
import { storeCatalogs } from './store-catalogs.js';

test('[I18N1] every store app key exists, non-empty, with the same placeholders, in all three languages', () => {
  expect(catalogGaps(catalogs)).toEqual([]);
});

test('[I18N5] the store app does not silently override a shared word', () => {
  const shared = new Set(Object.keys(sharedCatalogs['zh-Hans']));
  expect(Object.keys(storeCatalogs['zh-Hans']).filter((key) => shared.has(key))).toEqual([]);
});
