import {
  decodeStoreAction, findUnstorableText, storeActionSchema, transition,
  type Actor, type DecodedAction, type Order, type OrderEvent, type OrderTransition, type Rejection,
} from '@repo/domain';
import { MUTATION_GAP, type MutationOutcome, type PushedMutation, type PushRequest, type PushResponse } from '../protocol.js';
import { actionHash } from './action-hash.js';
import type { PushDatabase, PushTransaction, RecordedOutcome, StoredOutcome } from './push-database.js';

export interface ApplyPush {
  readonly db: PushDatabase;
  readonly actor: Extract<Actor, { storeId: string }>;
  readonly request: PushRequest;
  readonly now: () => Date;
}

export class MutationGapError extends Error {
  readonly code = MUTATION_GAP;
  constructor(readonly clientId: string, readonly got: number, readonly expected: number) {
    super(`Mutation ${got} arrived but ${expected} was expected next; the device must resend from ${expected}.`);
  }
}

/**
 * The device sent an action version this server does not know yet: the server is older than the
 * app. The push is refused whole and changes nothing, so the device keeps its queue and retries
 * (with backoff) until the server is updated; nothing is lost (SEC46).
 */
export class ActionNewerThanServerError extends Error {
  constructor(readonly mutationId: number, message: string) {
    super(message);
  }
}

export class ClientOfAnotherStoreError extends Error {
  constructor() {
    super('This device is registered to another store.');
  }
}

/**
 * Applies a device's mutations exactly once, in order, in ONE transaction that also advances the
 * device's last mutation id: the effects and the counter commit together or not at all. The
 * lifecycle runs in memory on the locked orders, one mutation after another, so a later mutation
 * sees what an earlier one did; the results are written set-based at the end. A business
 * rejection changes nothing (the lifecycle refuses before anything is kept), spends its id and is
 * recorded, so it costs one cycle and never blocks the actions behind it.
 */
export async function applyPush({ db, actor, request, now }: ApplyPush): Promise<{ response: PushResponse; touched: Set<string> }> {
  return db.transaction(async (tx) => {
    const last = await tx.lockClient(request.clientId, actor.storeId);
    if (last === null) throw new ClientOfAnotherStoreError();
    checkOrder(request, last);
    const hashes = new Map(await Promise.all(request.mutations.map(async (m) => [m.id, await actionHash(m)] as const)));
    const fresh = request.mutations.filter((m) => m.id > last)
      .map((m) => ({ id: m.id, action: decode(m), actionHash: hashes.get(m.id)!, createdAt: m.createdAt }));
    const newer = fresh.find(({ action }) => !action.ok && action.newerThanServer);
    if (newer && !newer.action.ok) throw new ActionNewerThanServerError(newer.id, newer.action.message);
    const replayed = request.mutations.filter((m) => m.id <= last).map((m) => m.id);
    const stored = replayed.length > 0 ? await tx.findOutcomes(request.clientId, replayed) : new Map<number, StoredOutcome>();
    const locked = await tx.lockOrders(fresh.flatMap(({ action }) => (action.ok ? [action.orderId] : [])));
    const named = fresh.flatMap(({ action }) => (action.ok ? clerkNamedBy(action.event) : []));
    const clerks = named.length > 0 ? await tx.storeClerks(actor.storeId, named) : new Set<string>();
    const decided = decide(fresh, { orders: locked, clerks, actor, now });
    const { transitions } = decided;
    const recorded = await explainConflicts(tx, decided.recorded, fresh, actor);

    const lastMutationId = Math.max(last, ...request.mutations.map((m) => m.id));
    if (recorded.length > 0) await tx.recordProgress({ clientId: request.clientId, lastMutationId, outcomes: recorded });
    // Last on purpose: it takes the store's version row, which every writer of this store waits for.
    const touched = new Set(transitions.length > 0 ? await tx.saveTransitions(transitions) : []);
    return { response: { lastMutationId, outcomes: answer(request, recorded, stored, hashes) }, touched };
  });
}

