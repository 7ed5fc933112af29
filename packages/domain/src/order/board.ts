import { z } from 'zod';
import { storableText } from '../storable-text.js';
import type { OrderStatus } from './order.js';

/**
 * The board's late warnings (docs/board.md BD4-BD6). An open order is late when it has sat in its
 * state longer than that state's limit, or, before it reaches the customer, when its promised time
 * has passed. One rule, computed in SQL by the server (to filter and sort 5,000 orders in one
 * query) and here for tests and the console.
 */

/** The open states: every state but the two ends. A delivered order stays open until head office closes it (结单). */
export const openStatuses = ['received', 'offered', 'accepted', 'picking', 'short', 'picked', 'out_for_delivery', 'returned_to_store', 'delivered'] as const satisfies readonly OrderStatus[];
export type OpenStatus = (typeof openStatuses)[number];

/** States whose order has not reached the customer yet: the promise still binds them. */
export const promiseBoundStatuses: readonly OpenStatus[] = ['received', 'offered', 'accepted', 'picking', 'short', 'picked', 'out_for_delivery', 'returned_to_store'];

/** Minutes an order may sit in a state before the board warns. A state with no limit is watched by the promise only. */
export type LateLimits = Readonly<Partial<Record<OpenStatus, number>>>;

/** The chain's defaults; each is an env setting (LATE_*_MINUTES, README). */
export const defaultLateLimits = {
  received: 5, // taken but not dispatched
  offered: 5, // an offer no store has taken (it expires at OFFER_TTL_MINUTES)
  accepted: 10, // accepted, picking not started
  picking: 15, // a pick too slow
  short: 5, // a short order waiting for head office's decision
  picked: 10, // picked, not handed to a clerk
  returned_to_store: 15, // came back from the door, waiting for a decision
  delivered: 30, // delivered, waiting to be closed (待结单)
} as const satisfies LateLimits;

/** Why an order is late, or will be: its state's limit, or the promise to the customer. */
export type LateReason = 'state' | 'promise';

export interface Lateness {
  /** When the order is or was due: the earlier of its state's limit and its promise; null if neither watches it. */
  readonly dueAt: Date | null;
  readonly reason: LateReason | null;
  readonly late: boolean;
}

/** When an order in `status` since `statusSince` goes late, and why (BD4, BD5). */
export function lateness(
  order: { readonly status: OpenStatus; readonly statusSince: Date; readonly promisedAt: Date | null },
  limits: LateLimits,
  now: Date,
): Lateness {
  const limit = limits[order.status];
  const stateDue = limit === undefined ? null : new Date(order.statusSince.getTime() + limit * 60_000);
  const promiseDue = promiseBoundStatuses.includes(order.status) ? order.promisedAt : null;
  // The earlier deadline decides; a tie is the promise's, the customer's words come first.
  const [dueAt, reason]: [Date | null, LateReason | null] =
    promiseDue && (!stateDue || promiseDue <= stateDue) ? [promiseDue, 'promise'] : stateDue ? [stateDue, 'state'] : [null, null];
  return { dueAt, reason, late: dueAt !== null && dueAt <= now };
}

const id = storableText({ trim: true, min: 1, max: 64 });

/** The board's filters (BD7): states, one store, one owner or "mine", late only; a page of rows. */
export const boardInput = z.object({
  statuses: z.array(z.enum(openStatuses)).max(openStatuses.length).optional(),
  storeId: id.optional(),
  ownerUserId: id.optional(),
  /** Only orders the caller owns (我的订单); wins over ownerUserId. */
  mine: z.boolean().optional(),
  lateOnly: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).default(200),
});
export type BoardInput = z.input<typeof boardInput>;

/**
 * 交班: hand the caller's open orders, or the listed ones among them, to a colleague in one step (BD9).
 */
export const handOverInput = z.object({
  toUserId: id,
  orderIds: z.array(id).min(1).max(1000).optional(),
});
export type HandOverInput = z.infer<typeof handOverInput>;
