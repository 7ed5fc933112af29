import { distanceKm, type LatLng } from '@repo/domain';
import type { CatalogStore } from '../../api/router-types.js';
import { api } from '../../session/session-store.js';
import { useApiQuery } from '../../shell/use-api-query.js';

export interface NearestStore {
  readonly store: CatalogStore;
  readonly km: number;
  /** Within that store's delivery radius. */
  readonly inRange: boolean;
}

/** The chain's stores, read once per screen: the address preview measures to the nearest open one. */
export function useStores(): readonly CatalogStore[] {
  return useApiQuery(() => api.catalog.stores.query(), []).data ?? [];
}

/** The nearest open store to a point, and whether the point is in its delivery radius. */
export function nearestOpenStore(stores: readonly CatalogStore[], point: LatLng): NearestStore | null {
  let best: NearestStore | null = null;
  for (const store of stores) {
    if (!store.open) continue;
    const km = distanceKm(store, point);
    if (!best || km < best.km) best = { store, km, inRange: km * 1000 <= store.deliveryRadiusM };
  }
  // Another store farther away may still reach the point: dispatch asks every store's radius.
  const reachable = stores.some((s) => s.open && distanceKm(s, point) * 1000 <= s.deliveryRadiusM);
  return best && { ...best, inRange: reachable };
}
