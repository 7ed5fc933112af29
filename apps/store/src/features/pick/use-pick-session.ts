import { exhaustive, readPickCommand, type Actor, type RejectionReason, type IsoDate, type Order, type PickCommand } from '@repo/domain';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { PickProgress } from '../../local-db/store-db.js';
import { giveFeedback, type ScanOutcome } from '../../scanner/feedback/scan-feedback.js';
import { readScan, type ScanReading } from '../../scanner/read-scan.js';
import { useScannerSettings } from '../../scanner/use-wedge-scanner.js';
import { ScanQueue } from '../../scanner/wedge/scan-queue.js';
import { applyDecision, dismissDecision, freshProgress, queueFinish, saveProgress } from './pick-progress.js';
import {
  isHardStop, judgeScan, markShort, nextOpenLine, planFinish, recordScan, tallyLines, undoLastScan,
  type HardStop, type LineTally, type ScanFacts, type ScanVerdict,
} from './pick-tally.js';

type StoreActor = Extract<Actor, { storeId: string }>;
type PickingOrder = Extract<Order, { status: 'picking' }>;

/** The last thing a scan or a button did, as the screen shows it. */
export type PickNews =
  | { readonly kind: 'counted'; readonly verdict: Extract<ScanVerdict, { kind: 'count' | 'case' }>; readonly name: string; readonly seq: number }
  | { readonly kind: 'undone'; readonly name: string; readonly units: number; readonly seq: number }
  | { readonly kind: 'nothing_to_undo'; readonly seq: number }
  | { readonly kind: 'open_lines'; readonly count: number; readonly seq: number }
  | { readonly kind: 'rejected'; readonly reason: RejectionReason; readonly seq: number };

type NewsWithoutSeq = PickNews extends infer N ? (N extends PickNews ? Omit<N, 'seq'> : never) : never;

/** A scan that stopped the pick, with the product's name when the code was known. */
export interface PickStop {
  readonly verdict: HardStop;
  readonly name: string;
}

export interface PickSession {
  readonly progress: PickProgress | undefined;
  readonly lines: readonly LineTally[];
  readonly current: string | undefined;
  readonly news: PickNews | undefined;
  readonly stop: PickStop | undefined;
  readonly shortFor: string | undefined;
  readonly isConfirmingReport: boolean;
  readonly scan: (text: string) => void;
  readonly command: (command: PickCommand) => void;
  readonly acknowledge: () => void;
  readonly select: (productId: string) => void;
  readonly openShort: (productId: string | undefined) => void;
  readonly closeShort: () => void;
  readonly saveShort: (productId: string, available: number | null) => void;
  readonly cancelReport: () => void;
  readonly readDecision: () => void;
}

const outcomeOf: Record<ScanVerdict['kind'], ScanOutcome> = {
  count: 'picked', case: 'case_converted', unknown_code: 'unknown_code', not_on_order: 'not_on_order',
  over_pick: 'over_pick', expired: 'expired', short_dated: 'short_dated',
};

/**
 * The pick of one order on this handheld: scans in one at a time, each judged against the tally,
 * counted and saved before it is shown, hard stops held until acknowledged ([PK2]–[PK9]).
 */
