import type { OrderLine, PickedLine, ShelfLifeStatus } from '@repo/domain';
import type { PickProgress, PickScan } from '../../local-db/store-db.js';

/** What one scan says, reduced to what a pick needs (taken from `readScan`). */
export interface ScanFacts {
  /** The catalogue product the code stands for; left out when this store does not know the code. */
  readonly productId?: string | undefined;
  /** 1 for a unit code, the pack size for a case code. */
  readonly unitsPerScan: number;
  readonly shelfLife?: ShelfLifeStatus | undefined;
  /** GS1 AI (10) and (17), kept on the line. */
  readonly lot?: string | undefined;
  readonly expiry?: string | undefined;
}

/** One line of the order as picked so far. */
export interface LineTally {
  readonly productId: string;
  readonly name: string;
  readonly gtin: string;
  /** What the store must pick: the confirmed quantity (lower than ordered after a partial decision). */
  readonly wanted: number;
  readonly picked: number;
  /** Units the store can supply, when the manager marked the line short and it is not fully picked. */
  readonly short?: number;
  readonly lots: PickedLine['lots'];
}

/** What a scan would do to the pick. Only `count` and `case` change it; the rest stop the pick until acknowledged. */
export type ScanVerdict =
  | { readonly kind: 'count'; readonly productId: string; readonly units: 1 }
  | { readonly kind: 'case'; readonly productId: string; readonly units: number }
  | { readonly kind: 'unknown_code' }
  | { readonly kind: 'not_on_order'; readonly productId: string }
  | { readonly kind: 'over_pick'; readonly productId: string; readonly units: number; readonly left: number }
  | { readonly kind: 'expired'; readonly productId: string; readonly expiry?: string | undefined }
  | { readonly kind: 'short_dated'; readonly productId: string; readonly expiry?: string | undefined };

export type HardStop = Exclude<ScanVerdict, { kind: 'count' | 'case' }>;

/** Whether the pick must stop until the manager acknowledges ([PK3]). */
export function isHardStop(verdict: ScanVerdict): verdict is HardStop {
  return verdict.kind !== 'count' && verdict.kind !== 'case';
}

/** The order's lines with what was picked so far ([PK1]); scans of products no longer on the order count for nothing. */
export function tallyLines(lines: readonly OrderLine[], progress: Pick<PickProgress, 'scans' | 'short'> | undefined): LineTally[] {
  return lines.map((line) => {
    const scans = (progress?.scans ?? []).filter((s) => s.productId === line.productId);
    const picked = scans.reduce((sum, s) => sum + s.units, 0);
    const short = progress?.short[line.productId];
    const wanted = line.confirmedQuantity;
    return {
      productId: line.productId, name: line.name, gtin: line.gtin, wanted, picked, lots: lotsOf(scans),
      ...(short !== undefined && picked < wanted ? { short } : {}),
    };
  });
}

/** A line needs nothing more: fully picked, or marked short. */
export function isSettled(line: LineTally): boolean {
  return line.picked >= line.wanted || line.short !== undefined;
}

/** Decides what a scan does, in the order a person must hear about it ([PK2]–[PK5]). */
export function judgeScan(lines: readonly LineTally[], facts: ScanFacts): ScanVerdict {
  if (facts.productId === undefined || facts.unitsPerScan < 1) return { kind: 'unknown_code' };
  const productId = facts.productId;
  const line = lines.find((l) => l.productId === productId);
  if (!line) return { kind: 'not_on_order', productId };
  if (facts.shelfLife === 'expired') return { kind: 'expired', productId, expiry: facts.expiry };
  if (facts.shelfLife === 'short_dated') return { kind: 'short_dated', productId, expiry: facts.expiry };
  const left = line.wanted - line.picked;
  if (facts.unitsPerScan > left) return { kind: 'over_pick', productId, units: facts.unitsPerScan, left };
  return facts.unitsPerScan === 1 ? { kind: 'count', productId, units: 1 } : { kind: 'case', productId, units: facts.unitsPerScan };
}

/** The progress with one counted scan added; its lot and expiry go with it. */
export function recordScan(progress: PickProgress, scan: { verdict: Extract<ScanVerdict, { kind: 'count' | 'case' }>; facts: ScanFacts; text: string; at: string }): PickProgress {
  const seq = (progress.scans.at(-1)?.seq ?? 0) + 1;
  const added: PickScan = {
    seq, productId: scan.verdict.productId, units: scan.verdict.units, text: scan.text, at: scan.at,
    ...(scan.facts.lot ? { lot: scan.facts.lot } : {}),
    ...(scan.facts.expiry ? { expiry: scan.facts.expiry } : {}),
  };
  return { ...progress, scans: [...progress.scans, added] };
}

/** Takes back the last counted scan ([PK6]). */
export function undoLastScan(progress: PickProgress): { progress: PickProgress; undone?: PickScan } {
  const undone = progress.scans.at(-1);
  if (!undone) return { progress };
  return { progress: { ...progress, scans: progress.scans.slice(0, -1) }, undone };
}

