/** Every reason an action can be refused: a closed set, so clients translate each one. */
export const rejectionReasons = [
  'TRANSITION_NOT_ALLOWED',
  'ROLE_NOT_ALLOWED',
  'WRONG_STORE',
  'OFFER_EXPIRED',
  'OFFER_STILL_OPEN',
  'STORE_ALREADY_DECLINED',
  'NOT_ASSIGNED_CLERK',
  'CLERK_REQUIRED',
  'NOTHING_SHORT',
  'ORDER_NOT_FOUND',
  'INVALID_INPUT',
  'STORAGE_FULL',
  'PICK_ON_OTHER_DEVICE',
  'PICK_INCOMPLETE',
  'PICK_MISMATCH',
  'DELIVERY_CODE_WRONG',
  'PROOF_MISSING',
  'UNDO_WINDOW_PASSED',
  'GOODS_NOT_BACK',
  'CLERK_UNKNOWN',
  'UNDER_REVIEW',
] as const;

export type RejectionReason = (typeof rejectionReasons)[number];

/** A refusal as a value: a machine-readable reason plus a sentence a person can read. */
export interface Rejection {
  readonly reason: RejectionReason;
  readonly message: string;
  readonly details?: Readonly<Record<string, string | number>>;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly rejection: Rejection };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function reject<T = never>(
  reason: RejectionReason,
  message: string,
  details?: Record<string, string | number>,
): Result<T> {
  return { ok: false, rejection: details ? { reason, message, details } : { reason, message } };
}

/** For `switch` statements over unions: the compiler proves every case is handled. */
export function exhaustive(value: never): never {
  throw new Error(`Unhandled case: ${JSON.stringify(value)}`);
}