export function usePickSession(order: PickingOrder, actor: StoreActor, device: string, onDone: () => void): PickSession {
  const settings = useScannerSettings();
  const [progress, setProgress] = useState<PickProgress | undefined>(undefined);
  const [current, setCurrent] = useState<string | undefined>(undefined);
  const [news, setNews] = useState<PickNews | undefined>(undefined);
  const [stop, setStop] = useState<PickStop | undefined>(undefined);
  const [shortFor, setShortFor] = useState<string | undefined>(undefined);
  const [isConfirmingReport, setConfirmingReport] = useState(false);
  const lines = useMemo(() => tallyLines(order.lines, progress), [order.lines, progress]);

  // The queue's work reads the latest of everything through one ref, never a stale closure.
  const live = useRef({ order, progress, lines, current, stop, isConfirmingReport, settings, actor, onDone });
  live.current = { order, progress, lines, current, stop, isConfirmingReport, settings, actor, onDone };
  const seq = useRef(0);
  const say = useCallback((next: NewsWithoutSeq) => setNews({ ...next, seq: ++seq.current } as PickNews), []);

  // Pulls rewrite the order row (a new lines array) while the manager scans; only a change of the
  // lines themselves is news here.
  const linesKey = JSON.stringify(order.lines);
  useEffect(() => {
    let isCurrent = true;
    // A pick reported short and now back to picking: head office decided; bring the pick in line.
    void applyDecision(order.id, live.current.order.lines).then(({ progress: saved, applied }) => {
      // Once loaded, the screen's copy is the newest (scans are saved before they are shown);
      // reading the row again here could hand back one from before a scan still being saved.
      if (!isCurrent || (live.current.progress && !applied)) return;
      const loaded = saved ?? freshProgress(order.id, device);
      live.current.progress = loaded;
      setProgress(loaded);
      setCurrent((was) => was ?? nextOpenLine(tallyLines(live.current.order.lines, loaded), undefined));
    });
    return () => { isCurrent = false; };
  }, [order.id, linesKey, device]);

  const commit = useCallback(async (next: PickProgress) => {
    await saveProgress(next);
    live.current.progress = next;
    setProgress(next);
  }, []);

  const finish = useCallback(async () => {
    const { progress: saved, lines: tally, order: o, actor: who } = live.current;
    if (!saved) return;
    const plan = planFinish(tally);
    if (plan.kind === 'open') {
      say({ kind: 'open_lines', count: plan.open.length });
      setCurrent(plan.open[0]);
      return;
    }
    if (plan.kind === 'report_short' && !live.current.isConfirmingReport) {
      setConfirmingReport(true);
      return;
    }
    const result = await queueFinish({ progress: saved, lines: o.lines, plan, actor: who });
    if (!result.ok) {
      say({ kind: 'rejected', reason: result.rejection.reason });
      return;
    }
    live.current.onDone();
  }, [say]);

  const runCommand = useCallback(async (command: PickCommand) => {
    const { progress: saved, lines: tally, current: at, order: o } = live.current;
    switch (command) {
      case 'undo': {
        if (!saved) return;
        const { progress: next, undone } = undoLastScan(saved);
        if (!undone) return say({ kind: 'nothing_to_undo' });
        await commit(next);
        say({ kind: 'undone', name: nameOf(o, undone.productId), units: undone.units });
        return;
      }
      case 'next_line':
        setCurrent(nextOpenLine(tally, at) ?? at);
        return;
      case 'mark_short':
        setShortFor(at ?? nextOpenLine(tally, undefined));
        return;
      case 'finish_pick':
        await finish();
        return;
      default:
        return exhaustive(command);
    }
  }, [commit, finish, say]);

  const [queue] = useState(() => new ScanQueue<string>(async (text) => {
    const command = readPickCommand(text.trim());
    // A hard stop holds every scan; a command barcode acknowledges it, hands-free ([PK3]).
    if (live.current.stop) {
      if (command) setStop((live.current.stop = undefined));
      else giveFeedback(outcomeOf[live.current.stop.verdict.kind]);
      return;
    }
    if (command) return runCommand(command.command);
    const { lines: tally, progress: saved, settings: scanner } = live.current;
    if (!saved) return;
    const reading = await readScan(text, localToday(), scanner?.separatorAliases ?? []);
    const facts = factsOf(reading);
    const verdict = judgeScan(tally, facts);
    const name = reading.ok && reading.product ? reading.product.name : '';
    if (isHardStop(verdict)) {
      setStop((live.current.stop = { verdict, name }));
      giveFeedback(outcomeOf[verdict.kind]);
      return;
    }
    const next = recordScan(saved, { verdict, facts, text, at: new Date().toISOString() });
    await saveProgress(next);
    live.current.progress = next;
    giveFeedback(outcomeOf[verdict.kind]);
    // Rendered now rather than on the scheduler's next task: the person is waiting for this answer.
    flushSync(() => {
      setProgress(next);
      setCurrent(verdict.productId);
      say({ kind: 'counted', verdict, name });
    });
  }));

  return {
    progress, lines, current, news, stop, shortFor, isConfirmingReport,
    scan: (text) => void queue.push(text),
    command: (command) => void queue.push(commandText[command]),
    acknowledge: () => setStop((live.current.stop = undefined)),
    select: setCurrent,
    openShort: (productId) => setShortFor(productId ?? live.current.current),
    closeShort: () => setShortFor(undefined),
    saveShort: (productId, available) => {
      const saved = live.current.progress;
      setShortFor(undefined);
      if (saved) void commit(markShort(saved, productId, available)).then(() => setCurrent(nextOpenLine(live.current.lines, productId)));
    },
    cancelReport: () => setConfirmingReport(false),
    readDecision: () => {
      const saved = live.current.progress;
      if (saved) void dismissDecision(saved).then((next) => { live.current.progress = next; setProgress(next); });
    },
  };
}

// Buttons go through the same queue as scans, so a tap never overtakes a scan still being saved.
const commandText: Record<PickCommand, string> = { finish_pick: 'CMD:FINISH', mark_short: 'CMD:SHORT', next_line: 'CMD:NEXT', undo: 'CMD:UNDO' };

function factsOf(reading: ScanReading): ScanFacts {
  if (!reading.ok || !reading.product) return { unitsPerScan: 0 };
  const gs1 = reading.parsed.kind === 'gs1' ? reading.parsed : undefined;
  return {
    productId: reading.product.id,
    unitsPerScan: reading.unitsPerScan,
    shelfLife: reading.shelfLife,
    lot: gs1?.elements.find((e) => e.ai === '10')?.data,
    expiry: gs1?.expiry,
  };
}

function nameOf(order: Order, productId: string): string {
  return order.lines.find((l) => l.productId === productId)?.name ?? productId;
}

/** The store's calendar date (device local time), as GS1 dates are compared against it. */
function localToday(): IsoDate {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10) as IsoDate;
}