/**
 * Security: a pushed action's name, version and args are untrusted until here. Text PostgreSQL
 * cannot store, or a malformed envelope, is this one action's INVALID_ACTION, never the push's
 * failure; the messages never echo the unstorable text.
 */
function decode(mutation: PushedMutation): DecodedAction {
  if (findUnstorableText([mutation.name, mutation.args])) {
    return { ok: false, message: 'The action holds characters that cannot be stored (U+0000 or an unpaired surrogate).' };
  }
  const envelope = storeActionSchema.safeParse(mutation);
  if (!envelope.success) return { ok: false, message: 'Malformed action: it needs a name and a version number.' };
  return decodeStoreAction(envelope.data);
}

/** Runs the new mutations through the lifecycle, in id order, on a working copy of the locked orders. */
function decide(
  fresh: readonly { id: number; action: DecodedAction; actionHash: string; createdAt: string }[],
  { orders, clerks, actor, now }: { orders: ReadonlyMap<string, Order>; clerks: ReadonlySet<string>; actor: ApplyPush['actor']; now: () => Date },
): { recorded: RecordedOutcome[]; transitions: OrderTransition[] } {
  const working = new Map(orders);
  const transitions: OrderTransition[] = [];
  const recorded = fresh.map(({ id, action, actionHash, createdAt }): RecordedOutcome => {
    const outcome = mutate(working, { actor, action, clerks, now: now() });
    if (outcome.status === 'rejected') return { mutationId: id, outcome, actionHash };
    transitions.push({ ...outcome.transition, deviceAt: createdAt });
    return { mutationId: id, outcome: { status: 'applied' }, actionHash };
  });
  return { recorded, transitions };
}

/**
 * Two handhelds of a store accepting one offer offline: the second is told who got there first,
 * not a bare "the order's state does not allow this". Only for orders of the pusher's own store.
 */
async function explainConflicts(
  tx: PushTransaction,
  recorded: readonly RecordedOutcome[],
  fresh: readonly { id: number; action: DecodedAction }[],
  actor: ApplyPush['actor'],
): Promise<RecordedOutcome[]> {
  const orderOf = new Map(fresh.flatMap(({ id, action }) => (action.ok ? [[id, action.orderId] as const] : [])));
  const conflicted = recorded.filter((r) => r.outcome.status === 'rejected' && r.outcome.rejection.reason === 'TRANSITION_NOT_ALLOWED');
  if (conflicted.length === 0) return [...recorded];
  const actors = await tx.lastActors(conflicted.flatMap((r) => orderOf.get(r.mutationId) ?? []));
  return recorded.map((r) => {
    const by = actors.get(orderOf.get(r.mutationId) ?? '');
    if (!by || r.outcome.status !== 'rejected' || r.outcome.rejection.reason !== 'TRANSITION_NOT_ALLOWED') return r;
    const rejection = r.outcome.rejection;
    const details = { ...rejection.details, byUserId: by.userId, byName: by.name, byYou: by.userId === actor.userId ? 1 : 0 };
    return { ...r, outcome: { status: 'rejected', rejection: { ...rejection, details } } };
  });
}

/** One outcome per mutation of the request, in its order: fresh ones as decided, replays as first recorded. */
function answer(
  request: PushRequest,
  recorded: readonly RecordedOutcome[],
  stored: ReadonlyMap<number, StoredOutcome>,
  hashes: ReadonlyMap<number, string>,
): MutationOutcome[] {
  const decided = new Map(recorded.map((r) => [r.mutationId, r.outcome]));
  return request.mutations.map((m): MutationOutcome => {
    const outcome = decided.get(m.id);
    if (!outcome) return replayOutcome(m.id, stored.get(m.id), hashes.get(m.id)!);
    return outcome.status === 'applied' ? { id: m.id, status: 'applied' } : { id: m.id, ...outcome };
  });
}

