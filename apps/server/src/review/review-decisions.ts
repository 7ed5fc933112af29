import { eq } from 'drizzle-orm';
import { reject, type Actor, type Rejection } from '@repo/domain';
import type { Database, Transaction } from '../db/database.js';
import { orderEvents, orders, webOrders } from '../db/schema.js';
import { applyEventInTransaction } from '../order-actions.js';
import { rejectionError } from '../rejection-error.js';
import type { StorePokes } from '../store-pokes.js';
import { changeOwner } from './review-ownership.js';

type ReviewState = 'pending' | 'confirm_by_phone';

/** The reviewer's decisions and the call's outcome (docs/webshop.md WS8-WS9). */
export type ReviewDecision =
  | { readonly type: 'approve' }
  | { readonly type: 'confirm_by_phone'; readonly reason: string }
  | { readonly type: 'call_confirmed' }
  | { readonly type: 'call_cancel'; readonly reason: string };

export interface DecideArgs {
  readonly db: Database;
  readonly pokes: StorePokes;
  readonly orderId: string;
  readonly decision: ReviewDecision;
  readonly actor: Extract<Actor, { role: 'hq' }>;
  readonly now: Date;
}

/** Which review state each decision may be taken from. */
const takenFrom: Record<ReviewDecision['type'], ReviewState> = {
  approve: 'pending', confirm_by_phone: 'pending', call_confirmed: 'confirm_by_phone', call_cancel: 'confirm_by_phone',
};

/**
 * Takes one decision on a web order, with its row locked: the new review state, a history entry,
 * and the deciding person as the order's owner (一单责任制), in one transaction. A cancel goes
 * through the lifecycle exactly as `orders.cancel` does.
 */
export async function decideReview(args: DecideArgs): Promise<{ orderId: string; review: ReviewState | null; status: string }> {
  const { decision, actor, now } = args;
  const { result, touched } = await args.db.transaction(async (tx) => {
    const [row] = await tx.select({ status: orders.status, review: orders.reviewState, channel: orders.channel }).from(orders)
      .where(eq(orders.id, args.orderId)).for('update');
    if (!row || row.channel !== 'web') refuse(reject('ORDER_NOT_FOUND', 'No such web-shop order.'));
    if (row.status !== 'received' || row.review !== takenFrom[decision.type]) {
      refuse(reject('TRANSITION_NOT_ALLOWED', `This order is not waiting for that decision (it is ${row.status}, review ${row.review ?? 'done'}).`));
    }
    let stores: string[] = [];
    let status = row.status;
    if (decision.type === 'call_cancel') {
      const cancelled = await applyEventInTransaction(tx, { orderId: args.orderId, event: { type: 'cancel', reason: decision.reason }, actor, now });
      if (!cancelled.ok) refuse(cancelled);
      stores = cancelled.value.touched;
      status = cancelled.value.order.status;
    } else {
      await recordDecision(tx, args, row.status);
    }
    await changeOwner(tx, [args.orderId], actor.userId, actor.userId, 'review', now);
    const review = decision.type === 'confirm_by_phone' ? 'confirm_by_phone' : decision.type === 'call_cancel' ? row.review : null;
    return { result: { orderId: args.orderId, review, status }, touched: stores };
  });
  for (const storeId of touched) args.pokes.poke(storeId);
  return result;
}

async function recordDecision(tx: Transaction, { orderId, decision, actor, now }: DecideArgs, status: string): Promise<void> {
  const review = decision.type === 'confirm_by_phone' ? 'confirm_by_phone' : null;
  await tx.update(orders).set({ reviewState: review }).where(eq(orders.id, orderId));
  await tx.update(webOrders).set({
    reviewedBy: actor.userId, reviewedAt: now, ...(decision.type === 'confirm_by_phone' ? { confirmReason: decision.reason } : {}),
  }).where(eq(webOrders.orderId, orderId));
  const type = decision.type === 'approve' ? 'review_approve' : decision.type === 'confirm_by_phone' ? 'review_confirm_by_phone' : 'review_call_confirmed';
  await tx.insert(orderEvents).values({
    orderId, type, actorUserId: actor.userId, fromStatus: status, toStatus: status, at: now,
    payload: decision.type === 'confirm_by_phone' ? { reason: decision.reason } : {},
  });
}

function refuse(result: { ok: false; rejection: Rejection } | { ok: true }): never {
  if (result.ok) throw new Error('refuse() called with a success');
  throw rejectionError(result.rejection);
}
