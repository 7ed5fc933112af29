import type { MutationOutcome, PushRejection } from '../protocol.js';

export interface SettledOutcomes {
  /** Outbox ids the server has answered for: they leave the queue. */
  readonly done: number[];
  /** Those refused for a business reason, to be shown to the person. */
  readonly rejected: { id: number; rejection: PushRejection }[];
}

/** Sorts a push response into what leaves the outbox and what the person must see. */
export function settleOutcomes(outcomes: readonly MutationOutcome[]): SettledOutcomes {
  const rejected = outcomes.flatMap((o) => {
    if (o.status === 'rejected') return [{ id: o.id, rejection: o.rejection }];
    if (o.status === 'already_applied' && o.original === 'rejected' && o.rejection) return [{ id: o.id, rejection: o.rejection }];
    return [];
  });
  return { done: outcomes.map((o) => o.id), rejected };
}
