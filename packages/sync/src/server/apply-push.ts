import { decodeStoreAction, type Actor } from '@repo/domain';
import { MUTATION_GAP, type Mutation, type MutationOutcome, type PushRejection, type PushRequest, type PushResponse } from '../protocol.js';
import { MutationRejected, type PushDatabase, type PushTransaction } from './push-database.js';

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
 * Applies a device's mutations exactly once, in order: each in its own transaction that also advances
 * the client's last mutation id, so the effect and the counter commit together or not at all.
 * Returns the outcomes and the stores whose devices should be poked.
 */
export async function applyPush({ db, actor, request, now }: ApplyPush): Promise<{ response: PushResponse; touched: Set<string> }> {
  const outcomes: MutationOutcome[] = [];
  const touched = new Set<string>();
  let lastMutationId = 0;
  for (const mutation of request.mutations) {
    const result = await processMutation({ db, actor, clientId: request.clientId, mutation, now: now() });
    outcomes.push(result.outcome);
    result.touched.forEach((s) => touched.add(s));
    lastMutationId = result.lastMutationId;
  }
  return { response: { lastMutationId, outcomes }, touched };
}

interface ProcessMutation {
  readonly db: PushDatabase;
  readonly actor: ApplyPush['actor'];
  readonly clientId: string;
  readonly mutation: Mutation;
  readonly now: Date;
}

async function processMutation(p: ProcessMutation): Promise<{ outcome: MutationOutcome; touched: string[]; lastMutationId: number }> {
  try {
    return await p.db.transaction(async (tx) => {
      const last = await expectNext(tx, p);
      if (p.mutation.id <= last) return { ...(await replayOutcome(tx, p)), lastMutationId: last };
      const touched = await mutate(tx, p);
      await tx.setLastMutationId(p.clientId, p.mutation.id);
      await tx.recordOutcome(p.clientId, p.mutation.id, { status: 'applied' });
      return { outcome: { id: p.mutation.id, status: 'applied' as const }, touched, lastMutationId: p.mutation.id };
    });
  } catch (error) {
    if (!(error instanceof MutationRejected)) throw error;
    // The effects rolled back with the transaction; now spend the mutation id on the rejection,
    // so one bad action costs one cycle and never blocks the queue behind it.
    const { reason, message, details } = error.rejection;
    const rejection: PushRejection = details ? { reason, message, details: { ...details } } : { reason, message };
    return p.db.transaction(async (tx) => {
      const last = await expectNext(tx, p);
      if (p.mutation.id <= last) return { ...(await replayOutcome(tx, p)), lastMutationId: last };
      await tx.setLastMutationId(p.clientId, p.mutation.id);
      await tx.recordOutcome(p.clientId, p.mutation.id, { status: 'rejected', rejection });
      return { outcome: { id: p.mutation.id, status: 'rejected' as const, rejection }, touched: [], lastMutationId: p.mutation.id };
    });
  }
}

/** Locks the client and checks order: a replay is fine, a gap is refused. */
async function expectNext(tx: PushTransaction, p: ProcessMutation): Promise<number> {
  const last = await tx.lockClient(p.clientId, p.actor.storeId);
  if (last === null) throw new ClientOfAnotherStoreError();
  if (p.mutation.id > last + 1) throw new MutationGapError(p.clientId, p.mutation.id, last + 1);
  return last;
}

async function replayOutcome(tx: PushTransaction, p: ProcessMutation): Promise<{ outcome: MutationOutcome; touched: string[] }> {
  const stored = await tx.findOutcome(p.clientId, p.mutation.id);
  const outcome: MutationOutcome =
    stored?.status === 'rejected'
      ? { id: p.mutation.id, status: 'already_applied', original: 'rejected', rejection: stored.rejection }
      : { id: p.mutation.id, status: 'already_applied', original: 'applied' };
  return { outcome, touched: [] };
}

async function mutate(tx: PushTransaction, p: ProcessMutation): Promise<string[]> {
  const decoded = decodeStoreAction(p.mutation);
  if (!decoded.ok) throw new MutationRejected({ reason: 'INVALID_ACTION', message: decoded.message });
  const result = await tx.applyOrderEvent({ orderId: decoded.orderId, event: decoded.event, actor: p.actor, now: p.now });
  if (!result.ok) throw new MutationRejected(result.rejection);
  return result.value;
}
