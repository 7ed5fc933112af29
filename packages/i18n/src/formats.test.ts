import { expect, test } from 'vitest';
import { formatCountdown, formatIsoDate, formatList, formatTimeAgo } from './formats.js';

test.each([
  ['en', ['photo'], 'photo'], ['en', ['photo', 'signature'], 'photo and signature'], ['en', ['photo', 'signature', 'cash'], 'photo, signature, and cash'],
  ['zh-Hans', ['照片', '签名'], '照片和签名'], ['zh-Hans', ['照片', '签名', '收款'], '照片、签名和收款'],
  ['zh-Hant', ['相片', '簽名'], '相片和簽名'],
] as const)('[I18N8] a %s list of %j reads "%s" (Intl.ListFormat), never joined by hand', (locale, items, expected) => {
  expect(formatList(items, locale)).toBe(expected);
});

test.each([
  ['en', 60_000, '1 minute ago'], ['en', 2 * 60_000, '2 minutes ago'], ['en', 21 * 60_000, '21 minutes ago'], ['en', 61 * 60_000, '1 hour ago'], ['en', 125 * 60_000, '2 hours ago'],
  ['zh-Hans', 60_000, '1分钟前'], ['zh-Hans', 21 * 60_000, '21分钟前'], ['zh-Hans', 61 * 60_000, '1小时前'],
  ['zh-Hant', 2 * 60_000, '2 分鐘前'], ['zh-Hant', 125 * 60_000, '2 小時前'],
] as const)('[I18N8] %s, %d ms ago reads "%s" (Intl.RelativeTimeFormat)', (locale, ms, expected) => {
  expect(formatTimeAgo(ms, locale)).toBe(expected);
});

test.each([
  [0, '0:00'], [1, '0:01'], [65, '1:05'], [120, '2:00'], [-3, '0:00'], [59.9, '0:59'],
])('[I18N8] a countdown of %d s reads "%s" in every language', (seconds, expected) => {
  for (const locale of ['en', 'zh-Hans', 'zh-Hant'] as const) expect(formatCountdown(seconds, locale)).toBe(expected);
});

test.each([
  ['en', '2025-03-01', 'Mar 1, 2025'], ['zh-Hans', '2025-03-01', '2025年3月1日'], ['zh-Hant', '2025-12-31', '2025年12月31日'], ['en', 'not a date', 'not a date'],
] as const)('[I18N8] the %s calendar date %s reads "%s" (Intl.DateTimeFormat, no day lost to time zones)', (locale, iso, expected) => {
  expect(formatIsoDate(iso, locale)).toBe(expected);
});
