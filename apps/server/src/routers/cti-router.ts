import { tracked } from '@trpc/server';
import { z } from 'zod';
import { extensionSchema } from '@repo/domain';
import { agentPokeTopic, extensionOf, popsSince, receivedAtOf, recentCalls, signInAtExtension, type RecentCall } from '../cti/cti-calls.js';
import { hqProcedure, router } from '../trpc.js';
import { Wakeup } from './dispatch-router.js';

/** How far back a (re)connecting console is still shown a call it missed (CT8): a caller waits no longer. */
export const resendWindowMs = 2 * 60_000;
/** A look every few seconds besides the pokes, in case a NOTIFY was lost with its connection. */
const pollMs = 5_000;

/** Head office's side of the telephone system: which extension an agent sits at, and the calls that ring there. */
export const ctiRouter = router({
  myExtension: hqProcedure.query(async ({ ctx }) => ({ extension: await extensionOf(ctx.db, ctx.user.id) })),

  /** Signs the agent in at an extension (null: out). Someone else's is refused with their name unless `takeOver` (CT4). */
  setExtension: hqProcedure
    .input(z.object({ extension: extensionSchema().nullable(), takeOver: z.boolean().optional() }))
    .mutation(async ({ ctx, input }) => {
      const result = await signInAtExtension(ctx.db, { userId: ctx.user.id, extension: input.extension, takeOver: input.takeOver ?? false, now: ctx.now() });
      return result.ok ? { ok: true as const, extension: input.extension } : { ok: false as const, heldBy: result.heldBy };
    }),

  /** The agent's last calls, newest first, with the orders taken during each. */
  recentCalls: hqProcedure.query(({ ctx }): Promise<RecentCall[]> => recentCalls(ctx.db, ctx.user.id, 10)),

  /**
   * Server-sent events: each call ringing at this agent's extension (CT7), woken by a poke from
   * whichever process received the webhook. Each event carries its id, so a console that
   * reconnects is sent what it missed within `resendWindowMs` (CT8).
   */
  pops: hqProcedure
    .input(z.object({ since: z.iso.datetime({ offset: true }).optional(), lastEventId: z.string().max(32).nullish() }).optional())
    .subscription(async function* ({ ctx, input, signal }) {
      const userId = ctx.user.id;
      const seen = new Map<number, number>();
      // A browser clock ahead of the server's must not hide the calls of the next minutes.
      let since = new Date(Math.min(input?.since ? Date.parse(input.since) : Infinity, ctx.now().getTime()));
      const lastId = /^\d{1,15}$/.test(input?.lastEventId ?? '') ? Number(input!.lastEventId) : null;
      const lastAt = lastId === null ? null : await receivedAtOf(ctx.db, userId, lastId);
      if (lastId !== null && lastAt) {
        since = lastAt;
        seen.set(lastId, lastAt.getTime());
      }
      const wake = new Wakeup(signal);
      void (async () => { for await (const _ of ctx.pokes.listen(agentPokeTopic(userId), signal)) wake.ring(); })().catch(() => undefined);
      while (!signal?.aborted) {
        const from = new Date(Math.max(since.getTime(), ctx.now().getTime() - resendWindowMs));
        for (const pop of await popsSince(ctx.db, userId, from)) {
          if (seen.has(pop.id)) continue;
          seen.set(pop.id, Date.parse(pop.receivedAt));
          yield tracked(String(pop.id), pop);
        }
        for (const [id, at] of seen) if (at < from.getTime() - resendWindowMs) seen.delete(id);
        await wake.next(pollMs);
      }
    }),
});
