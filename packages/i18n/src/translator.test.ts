import { expect, test } from 'vitest';
import { sharedCatalogs } from './shared-catalogs.js';
import { catalogGaps } from './catalog-gaps.js';
import { createTranslator, pickLocale } from './translator.js';

test('[I18N1] every shared key exists, non-empty, with the same placeholders, in all three languages', () => {
  expect(catalogGaps(sharedCatalogs)).toEqual([]);
});

test('[I18N1] the completeness check finds a missing key, an empty one and a lost placeholder', () => {
  const broken = { 'zh-Hans': { a: '{n} 件', b: '好' }, 'zh-Hant': { a: '{n} 件', b: '' }, en: { a: 'items', c: 'x' } } as never;
  expect(catalogGaps(broken)).toEqual([
    'zh-Hant: b is missing or empty',
    'en: c is not in zh-Hans',
    'en: a has placeholders , zh-Hans has n',
    'en: b is missing or empty',
  ]);
});

test('[I18N2] placeholders are filled and unknown ones are left visible', () => {
  const t = createTranslator({ 'zh-Hans': { hi: '你好 {name}' }, 'zh-Hant': { hi: '你好 {name}' }, en: { hi: 'Hi {name} {x}' } }, 'en');
  expect(t('hi', { name: '王芳' })).toBe('Hi 王芳 {x}');
});

test.each([
  [['zh-CN'], 'zh-Hans'], [['zh-TW', 'en'], 'zh-Hant'], [['zh-HK'], 'zh-Hant'], [['en-US'], 'en'], [['fr-FR'], 'zh-Hans'], [[], 'zh-Hans'],
] as const)('[I18N3] %j picks %s (Simplified Chinese by default)', (prefs, expected) => {
  expect(pickLocale(prefs)).toBe(expected);
});

const products = {
  'zh-Hans': { lines: '{count} 种商品' },
  'zh-Hant': { lines: '{count} 種商品' },
  en: { lines: { one: '{count} product', other: '{count} products' } },
} as const;

test.each([
  ['en', 0, '0 products'], ['en', 1, '1 product'], ['en', 2, '2 products'], ['en', 21, '21 products'], ['en', 1234, '1,234 products'],
  ['zh-Hans', 0, '0 种商品'], ['zh-Hans', 1, '1 种商品'], ['zh-Hans', 2, '2 种商品'], ['zh-Hans', 21, '21 种商品'],
  ['zh-Hant', 0, '0 種商品'], ['zh-Hant', 1, '1 種商品'], ['zh-Hant', 2, '2 種商品'], ['zh-Hant', 21, '21 種商品'],
] as const)('[I18N7] %s with count %d reads "%s" (Intl.PluralRules picks the form, Intl.NumberFormat writes the number)', (locale, count, expected) => {
  expect(createTranslator(products, locale)('lines', { count })).toBe(expected);
});

test('[I18N7] a plural message without a number to choose by falls back to its "other" form, never a crash', () => {
  const t = createTranslator(products, 'en');
  expect(t('lines')).toBe('{count} products');
  expect(t('lines', { count: 'many' })).toBe('many products');
});

test('[I18N7] the completeness check wants every plural category of the language, no other, and a {count} to choose by', () => {
  const broken = {
    'zh-Hans': { a: '{count} 件', b: '{n} 件', c: '{count} 件' },
    'zh-Hant': { a: { one: '{count} 件', other: '{count} 件' }, b: '{n} 件', c: '{count} 件' },
    en: { a: { other: '{count} items' }, b: { one: '{n} item', other: '{n} items' }, c: { one: '{count} item', other: '' } },
  } as never;
  expect(catalogGaps(broken)).toEqual([
    'zh-Hant: a has a plural form "one" that zh-Hant never uses',
    'en: a lacks the plural form "one"',
    'en: b is plural but zh-Hans has no {count} to choose the form by',
    'en: c is missing or empty',
  ]);
});
