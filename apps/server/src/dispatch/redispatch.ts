import { inArray, sql } from 'drizzle-orm';
import { orderSchema, transition, type Actor, type Order, type OrderTransition } from '@repo/domain';
import { rowsOf, type Database, type Transaction } from '../db/database.js';
import { saveTransitions } from '../db/order-rows.js';
import { dispatchNotices, orders } from '../db/schema.js';
import { rankCandidates, type CandidateStore } from './candidate-ranking.js';
import { loadDispatchFacts } from './dispatch-facts.js';

const system: Actor = { role: 'system' };

export interface RedispatchOptions {
  readonly now: Date;
  /** The chain's setting (AUTO_REDISPATCH): re-offer by itself, or hand back to the dispatcher. */
  readonly autoRedispatch: boolean;
  readonly offerTtlMinutes: number;
  readonly batchSize?: number;
}

export interface RedispatchRun {
  readonly settled: number;
  readonly reoffered: number;
  readonly touched: ReadonlySet<string>;
}

type Outcome = 'reoffered' | 'needs_dispatcher' | 'no_candidate';
type Kind = 'declined' | 'expired' | 'short_redispatch';

/**
 * Settles orders that came back from a store (declined, expired, re-dispatched from short): each is
 * re-offered to the best store with every line in stock when the setting allows (DS6), or handed to
 * the dispatcher with the best store suggested, or flagged when no store is left (DS8). Every
 * outcome leaves a notice for the dispatcher (DS9). Rows are taken with SKIP LOCKED, like expiry.
 */
export async function settleReturnedOrders(db: Database, options: RedispatchOptions): Promise<RedispatchRun> {
  const batchSize = options.batchSize ?? 200;
  const touched = new Set<string>();
  let settled = 0;
  let reoffered = 0;
  for (;;) {
    const batch = await db.transaction((tx) => settleBatch(tx, options, batchSize));
    settled += batch.settled;
    reoffered += batch.reoffered;
    for (const storeId of batch.touched) touched.add(storeId);
    if (batch.settled < batchSize) return { settled, reoffered, touched };
  }
}

async function settleBatch(tx: Transaction, options: RedispatchOptions, batchSize: number) {
  const rows = await rowsOf<{ data: unknown }>(tx, sql`
    SELECT data FROM orders WHERE dispatch_state = 'returned' AND status = 'received' AND review_state IS NULL
    ORDER BY updated_at, id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`);
  const returned = rows.map((r) => orderSchema.parse(r.data));
  if (returned.length === 0) return { settled: 0, reoffered: 0, touched: [] as string[] };
  const [facts, why] = await Promise.all([
    loadDispatchFacts(tx, returned.flatMap((o) => o.lines.map((l) => l.productId))),
    whyReturned(tx, returned.map((o) => o.id)),
  ]);
  const offers: OrderTransition[] = [];
  const notices: (typeof dispatchNotices.$inferInsert)[] = [];
  const handBack = new Map<Exclude<Outcome, 'reoffered'>, string[]>();
  for (const order of returned) {
    const best = rankCandidates(order, facts, options.now).candidates[0];
    const outcome = outcomeFor(best, options.autoRedispatch);
    if (outcome === 'reoffered' && best) offers.push(offerTo(order, best.storeId, options));
    else handBack.set(outcome as Exclude<Outcome, 'reoffered'>, [...(handBack.get(outcome as Exclude<Outcome, 'reoffered'>) ?? []), order.id]);
    const left = why.get(order.id);
    notices.push({
      orderId: order.id, kind: left?.kind ?? 'declined', storeId: order.declinedBy.at(-1)!, reason: left?.reason ?? null,
      outcome, nextStoreId: best?.storeId ?? null, at: options.now,
    });
  }
  const touched = await saveTransitions(tx, offers);
  for (const [state, ids] of handBack) await tx.update(orders).set({ dispatchState: state }).where(inArray(orders.id, ids));
  await tx.insert(dispatchNotices).values(notices.filter((n) => n.storeId));
  return { settled: returned.length, reoffered: offers.length, touched };
}

/** Automatic re-offers go only to a store that has every line; a partial store is a person's call (DS6). */
function outcomeFor(best: CandidateStore | undefined, auto: boolean): Outcome {
  if (!best) return 'no_candidate';
  return auto && best.hasAllStock ? 'reoffered' : 'needs_dispatcher';
}

function offerTo(before: Order, storeId: string, options: RedispatchOptions): OrderTransition {
  const offerExpiresAt = new Date(options.now.getTime() + options.offerTtlMinutes * 60_000).toISOString();
  const event = { type: 'offer' as const, storeId, offerExpiresAt };
  const result = transition(before, event, { actor: system, now: options.now });
  // The order is locked and received, and ranking left out the stores that declined: OL1 holds.
  if (!result.ok) throw new Error(`Re-offer refused: ${result.rejection.message}`);
  return { before, after: result.value, event, actorUserId: null };
}

/** How each order came back, from its latest history entry into received: the kind and the store's reason. */
async function whyReturned(tx: Transaction, orderIds: string[]): Promise<Map<string, { kind: Kind; reason: string | null }>> {
  const rows = await rowsOf<{ order_id: string; type: string; reason: string | null }>(tx, sql`
    SELECT DISTINCT ON (order_id) order_id, type, payload->>'reason' AS reason
    FROM order_events
    WHERE order_id IN (SELECT jsonb_array_elements_text(${JSON.stringify(orderIds)}::jsonb)) AND to_status = 'received' AND from_status <> 'received'
    ORDER BY order_id, id DESC`);
  const kinds: Record<string, Kind> = { decline: 'declined', expire_offer: 'expired', resolve_short: 'short_redispatch' };
  return new Map(rows.map((r) => [r.order_id, { kind: kinds[r.type] ?? 'declined', reason: r.type === 'decline' ? r.reason : null }]));
}
