import { daysInMonth, isoDateFromParts, yearOf, type IsoDate } from './iso-date.js';

/** The date formats GS1 AIs use: YYMMDD with or without day 00 allowed, and YYYYMMDD. */
export type Gs1DateFormat = 'yymmd0' | 'yymmdd' | 'yyyymmdd';

export type Gs1DateReading = { readonly ok: true; readonly date: IsoDate } | { readonly ok: false; readonly problem: string };

/**
 * GS1 General Specifications, "Century of a year": a two-digit year belongs to this century unless
 * it is 51 or more years ahead (then the previous one) or 50 or more years behind (then the next one).
 */
export function centuryYear(yy: number, today: IsoDate): number {
  const year = yearOf(today);
  const current = year % 100;
  const difference = yy - current;
  const century = year - current;
  if (difference >= 51) return century - 100 + yy;
  if (difference <= -50) return century + 100 + yy;
  return century + yy;
}

/** Reads a GS1 date field; day 00 (allowed only by yymmd0) stands for the last day of the month. */
export function readGs1Date(digits: string, format: Gs1DateFormat, today: IsoDate): Gs1DateReading {
  const width = format === 'yyyymmdd' ? 8 : 6;
  if (!new RegExp(`^\\d{${width}}$`).test(digits)) return { ok: false, problem: `a date needs ${width} digits` };
  const yearDigits = digits.slice(0, width - 4);
  const year = format === 'yyyymmdd' ? Number(yearDigits) : centuryYear(Number(yearDigits), today);
  const month = Number(digits.slice(-4, -2));
  const day = Number(digits.slice(-2));
  if (month < 1 || month > 12) return { ok: false, problem: `month ${pad2(month)} does not exist` };
  if (day === 0 && format !== 'yymmd0') return { ok: false, problem: 'day 00 is not allowed in this date' };
  const date = isoDateFromParts(year, month, day === 0 ? daysInMonth(year, month) : day);
  return date ? { ok: true, date } : { ok: false, problem: `day ${pad2(day)} does not exist in ${year}-${pad2(month)}` };
}

/** True for a two-digit hour 00-23, minute 00-59 or second 00-59. */
export function isTimePart(digits: string, part: 'hh' | 'mi' | 'ss'): boolean {
  return /^\d{2}$/.test(digits) && Number(digits) <= (part === 'hh' ? 23 : 59);
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}
