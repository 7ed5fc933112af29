export const locales = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-Hans';

/** A catalog: the keys of the zh-Hans original, each with a string. Other locales must have every key. */
export type Catalog<K extends string> = Readonly<Record<K, string>>;
export type Catalogs<K extends string> = Readonly<Record<Locale, Catalog<K>>>;

export type Params = Readonly<Record<string, string | number>>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

/** Looks a key up and fills `{name}` placeholders. */
export function createTranslator<K extends string>(catalogs: Catalogs<K>, locale: Locale): Translate<K> {
  const catalog = catalogs[locale];
  return (key, params) => {
    const text = catalog[key] ?? catalogs[defaultLocale][key] ?? key;
    return params ? text.replace(/\{(\w+)\}/g, (whole, name: string) => String(params[name] ?? whole)) : text;
  };
}

/** The best of our locales for a browser's language list; Chinese first, Traditional for TW/HK/MO. */
export function pickLocale(preferred: readonly string[]): Locale {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (/^zh-(hant|tw|hk|mo)/.test(lower)) return 'zh-Hant';
    if (lower.startsWith('zh')) return 'zh-Hans';
    if (lower.startsWith('en')) return 'en';
  }
  return defaultLocale;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && (locales as readonly string[]).includes(value);
}
