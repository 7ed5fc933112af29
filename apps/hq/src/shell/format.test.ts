import { expect, test } from 'vitest';
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
