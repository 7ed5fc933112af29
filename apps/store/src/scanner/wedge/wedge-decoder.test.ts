import { describe, expect, test } from 'vitest';
import { WedgeDecoder, type WedgeInput, type WedgeVerdict } from './wedge-decoder.js';
import { defaultWedgeSettings, GS, type WedgeSettings } from './wedge-settings.js';

/** Key events for `text` typed `gapMs` apart from `start`, optionally followed by a suffix key. */
function keys(text: string, gapMs: number, start = 0, suffix?: 'Enter' | 'Tab'): WedgeInput[] {
  const chars = [...text].map((c, i) => ({ kind: 'char' as const, text: c, at: start + i * gapMs }));
  return suffix ? [...chars, { kind: 'terminator' as const, key: suffix, at: start + text.length * gapMs }] : chars;
}

function run(inputs: WedgeInput[], settings: Partial<WedgeSettings> = {}, endAt?: number): WedgeVerdict[] {
  const decoder = new WedgeDecoder({ ...defaultWedgeSettings, ...settings });
  const verdicts = inputs.map((i) => decoder.feed(i));
  if (endAt !== undefined) verdicts.push(decoder.silence(endAt));
  return verdicts.filter((v) => v.kind !== 'pending');
}

const scans = (verdicts: WedgeVerdict[]) => verdicts.flatMap((v) => (v.kind === 'scan' ? [v.scan.text] : []));

describe('[WD] telling a scan from typing', () => {
  test('[WD1] an EAN-13 keyed at scanner speed with Enter is one scan', () => {
    const verdicts = run(keys('6901234567892', 8, 0, 'Enter'));
    expect(verdicts).toMatchObject([{ kind: 'scan', scan: { text: '6901234567892', via: 'keys', ended: 'Enter' } }]);
  });

  test('[WD2] the same characters typed by a person are not a scan', () => {
    expect(scans(run(keys('6901234567892', 120, 0, 'Enter')))).toEqual([]);
    expect(scans(run(keys('6901234567892', 60, 0, 'Enter')))).toEqual([]);
  });

  test('[WD3] a scanner without a suffix ends its scan by silence', () => {
    expect(run(keys('96385074', 6), { suffix: 'none' }, 7 * 6 + 200)).toMatchObject([{ kind: 'scan', scan: { text: '96385074', ended: 'silence' } }]);
  });

  test('[WD3] two suffix-less scans in a row are told apart by the pause between them', () => {
    const inputs = [...keys('96385074', 5, 0), ...keys('12345670', 5, 1000)];
    expect(scans(run(inputs, { suffix: 'none' }, 3000))).toEqual(['96385074', '12345670']);
  });

  test('[WD4] text injected all at once (a whole string through input) is a scan', () => {
    const verdicts = run([{ kind: 'char', text: '0123456789012', at: 0 }, { kind: 'terminator', key: 'Enter', at: 1 }]);
    expect(verdicts).toMatchObject([{ kind: 'scan', scan: { text: '0123456789012', via: 'text' } }]);
  });

  test('[WD5] a paste is a scan', () => {
    expect(run([{ kind: 'paste', text: '10614141000415', at: 0 }])).toMatchObject([{ kind: 'scan', scan: { via: 'paste', ended: 'paste' } }]);
  });

  test('[WD6] a short burst is never a scan (a person pressing a key or two)', () => {
    expect(scans(run(keys('12', 5, 0, 'Enter')))).toEqual([]);
  });

  test('[WD7] a device firing twice is reported as a duplicate, not a second scan', () => {
    const verdicts = run([...keys('6901234567892', 5, 0, 'Enter'), ...keys('6901234567892', 5, 120, 'Enter')]);
    expect(verdicts.map((v) => v.kind)).toEqual(['scan', 'duplicate']);
  });

  test('[WD7] the same code scanned again after a real pause counts again', () => {
    expect(scans(run([...keys('6901234567892', 5, 0, 'Enter'), ...keys('6901234567892', 5, 1500, 'Enter')]))).toHaveLength(2);
  });

  test('[WD8] Tab as the suffix works the same as Enter', () => {
    expect(run(keys('6901234567892', 5, 0, 'Tab'))).toMatchObject([{ kind: 'scan', scan: { ended: 'Tab' } }]);
  });

  test('[WD9] one slow character inside a fast burst (an Android event-loop hiccup) still reads', () => {
    const inputs = keys('0106901234567892', 5);
    const delayed = inputs.map((input, i) => (i >= 8 ? { ...input, at: input.at + 90 } : input));
    expect(scans(run([...delayed, { kind: 'terminator', key: 'Enter', at: 300 }]))).toEqual(['0106901234567892']);
  });
});

describe('[WS] GS1 separators in every form the devices send', () => {
  const element = `0109501101530003${GS}10ABC123${GS}17261231`;
  test('[WS1] the 0x1D character itself is kept', () => {
    expect(scans(run(keys(element, 5, 0, 'Enter')))).toEqual([element]);
  });
  test('[WS2] the text "<GS>" becomes the separator', () => {
    expect(scans(run(keys(element.replaceAll(GS, '<GS>'), 3, 0, 'Enter')))).toEqual([element]);
  });
  test('[WS3] a configured stand-in character becomes the separator', () => {
    expect(scans(run(keys(element.replaceAll(GS, '~'), 3, 0, 'Enter'), { separatorAliases: ['~'] }))).toEqual([element]);
  });
  test('[WS4] a scanner prefix is removed', () => {
    expect(scans(run(keys('#6901234567892', 3, 0, 'Enter'), { prefix: '#' }))).toEqual(['6901234567892']);
  });
});
