import { useMemo } from 'react';
import { formatCountdown, formatList, type Locale } from '@repo/i18n';
import { useI18n } from '../../i18n/i18n.js';
import { promiseDistance } from './delivery-list.js';

const intlLocale: Record<Locale, string> = { 'zh-Hans': 'zh-Hans-CN', 'zh-Hant': 'zh-Hant-TW', en: 'en-GB' };

export interface Formats {
  /** An amount in fen as money: "¥12.50" (the narrow symbol, so zh-Hant does not read "CN¥"). */
  money(fen: number): string;
  /** A time of day on this phone's clock; with the date when it is not today. */
  time(iso: string, now: Date): string;
  /** "in 25 minutes" / "10 minutes ago" for a promise. */
  relative(iso: string, now: Date): string;
  /** A countdown as m:ss ("1:05", Intl.DurationFormat where the browser has it). */
  countdown(seconds: number): string;
  /** Items as one list in words: "delivery code and signature" / "收货码和顾客签名" (Intl.ListFormat). */
  list(items: readonly string[]): string;
}

/** Money, times and distances in time in the person's language, through Intl. */
export function useFormats(): Formats {
  const { locale } = useI18n();
  return useMemo(() => {
    const tag = intlLocale[locale];
    const money = new Intl.NumberFormat(tag, { style: 'currency', currency: 'CNY', currencyDisplay: 'narrowSymbol' });
    const clock = new Intl.DateTimeFormat(tag, { hour: '2-digit', minute: '2-digit', hour12: false });
    const dated = new Intl.DateTimeFormat(tag, { month: 'numeric', day: 'numeric', hour: '2-digit', minute: '2-digit', hour12: false });
    const relative = new Intl.RelativeTimeFormat(tag, { numeric: 'auto' });
    return {
      money: (fen) => money.format(fen / 100),
      time: (iso, now) => {
        const at = new Date(iso);
        return (at.toDateString() === now.toDateString() ? clock : dated).format(at);
      },
      relative: (iso, now) => {
        const { value, unit } = promiseDistance(iso, now);
        return relative.format(value, unit);
      },
      countdown: (seconds) => formatCountdown(seconds, locale),
      list: (items) => formatList(items, locale),
    };
  }, [locale]);
}
