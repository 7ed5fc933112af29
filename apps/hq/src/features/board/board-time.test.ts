import { expect, test } from 'vitest';
import { formatElapsed, formatSpan, serverOffsetMs, wholeMinutes } from './board-time.js';

test('[BD11] time in a state ticks as m:ss, then h:mm:ss', () => {
  expect(formatElapsed(0, 'zh-Hans')).toBe('0:00');
  expect(formatElapsed(7 * 60_000 + 5_000, 'zh-Hans')).toBe('7:05');
  expect(formatElapsed(62 * 60_000 + 5_400, 'en')).toBe('1:02:05');
  expect(formatElapsed(-3_000, 'en'), 'a clock a little ahead never shows a negative time').toBe('0:00');
});

test('[BD11] late and left minutes are whole and at least one', () => {
  expect(wholeMinutes(12 * 60_000 + 59_000)).toBe(12);
  expect(wholeMinutes(-5 * 60_000)).toBe(5);
  expect(wholeMinutes(10_000)).toBe(1);
  expect(serverOffsetMs('2026-11-30T02:00:05.000Z', new Date('2026-11-30T02:00:00.000Z'))).toBe(5_000);
});

test('[BD11] late and left spans are short in every language', () => {
  expect(formatSpan(12 * 60_000, 'zh-Hans')).toBe('12分钟');
  expect(formatSpan(12 * 60_000, 'en')).toBe('12 min');
  expect(formatSpan(40_000, 'zh-Hant')).toMatch(/^40\s?秒$/);
  expect(formatSpan(150 * 60_000, 'en')).toBe('2.5 hr');
});
