import { TRPCError } from '@trpc/server';
import { z } from 'zod';
import { storableText } from '@repo/domain';
import { noticesSince, ordersNeedingDispatcher, type DispatchNotice } from '../dispatch/dispatch-notices.js';
import { FieldProblems } from '../field-problems.js';
import { parseStockCsv } from '../stock/stock-counts.js';
import { replaceStoreStock } from '../stock/stock-import.js';
import { hqProcedure, router } from '../trpc.js';

/** How often a notice subscription looks for notices other server processes wrote. */
const pollMs = 2_000;
/** How far back a subscription looks: covers a notice that committed late (ids are not commit order). */
const lookBackMs = 2 * 60_000;

/** Head office's dispatch desk: the live notices, the orders waiting for a person, the stock import. */
export const dispatchRouter = router({
  /**
   * Server-sent events: every notice about an order coming back from a store (DS9). Woken at once
   * by this process's dispatcher, and every 2 s for notices other processes wrote.
   */
  notices: hqProcedure
    .input(z.object({ since: z.iso.datetime({ offset: true }).optional() }).optional())
    .subscription(async function* ({ ctx, input, signal }) {
      const seen = new Map<number, number>();
      const since = input?.since ? new Date(input.since) : ctx.now();
      const wake = new Wakeup(signal);
      const stop = ctx.dispatcher.rings(signal);
      void (async () => { for await (const _ of stop) wake.ring(); })().catch(() => undefined);
      while (!signal?.aborted) {
        const now = ctx.now().getTime();
        const from = new Date(Math.max(since.getTime(), now - lookBackMs));
        for (const notice of await noticesSince(ctx.db, from)) {
          if (seen.has(notice.id)) continue;
          seen.set(notice.id, now);
          yield notice;
        }
        for (const [id, at] of seen) if (at < now - 2 * lookBackMs) seen.delete(id);
        await wake.next(pollMs);
      }
    }),

  waiting: hqProcedure.query(({ ctx }): Promise<DispatchNotice[]> => ordersNeedingDispatcher(ctx.db)),

  /** A CSV export from the inventory system replaces one store's quantities (DS14). */
  importStock: hqProcedure
    .input(z.object({ storeId: storableText({ min: 1, max: 64 }), csv: z.string().min(1).max(2_000_000) }))
    .mutation(async ({ ctx, input }) => {
      const parsed = parseStockCsv(input.csv);
      const result = parsed.ok ? await replaceStoreStock(ctx.db, input.storeId, parsed.counts) : parsed;
      if (!result.ok) {
        const cause = new FieldProblems(result.problems);
        throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
      }
      return { storeId: result.storeId, products: result.products, zeroed: result.zeroed };
    }),
});

/** Resolves on a ring or after a timeout, whichever comes first. */
export class Wakeup {
  #resolve: (() => void) | null = null;
  /** A ring while no one waited (the reader was querying): the next wait returns at once. */
  #pending = false;
  constructor(signal: AbortSignal | undefined) {
    signal?.addEventListener('abort', () => this.ring());
  }
  ring(): void {
    if (this.#resolve) this.#resolve();
    else this.#pending = true;
    this.#resolve = null;
  }
  next(ms: number): Promise<void> {
    if (this.#pending) {
      this.#pending = false;
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const timer = setTimeout(() => { this.#resolve = null; resolve(); }, ms);
      this.#resolve = () => { clearTimeout(timer); resolve(); };
    });
  }
}
