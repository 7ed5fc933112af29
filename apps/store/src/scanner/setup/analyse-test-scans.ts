import type { WedgeScan } from '../wedge/wedge-decoder.js';
import { defaultWedgeSettings, GS, type WedgeSettings } from '../wedge/wedge-settings.js';
import type { TestSheetCode } from './test-sheet.js';

/** Something the wizard found about this scanner, each with a fix the person can apply. */
export type ScannerFinding =
  | { readonly kind: 'no_suffix' }
  | { readonly kind: 'tab_suffix' }
  | { readonly kind: 'prefix'; readonly prefix: string }
  | { readonly kind: 'missing_separator' }
  | { readonly kind: 'separator_alias'; readonly alias: string }
  | { readonly kind: 'changed_characters'; readonly code: TestSheetCode['id']; readonly got: string }
  | { readonly kind: 'slow_keys'; readonly averageGapMs: number }
  | { readonly kind: 'missing_code'; readonly code: TestSheetCode['id'] };

export interface ScannerReport {
  readonly settings: WedgeSettings;
  readonly findings: readonly ScannerFinding[];
  /** True when every code arrived exactly as it should with the settings found. */
  readonly ready: boolean;
}

/**
 * Compares what the scanner typed for each test-sheet code with what is printed, and works out
 * the settings that read it right (suffix, prefix, separator stand-in, timing) and what the
 * person should change on the scanner itself.
 */
export function analyseTestScans(sheet: readonly TestSheetCode[], scans: readonly (WedgeScan | undefined)[]): ScannerReport {
  const findings: ScannerFinding[] = [];
  const received = sheet.map((code, i) => ({ code, scan: scans[i] }));
  const present = received.filter((r): r is { code: TestSheetCode; scan: WedgeScan } => r.scan !== undefined);
  received.filter((r) => !r.scan).forEach((r) => findings.push({ kind: 'missing_code', code: r.code.id }));

  const suffix = majority(present.map((r) => r.scan.ended));
  if (suffix === 'silence') findings.push({ kind: 'no_suffix' });
  if (suffix === 'Tab') findings.push({ kind: 'tab_suffix' });
  const prefix = commonPrefix(present);
  if (prefix) findings.push({ kind: 'prefix', prefix });
  const gs1 = present.find((r) => r.code.id === 'gs1_128');
  const alias = gs1 ? separatorAlias(gs1.code, stripPrefix(gs1.scan.text, prefix)) : null;
  if (alias === '') findings.push({ kind: 'missing_separator' });
  else if (alias) findings.push({ kind: 'separator_alias', alias });
  for (const { code, scan } of present) {
    const text = restoreSeparator(stripPrefix(scan.text, prefix), alias);
    if (!code.expected.includes(text) && !(code.id === 'gs1_128' && alias === '')) {
      findings.push({ kind: 'changed_characters', code: code.id, got: text });
    }
  }
  const slowest = Math.max(0, ...present.map((r) => r.scan.averageGapMs));
  if (slowest > defaultWedgeSettings.maxAverageGapMs) findings.push({ kind: 'slow_keys', averageGapMs: Math.round(slowest) });

  const settings: WedgeSettings = {
    ...defaultWedgeSettings,
    suffix: suffix === 'silence' ? 'none' : suffix === 'Tab' ? 'Tab' : 'Enter',
    prefix: prefix ?? '',
    separatorAliases: alias ? [...defaultWedgeSettings.separatorAliases, alias] : defaultWedgeSettings.separatorAliases,
    maxAverageGapMs: Math.max(defaultWedgeSettings.maxAverageGapMs, Math.ceil(slowest * 1.5)),
  };
  const blocking = findings.some((f) => f.kind === 'missing_code' || f.kind === 'changed_characters' || f.kind === 'missing_separator');
  return { settings, findings, ready: !blocking };
}

function majority<T>(values: readonly T[]): T | undefined {
  const counts = new Map<T, number>();
  values.forEach((v) => counts.set(v, (counts.get(v) ?? 0) + 1));
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0];
}

/** Characters every scan starts with that no printed code starts with. */
function commonPrefix(present: readonly { code: TestSheetCode; scan: WedgeScan }[]): string | null {
  if (present.length < 2) return null;
  const extra = present.map(({ code, scan }) => {
    const match = code.expected.map((e) => scan.text.indexOf(e)).filter((i) => i > 0);
    return match.length ? scan.text.slice(0, Math.min(...match)) : '';
  });
  const first = extra[0] ?? '';
  return first && extra.every((e) => e === first) ? first : null;
}

function stripPrefix(text: string, prefix: string | null): string {
  return prefix && text.startsWith(prefix) ? text.slice(prefix.length) : text;
}

/** How the scanner wrote the GS separator: null if as GS, '' if it dropped it, else its stand-in. */
function separatorAlias(code: TestSheetCode, text: string): string | null {
  if (text.includes(GS)) return null;
  for (const expected of code.expected) {
    const [before, after] = expected.split(GS) as [string, string];
    if (text.startsWith(before) && text.endsWith(after)) return text.slice(before.length, text.length - after.length);
  }
  return null;
}

function restoreSeparator(text: string, alias: string | null): string {
  return alias ? text.split(alias).join(GS) : text;
}