/**
 * Nothing may be lost in between: ids within a push increase, and the first new one continues what
 * the server has. Chained mutations (`prev`) name their predecessor; older ones must be consecutive.
 * A break is refused whole, and the device resends from the server's last id.
 */
function checkOrder(request: PushRequest, last: number): void {
  const mutations = request.mutations;
  if (mutations.some((m) => m.prev !== undefined)) return checkChain(request, last);
  const first = mutations[0]?.id ?? last + 1;
  const broken = mutations.findIndex((m, i) => m.id !== first + i);
  if (broken > 0) throw new MutationGapError(request.clientId, mutations[broken]!.id, first + broken);
  if (first > last + 1) throw new MutationGapError(request.clientId, first, last + 1);
}

function checkChain({ clientId, mutations }: PushRequest, last: number): void {
  let previous: number | undefined;
  for (const m of mutations) {
    if (previous !== undefined && (m.id <= previous || (m.prev ?? previous) !== previous)) {
      throw new MutationGapError(clientId, m.id, previous + 1);
    }
    // The first mutation the server has not applied must follow the last one it has.
    if (m.id > last && (previous === undefined || previous <= last) && (m.prev ?? m.id - 1) !== last) {
      throw new MutationGapError(clientId, m.id, last + 1);
    }
    previous = m.id;
  }
}

/**
 * A replay is answered with the original outcome only when it is the same action. Another action
 * under an applied id (two devices sharing a client id: a clone, a restored backup) never ran, so
 * "already applied" would be a lie: it is refused, loudly, for the person to sort out (SEC30).
 * Outcomes recorded before hashes were kept (actionHash null) are answered as before.
 */
function replayOutcome(id: number, stored: StoredOutcome | undefined, hash: string): MutationOutcome {
  if (stored?.actionHash && stored.actionHash !== hash) {
    return {
      id, status: 'rejected',
      rejection: { reason: 'MUTATION_ID_REUSED', message: 'Another action was already recorded under this number from a device with the same id; this one was not applied.' },
    };
  }
  return stored?.status === 'rejected'
    ? { id, status: 'already_applied', original: 'rejected', rejection: stored.rejection }
    : { id, status: 'already_applied', original: 'applied' };
}

type Mutated = { readonly status: 'applied'; readonly transition: OrderTransition } | Extract<StoredOutcome, { status: 'rejected' }>;

/** Runs one action through the lifecycle on the working copy of the push's orders. */
function mutate(
  working: Map<string, Order>,
  { actor, action, clerks, now }: { actor: ApplyPush['actor']; action: DecodedAction; clerks: ReadonlySet<string>; now: Date },
): Mutated {
  if (!action.ok) return { status: 'rejected', rejection: { reason: 'INVALID_ACTION', message: action.message } };
  const before = working.get(action.orderId);
  // Security: a missing order is refused like another store's, so a device learns nothing of either.
  if (!before) return refused({ reason: 'WRONG_STORE', message: 'This order is not assigned to your store.' });
  const result = transition(before, action.event, { actor, now });
  // The device names the clerk; only the server knows who really works at the store.
  if (result.ok && clerkNamedBy(action.event).some((id) => !clerks.has(id))) {
    return refused({ reason: 'CLERK_UNKNOWN', message: 'That clerk is not one of your store\'s clerks.' });
  }
  if (!result.ok) return refused(result.rejection);
  working.set(action.orderId, result.value);
  return { status: 'applied', transition: { before, after: result.value, event: action.event, actorUserId: actor.userId } };
}

function clerkNamedBy(event: OrderEvent): string[] {
  return event.type === 'hand_off' || event.type === 'retry_delivery' ? [event.clerk.userId] : [];
}

function refused({ reason, message, details }: Rejection): Mutated {
  return { status: 'rejected', rejection: details ? { reason, message, details: { ...details } } : { reason, message } };
}
