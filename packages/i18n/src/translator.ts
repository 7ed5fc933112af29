export const locales = ['zh-Hans', 'zh-Hant', 'en'] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = 'zh-Hans';

/**
 * A message whose wording depends on a number, one form per plural category of the language
 * (`Intl.PluralRules`), chosen by the `count` parameter: English needs `one` and `other`; Chinese
 * has only `other`, so a Chinese catalog writes a plain string instead.
 */
export type PluralMessage = Readonly<Partial<Record<Intl.LDMLPluralRule, string>> & { other: string }>;
export type Message = string | PluralMessage;

/** A catalog: the keys of the zh-Hans original, each with a message. Other locales must have every key. */
export type Catalog<K extends string> = Readonly<Record<K, Message>>;
export type Catalogs<K extends string> = Readonly<Record<Locale, Catalog<K>>>;

export type Params = Readonly<Record<string, string | number>>;
export type Translate<K extends string> = (key: K, params?: Params) => string;

/**
 * Looks a key up, picks the plural form for `params.count`, and fills `{name}` placeholders;
 * number values are written the language's way (`Intl.NumberFormat`: 1,234).
 */
export function createTranslator<K extends string>(catalogs: Catalogs<K>, locale: Locale): Translate<K> {
  const catalog = catalogs[locale];
  const plurals = new Intl.PluralRules(locale);
  const numbers = new Intl.NumberFormat(locale);
  return (key, params) => {
    const message = catalog[key] ?? catalogs[defaultLocale][key] ?? key;
    const text = typeof message === 'string' ? message : pluralForm(message, plurals, params?.count);
    if (!params) return text;
    return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
      const value = params[name];
      return value === undefined ? whole : typeof value === 'number' ? numbers.format(value) : value;
    });
  };
}

/** The form for `count`; `other` when a form is missing, or when the caller passed no number (never a crash on screen). */
function pluralForm(message: PluralMessage, plurals: Intl.PluralRules, count: string | number | undefined): string {
  if (typeof count !== 'number') return message.other;
  return message[plurals.select(count)] ?? message.other;
}

/** Each form of a message: one for a plain string, one per plural category otherwise. */
export function messageForms(message: Message): string[] {
  return typeof message === 'string' ? [message] : Object.values(message).filter((form): form is string => typeof form === 'string');
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