/** Marks a line short with the units the store can supply (0 up to one less than wanted), or clears the mark. */
export function markShort(progress: PickProgress, productId: string, available: number | null): PickProgress {
  const { [productId]: _dropped, ...rest } = progress.short;
  return { ...progress, short: available === null ? rest : { ...rest, [productId]: available } };
}

/** The next line that still needs picking after `current`, wrapping round ([PK8]). */
export function nextOpenLine(lines: readonly LineTally[], current: string | undefined): string | undefined {
  const start = lines.findIndex((l) => l.productId === current);
  for (let step = 1; step <= lines.length; step++) {
    const line = lines[(start + step + lines.length) % lines.length];
    if (line && !isSettled(line)) return line.productId;
  }
  return undefined;
}

/** What finishing means now ([PK9]): lines still open, a short to report, or the whole pick. */
export type FinishPlan =
  | { readonly kind: 'open'; readonly open: readonly string[] }
  | { readonly kind: 'report_short'; readonly available: readonly { productId: string; quantity: number }[] }
  | { readonly kind: 'finish'; readonly picked: readonly PickedLine[] };

export function planFinish(lines: readonly LineTally[]): FinishPlan {
  const open = lines.filter((l) => !isSettled(l)).map((l) => l.productId);
  if (open.length > 0) return { kind: 'open', open };
  const short = lines.filter((l) => l.short !== undefined);
  if (short.length > 0) return { kind: 'report_short', available: short.map((l) => ({ productId: l.productId, quantity: l.short ?? 0 })) };
  return { kind: 'finish', picked: lines.map((l) => ({ productId: l.productId, quantity: l.picked, lots: l.lots })) };
}

/** What head office's decision changed for one line, in words a picker acts on. */
export interface LineChange {
  readonly productId: string;
  readonly name: string;
  readonly kind: 'removed' | 'added' | 'reduced';
  /** Quantity before and after the decision. */
  readonly from: number;
  readonly to: number;
  /** Units already in the basket that must go back to the shelf. */
  readonly putBack: number;
}

export interface Reconciled {
  readonly progress: PickProgress;
  readonly resolution: 'partial' | 'substitute';
  readonly changes: readonly LineChange[];
}

/**
 * Brings a pick reported short in line with head office's decision ([PK11]): counts for products no
 * longer on the order are dropped, counts above the confirmed quantity are cut to it, and the short
 * marks go (the decision answered them). `before` is the order's lines when the short was reported.
 */
export function reconcileWithDecision(progress: PickProgress, before: readonly OrderLine[], now: readonly OrderLine[]): Reconciled {
  const pickedBefore = tallyLines(before, progress);
  const changes: LineChange[] = [];
  for (const old of before) {
    const picked = pickedBefore.find((l) => l.productId === old.productId)?.picked ?? 0;
    const current = now.find((l) => l.productId === old.productId);
    if (!current) changes.push({ productId: old.productId, name: old.name, kind: 'removed', from: old.quantity, to: 0, putBack: picked });
    else if (current.confirmedQuantity < old.quantity) {
      changes.push({ productId: old.productId, name: old.name, kind: 'reduced', from: old.quantity, to: current.confirmedQuantity, putBack: Math.max(0, picked - current.confirmedQuantity) });
    }
  }
  for (const line of now) {
    if (!before.some((l) => l.productId === line.productId)) {
      changes.push({ productId: line.productId, name: line.name, kind: 'added', from: 0, to: line.confirmedQuantity, putBack: 0 });
    }
  }
  const resolution = changes.some((c) => c.kind !== 'reduced') ? 'substitute' : 'partial';
  const { reportedShort: _answered, ...rest } = progress;
  return { progress: { ...rest, short: {}, scans: capScans(progress.scans, now) }, resolution, changes };
}

/** Scans kept in order until each line's confirmed quantity; the scan that crosses it keeps only what fits. */
export function capScans(scans: readonly PickScan[], lines: readonly OrderLine[]): PickScan[] {
  const room = new Map(lines.map((l) => [l.productId, l.confirmedQuantity]));
  const kept: PickScan[] = [];
  for (const scan of scans) {
    const left = room.get(scan.productId) ?? 0;
    if (left <= 0) continue;
    const units = Math.min(left, scan.units);
    room.set(scan.productId, left - units);
    kept.push(units === scan.units ? scan : { ...scan, units });
  }
  return kept;
}

/** Units per (lot, expiry) read from GS1 codes; plain unit codes carry neither and are not listed. */
function lotsOf(scans: readonly PickScan[]): PickedLine['lots'] {
  const byKey = new Map<string, { lot?: string; expiry?: string; quantity: number }>();
  for (const scan of scans) {
    if (!scan.lot && !scan.expiry) continue;
    const key = `${scan.lot ?? ''}|${scan.expiry ?? ''}`;
    const entry = byKey.get(key) ?? { ...(scan.lot ? { lot: scan.lot } : {}), ...(scan.expiry ? { expiry: scan.expiry } : {}), quantity: 0 };
    entry.quantity += scan.units;
    byKey.set(key, entry);
  }
  return [...byKey.values()];
}
