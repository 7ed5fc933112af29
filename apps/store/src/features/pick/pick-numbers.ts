import { useMemo } from 'react';
import { useI18n } from '../../i18n/i18n.js';

/** Formats counts the way the person's language writes numbers (Intl), for the pick's strings. */
export function useCount(): (n: number) => string {
  const { locale } = useI18n();
  return useMemo(() => {
    const format = new Intl.NumberFormat(locale);
    return (n: number) => format.format(n);
  }, [locale]);
}
