import type { Locale } from '@repo/i18n';

/** Prices are stored in fen (1/100 yuan) so sums stay exact; shown in yuan. */
export function formatPrice(fen: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' }).format(fen / 100);
}

/** A difference in fen with its sign always shown: "+¥4.00" costs the customer more, "-¥0.50" less. */
export function formatPriceChange(fen: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY', signDisplay: 'exceptZero' }).format(fen / 100);
}
