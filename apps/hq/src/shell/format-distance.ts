import type { Locale } from '@repo/i18n';

/** A distance in km to one decimal, the language's way (Intl.NumberFormat): "1.6", "12.0". */
export function formatKm(km: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(km);
}
