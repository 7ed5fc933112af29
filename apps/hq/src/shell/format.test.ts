import { expect, test } from 'vitest';
import { formatKm } from './format-distance.js';
import { formatDuration } from './format-duration.js';
import { formatPrice, formatPriceChange } from './format-price.js';

test('[HQF1] a sync delay reads in seconds, minutes or hours, in each language', () => {
  expect(formatDuration(45_000, 'zh-Hans')).toBe('45秒钟');
  expect(formatDuration(7 * 60_000, 'zh-Hans')).toBe('7分钟');
  expect(formatDuration(-7 * 60_000, 'en')).toBe('7 minutes');
  expect(formatDuration(150 * 60_000, 'en')).toBe('2.5 hours');
});

test('[HQF2] a price difference always shows its sign, an amount never does', () => {
  expect(formatPriceChange(400, 'zh-Hans')).toBe('+¥4.00');
  expect(formatPriceChange(-50, 'zh-Hans')).toBe('-¥0.50');
  expect(formatPriceChange(0, 'zh-Hans')).toBe('¥0.00');
  expect(formatPrice(1350, 'zh-Hans')).toBe('¥13.50');
});

test('[HQF3] a distance reads with one decimal, through Intl in each language', () => {
  expect(formatKm(1.64, 'zh-Hans')).toBe('1.6');
  expect(formatKm(12, 'en')).toBe('12.0');
  expect(formatKm(1234.56, 'zh-Hant')).toBe('1,234.6');
});
