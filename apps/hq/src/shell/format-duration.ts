import type { Locale } from '@repo/i18n';

/** A span of time in words a dispatcher reads at a glance: "45 秒", "7 分钟", "2.5 小时". */
export function formatDuration(ms: number, locale: Locale): string {
  const seconds = Math.abs(ms) / 1000;
  const [value, unit] = seconds < 60 ? [Math.round(seconds), 'second'] : seconds < 7200 ? [Math.round(seconds / 60), 'minute'] : [Math.round(seconds / 360) / 10, 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'long', maximumFractionDigits: 1 }).format(value);
}
