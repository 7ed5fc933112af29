import { catalogGaps, createTranslator, handMadePlurals, sharedCatalogs } from '@repo/i18n';
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

test('[I18N9] no English message of the store app builds a plural by hand ("1 products"): counts go through plural forms', () => {
  expect(handMadePlurals(catalogs.en)).toEqual([]);
});

test.each([
  ['en', 0, '0 orders', '0 products'], ['en', 1, '1 order', '1 product'], ['en', 2, '2 orders', '2 products'], ['en', 21, '21 orders', '21 products'],
  ['zh-Hans', 1, '1 个订单', '1 种商品'], ['zh-Hans', 21, '21 个订单', '21 种商品'],
  ['zh-Hant', 1, '1 筆訂單', '1 種商品'], ['zh-Hant', 21, '21 筆訂單', '21 種商品'],
] as const)('[I18N7] the %s inbox with %d orders of as many products says "%s" and "%s"', (locale, count, orders, products) => {
  const t = createTranslator(catalogs, locale);
  expect([t('inbox.count', { count }), t('inbox.lines', { count })]).toEqual([orders, products]);
});

test.each([
  [1, '1 item (1 product)'], [2, '2 items (2 products)'], [21, '21 items (21 products)'],
])('[I18N7] the hand-off counts items and products each with its own plural: %d reads "%s"', (count, expected) => {
  const t = createTranslator(catalogs, 'en');
  expect(t('handoff.items', { units: t('handoff.units', { count }), lines: t('handoff.lines', { count }) })).toBe(expected);
});
