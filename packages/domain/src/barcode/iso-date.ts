import { z } from 'zod';

/** A calendar date `YYYY-MM-DD` that is known to exist (no 2026-02-30); parse typed input with the schema. */
export const isoDateSchema = z.iso.date().brand<'IsoDate'>();
export type IsoDate = z.infer<typeof isoDateSchema>;

/** Days in a month of the Gregorian calendar; month is 1-12. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
}

/** The date for valid parts, or undefined when the day does not exist in that month. */
export function isoDateFromParts(year: number, month: number, day: number): IsoDate | undefined {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  const text = `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
  return text as IsoDate;
}

/** Whole days from `from` to `to`; negative when `to` is earlier. */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return (utcMidnight(to) - utcMidnight(from)) / 86_400_000;
}

/** The year of a date, e.g. for the GS1 century rule. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4));
}

// setUTCFullYear, not Date.UTC: Date.UTC reads years 0-99 as 1900-1999.
function utcMidnight(date: IsoDate): number {
  return new Date(0).setUTCFullYear(Number(date.slice(0, 4)), Number(date.slice(5, 7)) - 1, Number(date.slice(8, 10)));
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
