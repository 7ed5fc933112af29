import { TRPCError } from '@trpc/server';
import { pullRequestSchema, pushRequestSchema } from '@repo/sync/protocol';
import { ActionNewerThanServerError, applyPush, ClientOfAnotherStoreError, MutationGapError, pull } from '@repo/sync/server';
import { pullDatabase, pushDatabase } from '../sync/sync-database.js';
import { forbidden, router, storeProcedure } from '../trpc.js';

/** The store devices' sync endpoints (docs/sync-protocol.md). */
export const syncRouter = router({
  // A bad action is rejected on its own inside applyPush, so one cannot jam the queue (SEC14).
  push: storeProcedure.meta({ checksTextPerItem: true }).input(pushRequestSchema).mutation(async ({ ctx, input }) => {
    try {
      const { response, touched } = await applyPush({ db: pushDatabase(ctx.db, ctx.actor.userId), actor: ctx.actor, request: input, now: ctx.now });
      for (const storeId of touched) ctx.pokes.poke(storeId);
      return response;
    } catch (error) {
      if (error instanceof ClientOfAnotherStoreError) throw forbidden();
      if (error instanceof ActionNewerThanServerError) {
        // Held, not rejected: the device keeps the action and retries until the server is updated.
        throw new TRPCError({ code: 'PRECONDITION_FAILED', message: error.message, cause: error });
      }
      if (error instanceof MutationGapError) {
        throw new TRPCError({ code: 'CONFLICT', message: error.message, cause: error });
      }
      throw error;
    }
  }),

  pull: storeProcedure.input(pullRequestSchema).mutation(({ ctx, input }) =>
    pull({ db: pullDatabase(ctx.db), actor: ctx.actor, request: input }),
  ),

  /** Contentless pokes: "your store changed, pull". Correctness never depends on receiving one. */
  poke: storeProcedure.subscription(async function* ({ ctx, signal }) {
    yield { at: Date.now() };
    for await (const at of ctx.pokes.listen(ctx.storeId, signal)) yield { at };
  }),
});
