import type { CodeAttempts } from '../../local-db/store-db.js';

/** Wrong delivery codes allowed before the entry pauses, and how long it pauses. */
export const maxWrongCodes = 5;
export const codePauseMs = 5 * 60_000;

export type CodeEntryState =
  | { readonly paused: false; readonly triesLeft: number }
  | { readonly paused: true; readonly until: string };

/**
 * Whether the clerk may type another code. Six digits are only a million codes: without a limit
 * someone holding the phone could try them all at the door.
 */
export function codeEntryState(attempts: CodeAttempts | undefined, now: Date): CodeEntryState {
  if (attempts?.lockedUntil && Date.parse(attempts.lockedUntil) > now.getTime()) return { paused: true, until: attempts.lockedUntil };
  return { paused: false, triesLeft: maxWrongCodes - failuresSincePause(attempts, now) };
}

/** The record after one more wrong code: the fifth in a row pauses the entry. */
export function afterWrongCode(orderId: string, attempts: CodeAttempts | undefined, now: Date): CodeAttempts {
  const failures = failuresSincePause(attempts, now) + 1;
  if (failures < maxWrongCodes) return { orderId, failures };
  return { orderId, failures, lockedUntil: new Date(now.getTime() + codePauseMs).toISOString() };
}

/** A pause that has run out starts a fresh round of tries. */
function failuresSincePause(attempts: CodeAttempts | undefined, now: Date): number {
  if (!attempts) return 0;
  if (attempts.lockedUntil && Date.parse(attempts.lockedUntil) <= now.getTime()) return 0;
  return attempts.failures;
}
