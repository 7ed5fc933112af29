import { expect, test } from 'vitest';
import { sharedCatalogs } from './shared-catalogs.js';
import { createTranslator, locales, pickLocale } from './translator.js';

test('[I18N1] every shared key exists, non-empty, in all three languages', () => {
  const keys = Object.keys(sharedCatalogs['zh-Hans']).sort();
  for (const locale of locales) {
    expect(Object.keys(sharedCatalogs[locale]).sort(), locale).toEqual(keys);
    for (const key of keys) expect(sharedCatalogs[locale][key as keyof (typeof sharedCatalogs)['en']].trim(), `${locale} ${key}`).not.toBe('');
  }
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
