export * from './translator.js';
export * from './shared-catalogs.js';

/** Merges an app's catalogs with the shared ones, locale by locale. */
import type { Catalogs } from './translator.js';
export function mergeCatalogs<A extends string, B extends string>(a: Catalogs<A>, b: Catalogs<B>): Catalogs<A | B> {
  return {
    'zh-Hans': { ...a['zh-Hans'], ...b['zh-Hans'] },
    'zh-Hant': { ...a['zh-Hant'], ...b['zh-Hant'] },
    en: { ...a.en, ...b.en },
  };
}
export * from './catalog-gaps.js';
