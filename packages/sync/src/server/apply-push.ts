import { decodeStoreAction, type Actor } from '@repo/domain';
import { MUTATION_GAP, type Mutation, type MutationOutcome, type PushRequest, type PushResponse } from '../protocol.js';
import type { PushDatabase, PushTransaction, StoredOutcome } from './push-database.js';

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

export class ClientOfAnotherStoreError extends Error {
  constructor() {
    super('This device is registered to another store.');
  }
}

/**
 * Applies a device's mutations exactly once, in order, in ONE transaction that also advances the
 * device's last mutation id: the effects and the counter commit together or not at all. A business
 * rejection writes nothing (the lifecycle refuses before any write), spends its id and is recorded,
 * so it costs one cycle and never blocks the actions behind it.
 */
export async function applyPush({ db, actor, request, now }: ApplyPush): Promise<{ response: PushResponse; touched: Set<string> }> {
  const touched = new Set<string>();
  const response = await db.transaction(async (tx) => {
    const last = await tx.lockClient(request.clientId, actor.storeId);
    if (last === null) throw new ClientOfAnotherStoreError();
    checkOrder(request, last);
    const fresh = request.mutations.filter((m) => m.id > last);
    await tx.lockOrders(orderIdsOf(fresh));
    const outcomes: MutationOutcome[] = [];
    const recorded: { mutationId: number; outcome: StoredOutcome }[] = [];
    for (const mutation of request.mutations) {
      if (mutation.id <= last) {
        outcomes.push(await replayOutcome(tx, request.clientId, mutation.id));
        continue;
      }
      const outcome = await mutate(tx, { actor, mutation, now: now() }, touched);
      outcomes.push(outcome.status === 'applied' ? { id: mutation.id, status: 'applied' } : { id: mutation.id, ...outcome });
      recorded.push({ mutationId: mutation.id, outcome });
    }
    const lastMutationId = Math.max(last, ...request.mutations.map((m) => m.id));
    if (recorded.length > 0) {
      await tx.recordOutcomes(request.clientId, recorded);
      await tx.setLastMutationId(request.clientId, lastMutationId);
    }
    return { lastMutationId, outcomes };
  });
  return { response, touched };
}

/** Ids within a push must be consecutive and must continue what the server has: a gap is refused whole. */
function checkOrder(request: PushRequest, last: number): void {
  const first = request.mutations[0]?.id ?? last + 1;
  const broken = request.mutations.findIndex((m, i) => m.id !== first + i);
  if (broken > 0) throw new MutationGapError(request.clientId, request.mutations[broken]!.id, first + broken);
  if (first > last + 1) throw new MutationGapError(request.clientId, first, last + 1);
}

function orderIdsOf(mutations: readonly Mutation[]): string[] {
  return mutations.flatMap((m) => {
    const decoded = decodeStoreAction(m);
    return decoded.ok ? [decoded.orderId] : [];
  });
}

async function replayOutcome(tx: PushTransaction, clientId: string, id: number): Promise<MutationOutcome> {
  const stored = await tx.findOutcome(clientId, id);
  return stored?.status === 'rejected'
    ? { id, status: 'already_applied', original: 'rejected', rejection: stored.rejection }
    : { id, status: 'already_applied', original: 'applied' };
}

async function mutate(
  tx: PushTransaction,
  { actor, mutation, now }: { actor: ApplyPush['actor']; mutation: Mutation; now: Date },
  touched: Set<string>,
): Promise<StoredOutcome> {
  const decoded = decodeStoreAction(mutation);
  if (!decoded.ok) return { status: 'rejected', rejection: { reason: 'INVALID_ACTION', message: decoded.message } };
  const result = await tx.applyOrderEvent({ orderId: decoded.orderId, event: decoded.event, actor, now });
  if (!result.ok) {
    const { reason, message, details } = result.rejection;
    return { status: 'rejected', rejection: details ? { reason, message, details: { ...details } } : { reason, message } };
  }
  result.value.forEach((s) => touched.add(s));
  return { status: 'applied' };
}
