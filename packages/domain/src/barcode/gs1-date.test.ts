import { expect, test } from 'vitest';
import { centuryYear, readGs1Date, type Gs1DateFormat } from './gs1-date.js';
import { isoDateSchema } from './iso-date.js';
import { parseBarcode } from './parse-barcode.js';

const on = (date: string) => isoDateSchema.parse(date);
const today = on('2026-05-10');

test.each([
  // [two-digit year, today, full year]: GS1 General Specifications, "Century of a year".
  [26, '2026-05-10', 2026],
  [0, '2026-05-10', 2000],
  [76, '2026-05-10', 2076], // 50 ahead: still this century
  [77, '2026-05-10', 1977], // 51 ahead: previous century
  [99, '2026-05-10', 1999],
  [31, '2080-01-01', 2031], // 49 behind: this century
  [30, '2080-01-01', 2130], // 50 behind: next century
  [0, '2099-12-31', 2100],
  [50, '2000-01-01', 2050],
  [51, '2000-01-01', 1951],
])('[BC24] YY %i read on %s is the year %i', (yy, day, year) => {
  expect(centuryYear(yy, on(day))).toBe(year);
});

test.each([
  ['260500', 'yymmd0', '2026-05-31'],
  ['260400', 'yymmd0', '2026-04-30'],
  ['261200', 'yymmd0', '2026-12-31'],
  ['240200', 'yymmd0', '2024-02-29'],
  ['250200', 'yymmd0', '2025-02-28'],
  ['000200', 'yymmd0', '2000-02-29'],
  ['260510', 'yymmd0', '2026-05-10'],
  ['240229', 'yymmdd', '2024-02-29'],
  ['20260229', 'yyyymmdd', undefined],
  ['20240229', 'yyyymmdd', '2024-02-29'],
] as const)('[BC25] %s as %s is %s', (digits, format, expected) => {
  const reading = readGs1Date(digits, format, today);
  expect(reading.ok ? reading.date : undefined).toBe(expected);
});

test.each<[string, Gs1DateFormat, string]>([
  ['260230', 'yymmd0', 'day 30 does not exist in 2026-02'],
  ['250229', 'yymmd0', 'day 29 does not exist in 2025-02'],
  ['260431', 'yymmdd', 'day 31 does not exist in 2026-04'],
  ['261301', 'yymmd0', 'month 13 does not exist'],
  ['260001', 'yymmd0', 'month 00 does not exist'],
  ['260500', 'yymmdd', 'day 00 is not allowed in this date'],
  ['2605', 'yymmd0', 'a date needs 6 digits'],
])('[BC25] %s as %s is refused: %s', (digits, format, problem) => {
  expect(readGs1Date(digits, format, today)).toEqual({ ok: false, problem });
});

test.each([
  ['(01)09501101530003(17)260200', '2026-02-28'],
  ['(01)09501101530003(17)280200', '2028-02-29'],
  ['(01)09501101530003(17)990101', '1999-01-01'],
])('[BC25] day 00 and the century rule reach the scan: %s expires %s', (text, expiry) => {
  const parsed = parseBarcode(text, { today });
  expect(parsed.ok && parsed.value.kind === 'gs1' && parsed.value.expiry).toBe(expiry);
});

test.each([
  ['(01)09501101530003(17)260230', 'BAD_DATE'],
  ['(01)09501101530003(7006)260500', 'BAD_DATE'],
  ['(01)09501101530003(11)261332', 'BAD_DATE'],
])('[BC25] %s is refused as %s', (text, reason) => {
  const parsed = parseBarcode(text, { today });
  expect(parsed.ok ? parsed.value : parsed.rejection.reason).toBe(reason);
});

test('[BC25] the first date of a date-and-time AI is read (7003 EXPIRY TIME)', () => {
  const parsed = parseBarcode('(01)09501101530003(7003)2612311430', { today });
  const element = parsed.ok && parsed.value.kind === 'gs1' ? parsed.value.elements[1] : undefined;
  expect(element).toEqual({ ai: '7003', title: 'EXPIRY TIME', data: '2612311430', date: '2026-12-31' });
});
