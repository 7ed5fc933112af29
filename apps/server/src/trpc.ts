import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { MutationGapError } from '@repo/sync/server';
import { findUnstorableText, type Actor, type LateLimits } from '@repo/domain';
import { LoginThrottledCause } from './auth/login-throttle.js';
import { actorOf, findSessionUser, type SessionUser } from './auth/sessions.js';
import type { Database } from './db/database.js';
import { FieldProblems } from './field-problems.js';
import { RejectionCause } from './rejection-error.js';
import type { Dispatcher } from './dispatch/dispatcher.js';
import type { StorePokes } from './store-pokes.js';

export interface ServerConfig {
  readonly sessionTtlHours: number;
  readonly offerTtlMinutes: number;
  readonly promiseMinutes: number;
  readonly undoWindowSeconds: number;
  /** AUTO_REDISPATCH: a returned order is re-offered by the server (docs/dispatch.md DS6). */
  readonly autoRedispatch: boolean;
  /** LATE_*_MINUTES: when the board warns per state (docs/board.md BD4); the defaults when left out. */
  readonly lateLimits?: LateLimits;
}

/** Everything a procedure may use; built once per request. */
export interface Context {
  readonly db: Database;
  readonly pokes: StorePokes;
  /** This process's dispatch timer: woken by a decline, rung when it writes notices. */
  readonly dispatcher: Dispatcher;
  readonly config: ServerConfig;
  readonly token: string | null;
  /** The caller's network address, for the per-address login limit (docs/security.md). */
  readonly address: string;
  readonly now: () => Date;
}

export interface Meta {
  /**
   * The procedure takes a batch of items and refuses unstorable text item by item (sync.push: one
   * bad action is rejected on its own), so the all-or-nothing input check must not refuse the batch.
   */
  readonly checksTextPerItem?: boolean;
}

/** What a caller sees of a failure we did not foresee: never its SQL, parameters or stack. */
export const internalErrorMessage = 'Something went wrong on the server. Please try again.';

const t = initTRPC.context<Context>().meta<Meta>().create({
  // A poke subscription may sit silent for hours; a comment every 20 s keeps it from looking idle to
  // a load balancer's or proxy's inactivity timeout (docs/deploy.md).
  sse: { ping: { enabled: true, intervalMs: 20_000 } },
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const internal = error.code === 'INTERNAL_SERVER_ERROR';
    const fields = cause instanceof ZodError
      ? cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
      : cause instanceof UnstorableInputCause ? [{ path: cause.path.join('.'), message: cause.message }]
        : cause instanceof FieldProblems ? cause.problems.slice(0, 50) : undefined;
    const rejection = cause instanceof RejectionCause && error.code !== 'FORBIDDEN' ? cause.rejection.reason : undefined;
    // A device told "gap" must know from where to resend; it never has to parse the message.
    const expectedMutationId = cause instanceof MutationGapError ? cause.expected : undefined;
    // The apps say how long to wait; they never parse the message.
    const retryAfterSeconds = cause instanceof LoginThrottledCause ? Math.ceil(cause.retryAfterMs / 1000) : undefined;
    return {
      ...shape,
      message: internal ? internalErrorMessage : shape.message,
      data: { ...shape.data, stack: undefined, fields, rejection, expectedMutationId, retryAfterSeconds },
    };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/**
 * Security: every string of every input, keys included, is checked before any schema or query sees
 * it, so text PostgreSQL cannot store (U+0000, a lone surrogate) is a 400 naming the field, never a
 * 500 from the database — whatever a procedure's schema forgets.
 */
export const publicProcedure = t.procedure.use(async ({ meta, getRawInput, next }) => {
  if (meta?.checksTextPerItem) return next();
  const path = findUnstorableText(await getRawInput());
  if (path) {
    const cause = new UnstorableInputCause(path);
    throw new TRPCError({ code: 'BAD_REQUEST', message: cause.message, cause });
  }
  return next();
});

class UnstorableInputCause extends Error {
  /** Shaped like a ZodError's issues, so every bad-input refusal names its field the same way. */
  readonly issues: readonly { path: readonly (string | number)[]; message: string }[];
  constructor(readonly path: readonly (string | number)[]) {
    super('Contains characters that cannot be stored (U+0000 or an unpaired surrogate).');
    this.issues = [{ path, message: this.message }];
  }
}

/** Any signed-in user. Store roles always come with their store. */
export const authedProcedure = publicProcedure.use(async ({ ctx, next }) => {
  const user = ctx.token ? await findSessionUser(ctx.db, ctx.token, ctx.now()) : null;
  const actor = user && actorOf(user);
  if (!user || !actor) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in again.' });
  return next({ ctx: { user, actor } });
});

/** Head-office staff only. */
export const hqProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== 'hq') throw forbidden();
  return next({ ctx: { actor: ctx.actor } });
});

/** Store managers and clerks, scoped to their own store. */
export const storeProcedure = authedProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== 'store_manager' && ctx.actor.role !== 'clerk') throw forbidden();
  return next({ ctx: { actor: ctx.actor, storeId: ctx.actor.storeId } });
});

/** Store managers only. */
export const managerProcedure = storeProcedure.use(({ ctx, next }) => {
  if (ctx.actor.role !== 'store_manager') throw forbidden();
  return next();
});

/**
 * The one refusal for "not yours": the same code and words whether the thing exists or not,
 * so a caller learns nothing about another store's orders.
 */
export function forbidden(): TRPCError {
  return new TRPCError({ code: 'FORBIDDEN', message: 'You do not have access to this.' });
}

export type { Actor, SessionUser };
