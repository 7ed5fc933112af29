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

type KeyOf<C> = C extends Catalogs<infer K> ? K : never;

/** Merges any number of catalogs (one per feature) into one, locale by locale. */
export function mergeCatalogList<T extends readonly Catalogs<string>[]>(...list: T): Catalogs<KeyOf<T[number]>> {
  return list.reduce(mergeCatalogs) as Catalogs<KeyOf<T[number]>>;
}
export * from './catalog-gaps.js';
export * from './hand-made-plurals.js';
export * from './formats.js';
