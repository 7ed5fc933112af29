import { confirmByPhoneInput, orderIdInput, recordCallInput } from '@repo/domain';
import { decideReview } from '../review/review-decisions.js';
import { reviewCounts, reviewItems } from '../review/review-queue.js';
import { hqProcedure, router } from '../trpc.js';

/** Head office's review of web-shop orders (docs/webshop.md WS8-WS9): approve, or call the customer first. */
export const reviewRouter = router({
  /** Web orders waiting for a reviewer, oldest first. */
  queue: hqProcedure.query(({ ctx }) => reviewItems(ctx.db, 'pending', ctx.now())),
  /** Web orders the reviewer wants confirmed on the phone (待确认来电), oldest first. */
  callList: hqProcedure.query(({ ctx }) => reviewItems(ctx.db, 'confirm_by_phone', ctx.now())),
  /** How many wait in each list: the navigation's badge. */
  counts: hqProcedure.query(({ ctx }) => reviewCounts(ctx.db)),

  approve: hqProcedure.input(orderIdInput).mutation(({ ctx, input }) =>
    decideReview({ db: ctx.db, pokes: ctx.pokes, orderId: input.orderId, decision: { type: 'approve' }, actor: ctx.actor, now: ctx.now() })),

  confirmByPhone: hqProcedure.input(confirmByPhoneInput).mutation(({ ctx, input }) =>
    decideReview({ db: ctx.db, pokes: ctx.pokes, orderId: input.orderId, decision: { type: 'confirm_by_phone', reason: input.reason }, actor: ctx.actor, now: ctx.now() })),

  /** What the customer said on the confirmation call: confirmed (approved) or cancel, with why. */
  recordCall: hqProcedure.input(recordCallInput).mutation(({ ctx, input }) =>
    decideReview({
      db: ctx.db, pokes: ctx.pokes, orderId: input.orderId, actor: ctx.actor, now: ctx.now(),
      decision: input.outcome === 'confirmed' ? { type: 'call_confirmed' } : { type: 'call_cancel', reason: input.reason },
    })),
});
