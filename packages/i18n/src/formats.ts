import type { Locale } from './translator.js';

/** A list as the language writes one: "photo, signature, and cash" / "照片、签名和收款". */
export function formatList(items: readonly string[], locale: Locale): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(items);
}

/**
 * How long ago something happened, for a whole minute or more: minutes under an hour, whole
 * hours beyond ("5 minutes ago", "1 hour ago", "5分钟前"). Under a minute the caller says "just now".
 */
export function formatTimeAgo(elapsedMs: number, locale: Locale): string {
  const minutes = Math.max(1, Math.floor(elapsedMs / 60_000));
  const relative = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  return minutes < 60 ? relative.format(-minutes, 'minute') : relative.format(-Math.floor(minutes / 60), 'hour');
}

interface DurationFormatter {
  format(duration: { minutes: number; seconds: number }): string;
}
// Intl.DurationFormat is in Chromium (the handhelds) but not in Node 20 nor in this TypeScript lib.
const DurationFormat = (Intl as unknown as { DurationFormat?: new (locale: string, options: object) => DurationFormatter }).DurationFormat;

/** Time left on a countdown as minutes and seconds, "1:05": Intl.DurationFormat where the platform has it. */
export function formatCountdown(totalSeconds: number, locale: Locale): string {
  const seconds = Math.max(0, Math.floor(totalSeconds));
  const parts = { minutes: Math.floor(seconds / 60), seconds: seconds % 60 };
  if (DurationFormat) return new DurationFormat(locale, { minutes: 'numeric', seconds: '2-digit' }).format(parts);
  // The same digital form from NumberFormat where DurationFormat is missing.
  const twoDigits = new Intl.NumberFormat(locale, { minimumIntegerDigits: 2, useGrouping: false });
  return `${new Intl.NumberFormat(locale).format(parts.minutes)}:${twoDigits.format(parts.seconds)}`;
}

/** A calendar date from a barcode or the catalogue ("2025-03-01") as the language writes it: "Mar 1, 2025" / "2025年3月1日". */
export function formatIsoDate(isoDate: string, locale: Locale): string {
  const at = new Date(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(at.getTime())) return isoDate;
  // UTC on both sides: a calendar date has no time zone, and must not shift a day west of Greenwich.
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(at);
}
