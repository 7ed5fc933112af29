import { expect, test } from 'vitest';
import { feedbackPatterns, scanOutcomes } from './scan-feedback.js';

const signature = (o: (typeof scanOutcomes)[number]) => JSON.stringify([feedbackPatterns[o].tones, feedbackPatterns[o].vibrate]);

test('[FB1] every outcome has its own sound and vibration, none shared', () => {
  expect(new Set(scanOutcomes.map(signature)).size).toBe(scanOutcomes.length);
  for (const o of scanOutcomes) {
    expect(feedbackPatterns[o].tones.length, o).toBeGreaterThan(0);
    expect(feedbackPatterns[o].vibrate.length, o).toBeGreaterThan(0);
  }
});

test('[FB2] problems sound lower and last longer than a good pick', () => {
  const good = feedbackPatterns.picked;
  const length = (o: (typeof scanOutcomes)[number]) => feedbackPatterns[o].tones.reduce((n, t) => n + t.ms + (t.gapMs ?? 0), 0);
  for (const o of ['unknown_code', 'not_on_order', 'over_pick', 'expired'] as const) {
    expect(Math.min(...feedbackPatterns[o].tones.map((t) => t.hz)), o).toBeLessThan(good.tones[0]!.hz);
    expect(length(o), o).toBeGreaterThan(length('picked'));
    expect(feedbackPatterns[o].blocking, o).toBe(true);
  }
});
