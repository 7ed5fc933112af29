import { describe, expect, test } from 'vitest';
import type { OrderLine } from '@repo/domain';
import type { PickProgress } from '../../local-db/store-db.js';
import { capScans, isHardStop, judgeScan, markShort, nextOpenLine, planFinish, reconcileWithDecision, recordScan, tallyLines, undoLastScan, type ScanFacts } from './pick-tally.js';

const water: OrderLine = { productId: 'p-001', gtin: '06902000000018', name: '农夫山泉 饮用天然水 550ml', quantity: 25, confirmedQuantity: 25 };
const milk: OrderLine = { productId: 'p-003', gtin: '06902074000013', name: '光明 鲜牛奶 250ml', quantity: 2, confirmedQuantity: 2 };
const chips: OrderLine = { productId: 'p-004', gtin: '06902111000013', name: '乐事 薯片 70g', quantity: 1, confirmedQuantity: 1 };
const lines = [water, milk, chips];

const empty: PickProgress = { orderId: 'o-1', device: 'dev-a', startedAt: '2026-11-23T02:00:00Z', scans: [], short: {} };
const unit = (productId: string, extra: Partial<ScanFacts> = {}): ScanFacts => ({ productId, unitsPerScan: 1, ...extra });
const caseOf24: ScanFacts = { productId: 'p-001', unitsPerScan: 24 };

/** Scans each fact through judge + record, as the screen does, and returns the progress and the verdicts. */
function scanAll(facts: readonly ScanFacts[], start: PickProgress = empty, on: readonly OrderLine[] = lines) {
  let progress = start;
  const verdicts = facts.map((f, i) => {
    const verdict = judgeScan(tallyLines(on, progress), f);
    if (!isHardStop(verdict)) progress = recordScan(progress, { verdict, facts: f, text: `scan-${i}`, at: '2026-11-23T02:01:00Z' });
    return verdict.kind;
  });
  return { progress, verdicts, tally: tallyLines(on, progress) };
}

describe('the tally', () => {
  test('[PK1] every line shows what to pick and what is picked; nothing picked at the start', () => {
    expect(tallyLines(lines, empty).map((l) => [l.productId, l.wanted, l.picked])).toEqual([['p-001', 25, 0], ['p-003', 2, 0], ['p-004', 1, 0]]);
  });

  test('[PK1] what to pick is the confirmed quantity, lower than ordered after a partial decision', () => {
    expect(tallyLines([{ ...milk, confirmedQuantity: 1 }], empty)[0]).toMatchObject({ wanted: 1 });
  });

  test('[PK2] a unit code adds one, a case code adds its pack size and says it was a case', () => {
    const { verdicts, tally } = scanAll([unit('p-001'), caseOf24]);
    expect(verdicts).toEqual(['count', 'case']);
    expect(tally[0]).toMatchObject({ picked: 25 });
  });

  test('[PK3] an item not on the order stops the pick and counts nothing', () => {
    const { verdicts, progress } = scanAll([unit('p-002')]);
    expect(verdicts).toEqual(['not_on_order']);
    expect(progress.scans).toEqual([]);
  });

  test('[PK3] a code this store does not know stops the pick', () => {
    expect(scanAll([{ unitsPerScan: 0 }]).verdicts).toEqual(['unknown_code']);
  });

  test('[PK3] one more than ordered stops the pick; so does a case that would overshoot', () => {
    const { verdicts, tally } = scanAll([unit('p-004'), unit('p-004'), unit('p-001'), unit('p-001'), caseOf24]);
    expect(verdicts).toEqual(['count', 'over_pick', 'count', 'count', 'over_pick']);
    expect(tally.map((l) => l.picked)).toEqual([2, 0, 1]);
    expect(judgeScan(tally, caseOf24)).toEqual({ kind: 'over_pick', productId: 'p-001', units: 24, left: 23 });
  });

  test('[PK4] an expired or short-dated item stops the pick and counts nothing, even on a line with room', () => {
    const { verdicts, progress } = scanAll([unit('p-003', { shelfLife: 'expired', expiry: '2026-11-20' }), unit('p-003', { shelfLife: 'short_dated', expiry: '2026-11-24' })]);
    expect(verdicts).toEqual(['expired', 'short_dated']);
    expect(progress.scans).toEqual([]);
  });

  test('[PK4] a product not on the order is named as such before its date is looked at', () => {
    expect(judgeScan(tallyLines(lines, empty), unit('p-099', { shelfLife: 'expired' })).kind).toBe('not_on_order');
  });

  test('[PK5] lots and expiry dates from GS1 codes are kept per line, summed per lot, plain codes carry none', () => {
    const { tally } = scanAll([
      unit('p-003', { lot: 'L7', expiry: '2026-12-01', shelfLife: 'ok' }),
      unit('p-003', { lot: 'L7', expiry: '2026-12-01', shelfLife: 'ok' }),
      { ...caseOf24, lot: 'C1', expiry: '2027-06-30', shelfLife: 'ok' },
      unit('p-001'),
    ]);
    expect(tally[1]?.lots).toEqual([{ lot: 'L7', expiry: '2026-12-01', quantity: 2 }]);
    expect(tally[0]?.lots).toEqual([{ lot: 'C1', expiry: '2027-06-30', quantity: 24 }]);
  });

  test('[PK6] undo takes back the last counted scan, a case as a whole; undo of nothing changes nothing', () => {
    const { progress } = scanAll([unit('p-001'), caseOf24]);
    const once = undoLastScan(progress);
    expect(once.undone).toMatchObject({ productId: 'p-001', units: 24 });
    expect(tallyLines(lines, once.progress)[0]?.picked).toBe(1);
    expect(undoLastScan(empty)).toEqual({ progress: empty });
  });

  test('[PK8] next goes to the next line still open, wrapping round, and skips settled lines', () => {
    const { tally } = scanAll([unit('p-003'), unit('p-003')]);
    expect(nextOpenLine(tally, 'p-001')).toBe('p-004');
    expect(nextOpenLine(tally, 'p-004')).toBe('p-001');
    expect(nextOpenLine(tally, undefined)).toBe('p-001');
    const done = scanAll([caseOf24, unit('p-001'), unit('p-003'), unit('p-003'), unit('p-004')]).tally;
    expect(nextOpenLine(done, 'p-001')).toBeUndefined();
  });
});

