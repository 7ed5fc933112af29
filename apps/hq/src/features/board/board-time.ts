import type { Locale } from '@repo/i18n';

/**
 * Time in a state as a ticking clock, "7:05" or "1:02:05": it changes every second, so a dispatcher
 * sees it is live, and the digits stay put (tabular figures).
 */
export function formatElapsed(ms: number, locale: Locale): string {
  const total = Math.max(0, Math.floor(ms / 1000));
  const two = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  const one = new Intl.NumberFormat(locale, { useGrouping: false });
  const [h, m, s] = [Math.floor(total / 3600), Math.floor((total % 3600) / 60), total % 60];
  return h > 0 ? `${one.format(h)}:${two.format(m)}:${two.format(s)}` : `${one.format(m)}:${two.format(s)}`;
}

/** Whole minutes for "已超时 12 分钟" and "剩 18 分钟": rounded down, never below one, so the words do not flicker every second. */
export function wholeMinutes(ms: number): number {
  return Math.max(1, Math.floor(Math.abs(ms) / 60_000));
}

/** The server's clock as this browser sees it: the board's times tick from the server's `now`, not a desk PC's drifting clock. */
export function serverOffsetMs(serverNow: string, receivedAt: Date): number {
  return new Date(serverNow).getTime() - receivedAt.getTime();
}

/** A time of today as the board shows a promise: "14:35", on China Standard Time like every time in the console. */
export function formatHourMinute(iso: string, locale: Locale): string {
  return new Intl.DateTimeFormat(locale, { timeZone: 'Asia/Shanghai', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(iso));
}

/**
 * A late or left span as the board's narrow columns show it: "12分钟", "12 min", "40秒", "1.5小时" —
 * like formatDuration, with short units, so a row stays two lines in every language.
 */
export function formatSpan(ms: number, locale: Locale): string {
  const seconds = Math.abs(ms) / 1000;
  const [value, unit] = seconds < 60 ? [Math.round(seconds), 'second'] : seconds < 7200 ? [Math.round(seconds / 60), 'minute'] : [Math.round(seconds / 360) / 10, 'hour'];
  return new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}
