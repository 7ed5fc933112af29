import { expect, test } from 'vitest';
import { isoDateSchema } from './iso-date.js';
import { checkShelfLife, type ShelfLifeStatus } from './shelf-life.js';

const on = (date: string) => isoDateSchema.parse(date);

test.each<[expiry: string, today: string, minRemainingDays: number, status: ShelfLifeStatus]>([
  ['2026-05-20', '2026-05-10', 3, 'ok'],
  ['2026-05-13', '2026-05-10', 3, 'ok'], // exactly the minimum left
  ['2026-05-12', '2026-05-10', 3, 'short_dated'],
  ['2026-05-10', '2026-05-10', 3, 'short_dated'], // the expiry day itself is still usable
  ['2026-05-10', '2026-05-10', 0, 'ok'],
  ['2026-05-09', '2026-05-10', 0, 'expired'],
  ['2026-05-09', '2026-05-10', 3, 'expired'],
  ['2026-03-01', '2026-02-27', 2, 'ok'], // across a month end
  ['2025-01-01', '2024-12-31', 1, 'ok'], // across a year end
  ['2024-03-01', '2024-02-28', 2, 'ok'], // 2024-02-29 exists
  ['2026-11-02', '2026-10-25', 8, 'ok'], // no time zone or DST step can shift a day
])('[BC33] expiry %s on %s with %i days minimum is %s', (expiry, today, minRemainingDays, status) => {
  expect(checkShelfLife({ expiry: on(expiry), today: on(today), minRemainingDays })).toBe(status);
});

test('[BC33] a date typed by hand must be a real date before it is checked', () => {
  expect(isoDateSchema.safeParse('2026-02-30').success).toBe(false);
  expect(isoDateSchema.safeParse('26-05-10').success).toBe(false);
});
