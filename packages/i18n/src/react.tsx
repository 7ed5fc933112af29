import { createContext, useContext, useMemo, useState, type ReactNode } from 'react';
import { createTranslator, isLocale, pickLocale, type Catalogs, type Locale, type Translate } from './translator.js';

interface I18nValue<K extends string> {
  readonly locale: Locale;
  readonly t: Translate<K>;
  readonly setLocale: (locale: Locale) => void;
}

/** Builds a provider and hook for one app's catalogs; the chosen language is remembered per device. */
export function createI18n<K extends string>(catalogs: Catalogs<K>, storageKey: string) {
  const Context = createContext<I18nValue<K> | null>(null);

  function initialLocale(): Locale {
    const saved = globalThis.localStorage?.getItem(storageKey);
    return isLocale(saved) ? saved : pickLocale(globalThis.navigator?.languages ?? []);
  }

  function I18nProvider({ children }: { children: ReactNode }) {
    const [locale, setLocaleState] = useState<Locale>(initialLocale);
    const value = useMemo<I18nValue<K>>(() => ({
      locale,
      t: createTranslator(catalogs, locale),
      setLocale: (next) => {
        globalThis.localStorage?.setItem(storageKey, next);
        document.documentElement.lang = next;
        setLocaleState(next);
      },
    }), [locale]);
    return <Context.Provider value={value}>{children}</Context.Provider>;
  }

  function useI18n(): I18nValue<K> {
    const value = useContext(Context);
    if (!value) throw new Error('useI18n outside I18nProvider');
    return value;
  }

  return { I18nProvider, useI18n };
}
