import { expect, test } from 'vitest';
import type { WedgeScan } from '../wedge/wedge-decoder.js';
import { GS } from '../wedge/wedge-settings.js';
import { analyseTestScans } from './analyse-test-scans.js';
import { testSheet } from './test-sheet.js';

const scan = (text: string, more: Partial<WedgeScan> = {}): WedgeScan => ({ text, via: 'keys', ended: 'Enter', durationMs: 60, averageGapMs: 5, ...more });
const asPrinted = testSheet.map((c) => c.expected[0]!);

test('[SW1] a well-set scanner is ready with the default settings', () => {
  const report = analyseTestScans(testSheet, asPrinted.map((t) => scan(t)));
  expect(report).toMatchObject({ ready: true, findings: [], settings: { suffix: 'Enter', prefix: '' } });
});

test('[SW2] no suffix is detected and the adapter told to end scans by silence', () => {
  const report = analyseTestScans(testSheet, asPrinted.map((t) => scan(t, { ended: 'silence' })));
  expect(report.findings).toContainEqual({ kind: 'no_suffix' });
  expect(report.settings.suffix).toBe('none');
  expect(report.ready).toBe(true);
});

test('[SW3] a prefix on every scan is found and removed', () => {
  const report = analyseTestScans(testSheet, asPrinted.map((t) => scan(`@@${t}`)));
  expect(report.findings).toContainEqual({ kind: 'prefix', prefix: '@@' });
  expect(report.settings.prefix).toBe('@@');
  expect(report.ready).toBe(true);
});

test('[SW4] a dropped GS separator is found and blocks until fixed on the scanner', () => {
  const report = analyseTestScans(testSheet, asPrinted.map((t) => scan(t.replace(GS, ''))));
  expect(report.findings).toContainEqual({ kind: 'missing_separator' });
  expect(report.ready).toBe(false);
});

test('[SW5] a stand-in for GS is learnt', () => {
  const report = analyseTestScans(testSheet, asPrinted.map((t) => scan(t.replace(GS, '^]'))));
  expect(report.findings).toContainEqual({ kind: 'separator_alias', alias: '^]' });
  expect(report.settings.separatorAliases).toContain('^]');
  expect(report.ready).toBe(true);
});

test('[SW6] changed characters (caps lock, wrong keyboard layout) are named with what arrived', () => {
  const scans = asPrinted.map((t) => scan(t === 'Pick-test-42a' ? 'pICK_TEST_42A' : t));
  const report = analyseTestScans(testSheet, scans);
  expect(report.findings).toContainEqual({ kind: 'changed_characters', code: 'code128', got: 'pICK_TEST_42A' });
  expect(report.ready).toBe(false);
});

test('[SW7] UPC-A as 13 digits with a leading 0 is fine', () => {
  const scans = asPrinted.map((t) => scan(t === '036000291452' ? '0036000291452' : t));
  expect(analyseTestScans(testSheet, scans).ready).toBe(true);
});

test('[SW8] a slow scanner widens the timing window; a missing code is reported', () => {
  const scans = asPrinted.map((t, i) => (i === 1 ? undefined : scan(t, { averageGapMs: 48 })));
  const report = analyseTestScans(testSheet, scans);
  expect(report.findings).toContainEqual({ kind: 'slow_keys', averageGapMs: 48 });
  expect(report.findings).toContainEqual({ kind: 'missing_code', code: 'ean8' });
  expect(report.settings.maxAverageGapMs).toBe(72);
});

test('[SW9] Tab as suffix is detected', () => {
  const report = analyseTestScans(testSheet, asPrinted.map((t) => scan(t, { ended: 'Tab' })));
  expect(report.settings.suffix).toBe('Tab');
});
