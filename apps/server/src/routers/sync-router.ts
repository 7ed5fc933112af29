import { TRPCError } from '@trpc/server';
import { pullRequestSchema, pushRequestSchema } from '@repo/sync/protocol';
import { ActionNewerThanServerError, applyPush, ClientOfAnotherStoreError, MutationGapError, pull } from '@repo/sync/server';
import { pullDatabase, pushDatabase } from '../sync/sync-database.js';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { forbidden, router, storeProcedure } from '../trpc.js';

/** The store devices' sync endpoints (docs/sync-protocol.md). */
export const syncRouter = router({
  // A bad action is rejected on its own inside applyPush, so one cannot jam the queue (SEC14).
  push: storeProcedure.meta({ checksTextPerItem: true }).input(pushRequestSchema).mutation(async ({ ctx, input }) => {
    try {
      const { response, touched } = await applyPush({ db: pushDatabase(ctx.db, ctx.actor.userId), actor: ctx.actor, request: input, now: ctx.now });
      for (const storeId of touched) ctx.pokes.poke(storeId);
      // A decline is settled (re-offered or handed to the dispatcher) now, not at the next tick (DS9).
      if (input.mutations.some((m) => m.name === 'offer.decline')) ctx.dispatcher.wake();
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

  pull: storeProcedure.input(pullRequestSchema).mutation(async ({ ctx, input }) => {
    const result = await pull({ db: pullDatabase(ctx.db), actor: ctx.actor, request: input });
    await markSeen(ctx.db, input.clientId, ctx.storeId, ctx.actor.userId);
    return result;
  }),

  /** Contentless pokes: "your store changed, pull". Correctness never depends on receiving one. */
  poke: storeProcedure.subscription(async function* ({ ctx, signal }) {
    yield { at: Date.now() };
    for await (const at of ctx.pokes.listen(ctx.storeId, signal)) yield { at };
  }),
});

/**
 * A pull is a sign of life too: dispatch shows a store online when a device reached the server in
 * the last two minutes (docs/dispatch.md DS4). Written at most every 30 s per device; a device
 * of another store never moves (its row keeps its own store).
 */
async function markSeen(db: Database, clientId: string, storeId: string, userId: string): Promise<void> {
  await db.execute(sql`INSERT INTO sync_clients (client_id, store_id, last_user_id) VALUES (${clientId}, ${storeId}, ${userId})
    ON CONFLICT (client_id) DO UPDATE SET updated_at = now()
    WHERE sync_clients.store_id = excluded.store_id AND sync_clients.updated_at < now() - interval '30 seconds'`);
}
