import type { OrderStatus } from '@repo/domain';
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

export type InboxSection = 'now' | 'waiting' | 'done';

/** What the store must do something about now, what waits on someone else, and what is done. */
const sectionOf: Readonly<Record<OrderStatus, InboxSection>> = {
  offered: 'now', accepted: 'now', picking: 'now', picked: 'now', returned_to_store: 'now',
  short: 'waiting', out_for_delivery: 'waiting', received: 'waiting',
  delivered: 'done', closed: 'done', cancelled: 'done',
};

/** Splits the inbox into its sections, each in the inbox's order. */
export function inboxSections<T extends Pick<StoredOrder, 'status'>>(byUpdatedAt: readonly T[]): Record<InboxSection, T[]> {
  const sections: Record<InboxSection, T[]> = { now: [], waiting: [], done: [] };
  for (const order of offersFirst(byUpdatedAt)) sections[sectionOf[order.status]].push(order);
  return sections;
}
