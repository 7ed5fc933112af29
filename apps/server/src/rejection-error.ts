import { TRPCError } from '@trpc/server';
import type { Rejection } from '@repo/domain';

/** Carries a domain rejection through tRPC so clients can translate its reason code. */
export class RejectionCause extends Error {
  constructor(readonly rejection: Rejection) {
    super(rejection.message);
    this.name = 'RejectionCause';
  }
}

/** Maps a lifecycle rejection to the tRPC code a client expects. */
export function rejectionError(rejection: Rejection): TRPCError {
  const cause = new RejectionCause(rejection);
  switch (rejection.reason) {
    case 'WRONG_STORE':
    case 'ROLE_NOT_ALLOWED':
    case 'NOT_ASSIGNED_CLERK':
      // Same words as any other "not yours", so the caller learns nothing about the order.
      return new TRPCError({ code: 'FORBIDDEN', message: 'You do not have access to this.', cause });
    case 'ORDER_NOT_FOUND':
      return new TRPCError({ code: 'NOT_FOUND', message: rejection.message, cause });
    case 'INVALID_INPUT':
      return new TRPCError({ code: 'BAD_REQUEST', message: rejection.message, cause });
    default:
      return new TRPCError({ code: 'CONFLICT', message: rejection.message, cause });
  }
}