describe('finishing', () => {
  test('[PK9] finishing needs every line picked or marked short', () => {
    const { tally } = scanAll([caseOf24, unit('p-001')]);
    expect(planFinish(tally)).toEqual({ kind: 'open', open: ['p-003', 'p-004'] });
  });

  test('[PK9] a fully picked order finishes with every line, its quantity and lots', () => {
    const { tally } = scanAll([caseOf24, unit('p-001'), unit('p-003', { lot: 'L7', expiry: '2026-12-01', shelfLife: 'ok' }), unit('p-003'), unit('p-004')]);
    expect(planFinish(tally)).toEqual({
      kind: 'finish',
      picked: [
        { productId: 'p-001', quantity: 25, lots: [] },
        { productId: 'p-003', quantity: 2, lots: [{ lot: 'L7', expiry: '2026-12-01', quantity: 1 }] },
        { productId: 'p-004', quantity: 1, lots: [] },
      ],
    });
  });

  test('[PK9] a line marked short makes the finish a short report with what is available', () => {
    const { progress } = scanAll([caseOf24, unit('p-001'), unit('p-003')]);
    const marked = markShort(markShort(progress, 'p-003', 1), 'p-004', 0);
    expect(planFinish(tallyLines(lines, marked))).toEqual({ kind: 'report_short', available: [{ productId: 'p-003', quantity: 1 }, { productId: 'p-004', quantity: 0 }] });
    expect(markShort(marked, 'p-004', null).short).toEqual({ 'p-003': 1 });
  });

  test('[PK9] a short mark on a line that got fully picked after all no longer counts', () => {
    const { progress } = scanAll([unit('p-003')]);
    const picked = scanAll([unit('p-003')], markShort(progress, 'p-003', 1)).tally;
    expect(picked[1]).not.toHaveProperty('short');
  });
});

describe('head office decides a short', () => {
  const reported = (progress: PickProgress): PickProgress => ({ ...progress, short: { 'p-003': 1 }, reportedShort: { at: '2026-11-23T02:05:00Z', lines } });

  test('[PK11] partial: counts above the confirmed quantity are cut, with how many to put back', () => {
    const { progress } = scanAll([unit('p-003'), caseOf24]);
    const now = [water, { ...milk, confirmedQuantity: 0 }, chips];
    const result = reconcileWithDecision(reported(progress), lines, now);
    expect(result.resolution).toBe('partial');
    expect(result.changes).toEqual([{ productId: 'p-003', name: milk.name, kind: 'reduced', from: 2, to: 0, putBack: 1 }]);
    expect(tallyLines(now, result.progress).map((l) => l.picked)).toEqual([24, 0, 0]);
    expect(result.progress.short).toEqual({});
    expect(result.progress).not.toHaveProperty('reportedShort');
  });

  test('[PK11] substitute: counts of products no longer on the order go, new lines start at zero', () => {
    const { progress } = scanAll([unit('p-003'), unit('p-004')]);
    const yoghurt: OrderLine = { productId: 'p-025', gtin: '06902074000037', name: '蒙牛 酸奶 250ml', quantity: 2, confirmedQuantity: 2 };
    const now = [water, yoghurt, chips];
    const result = reconcileWithDecision(reported(progress), lines, now);
    expect(result.resolution).toBe('substitute');
    expect(result.changes).toEqual([
      { productId: 'p-003', name: milk.name, kind: 'removed', from: 2, to: 0, putBack: 1 },
      { productId: 'p-025', name: yoghurt.name, kind: 'added', from: 0, to: 2, putBack: 0 },
    ]);
    expect(result.progress.scans.map((s) => s.productId)).toEqual(['p-004']);
  });

  test('[PK11] the scan that crosses the new quantity keeps only what fits, with its lot', () => {
    const scans = [{ seq: 1, productId: 'p-001', units: 24, text: 'case', lot: 'C1', at: 'x' }, { seq: 2, productId: 'p-001', units: 1, text: 'u', at: 'x' }];
    expect(capScans(scans, [{ ...water, confirmedQuantity: 20 }])).toEqual([{ seq: 1, productId: 'p-001', units: 20, text: 'case', lot: 'C1', at: 'x' }]);
  });
});
