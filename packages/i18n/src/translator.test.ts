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
