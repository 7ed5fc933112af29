import type { Locale } from '@repo/i18n';

/** Times as head office reads them: the chain runs on China Standard Time wherever the browser is. */
export function formatTime(iso: string | Date, locale: Locale, withDate = true): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: 'Asia/Shanghai',
    ...(withDate ? { month: '2-digit', day: '2-digit' } : {}),
    hour: '2-digit',
    minute: '2-digit',
    second: withDate ? undefined : '2-digit',
    hourCycle: 'h23',
  }).format(new Date(iso));
}
