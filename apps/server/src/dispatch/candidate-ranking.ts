import { distanceKm, type Order } from '@repo/domain';

/** What dispatch knows about one store when it ranks (docs/dispatch.md). */
export interface StoreFacts {
  readonly id: string;
  readonly code: string;
  readonly name: string;
  readonly lat: number;
  readonly lng: number;
  readonly deliveryRadiusM: number;
  readonly open: boolean;
  /** When one of the store's devices last reached the server; null if none ever did. */
  readonly lastSeenAt: Date | null;
}

export interface DispatchFacts {
  readonly stores: readonly StoreFacts[];
  /** Free stock (on hand less reserved, never below 0) by `${storeId}/${productId}`. */
  readonly free: ReadonlyMap<string, number>;
}

/** A line the store cannot fill in full, named so the dispatcher can say it on the phone. */
export interface MissingLine {
  readonly productId: string;
  readonly name: string;
  readonly ordered: number;
  readonly free: number;
}

export interface CandidateStore {
  readonly storeId: string;
  readonly code: string;
  readonly name: string;
  readonly distanceKm: number;
  readonly deliveryRadiusKm: number;
  /** Every line free in stock at the ordered quantity. */
  readonly hasAllStock: boolean;
  readonly missing: readonly MissingLine[];
  readonly online: boolean;
  readonly lastSeenAt: string | null;
}

/** A store left out, and why: the dispatcher sees why a nearby store is not offered. */
export interface LeftOutStore {
  readonly storeId: string;
  readonly name: string;
  readonly distanceKm: number;
  readonly why: 'closed' | 'declined' | 'out_of_range';
}

export interface Ranking {
  readonly candidates: CandidateStore[];
  readonly leftOut: LeftOutStore[];
}

/** A device counts as online when it reached the server this recently (DS4). */
export const onlineWithinMs = 2 * 60_000;

/**
 * Ranks the stores for an order (物流调配): open stores that have not let it go and reach the
 * customer (DS1); every line in stock first, then the nearest (DS2); ties by store code so the
 * order never flickers.
 */
export function rankCandidates(order: Order, facts: DispatchFacts, now: Date): Ranking {
  const candidates: CandidateStore[] = [];
  const leftOut: LeftOutStore[] = [];
  for (const store of facts.stores) {
    const km = distanceKm(store, order.address);
    const why = !store.open ? 'closed' : order.declinedBy.includes(store.id) ? 'declined' : km * 1000 > store.deliveryRadiusM ? 'out_of_range' : null;
    if (why) {
      leftOut.push({ storeId: store.id, name: store.name, distanceKm: roundKm(km), why });
      continue;
    }
    const missing = missingLines(order, store.id, facts.free);
    candidates.push({
      storeId: store.id, code: store.code, name: store.name, distanceKm: roundKm(km), deliveryRadiusKm: store.deliveryRadiusM / 1000,
      hasAllStock: missing.length === 0, missing,
      online: store.lastSeenAt !== null && now.getTime() - store.lastSeenAt.getTime() <= onlineWithinMs,
      lastSeenAt: store.lastSeenAt?.toISOString() ?? null,
    });
  }
  candidates.sort((a, b) => Number(b.hasAllStock) - Number(a.hasAllStock) || a.distanceKm - b.distanceKm || compare(a.code, b.code));
  leftOut.sort((a, b) => a.distanceKm - b.distanceKm);
  return { candidates, leftOut };
}

function missingLines(order: Order, storeId: string, free: ReadonlyMap<string, number>): MissingLine[] {
  const ordered = new Map<string, { name: string; ordered: number }>();
  for (const line of order.lines) {
    const entry = ordered.get(line.productId) ?? { name: line.name, ordered: 0 };
    entry.ordered += line.quantity;
    ordered.set(line.productId, entry);
  }
  return [...ordered].flatMap(([productId, { name, ordered: quantity }]) => {
    const onShelf = free.get(`${storeId}/${productId}`) ?? 0;
    return onShelf >= quantity ? [] : [{ productId, name, ordered: quantity, free: onShelf }];
  });
}

/** Rounded to 10 m: ranking on the shown figure keeps the list and its order in agreement. */
function roundKm(km: number): number {
  return Math.round(km * 100) / 100;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
