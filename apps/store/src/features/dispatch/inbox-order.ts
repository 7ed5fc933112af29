import type { StoredOrder } from '../../local-db/store-db.js';

/**
 * The inbox's order: offers waiting for a decision on top (their clock is running), then everything
 * else; newest first within each. Without this, every accept lifts that order to the top and pushes
 * the offers still waiting below the fold.
 */
export function offersFirst<T extends Pick<StoredOrder, 'status'>>(byUpdatedAt: readonly T[]): T[] {
  const newestFirst = [...byUpdatedAt].reverse();
  return [...newestFirst.filter((o) => o.status === 'offered'), ...newestFirst.filter((o) => o.status !== 'offered')];
}
