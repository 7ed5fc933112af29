import { daysBetween, type IsoDate } from './iso-date.js';

/** 'short_dated' is 临期: still sellable, but with less shelf life left than the category asks for. */
export type ShelfLifeStatus = 'ok' | 'short_dated' | 'expired';

export interface ShelfLifeInput {
  /** Last day the product may be used (AI 17, or typed from the pack). */
  readonly expiry: IsoDate;
  /** The store's local date. */
  readonly today: IsoDate;
  /** The category's minimum remaining shelf life at hand-off, in days. */
  readonly minRemainingDays: number;
}

/**
 * Expired once today is past the expiry date; the expiry day itself still counts as usable, with
 * 0 days remaining. Short-dated while fewer than the minimum days remain.
 */
export function checkShelfLife({ expiry, today, minRemainingDays }: ShelfLifeInput): ShelfLifeStatus {
  const remaining = daysBetween(today, expiry);
  if (remaining < 0) return 'expired';
  return remaining < minRemainingDays ? 'short_dated' : 'ok';
}
