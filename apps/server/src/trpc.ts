import { initTRPC, TRPCError } from '@trpc/server';
import { ZodError } from 'zod';
import { MutationGapError } from '@repo/sync/server';
import type { Actor } from '@repo/domain';
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
}

/** Everything a procedure may use; built once per request. */
export interface Context {
  readonly db: Database;
  readonly pokes: StorePokes;
  /** This process's dispatch timer: woken by a decline, rung when it writes notices. */
  readonly dispatcher: Dispatcher;
  readonly config: ServerConfig;
  readonly token: string | null;
  readonly now: () => Date;
}

const t = initTRPC.context<Context>().create({
  errorFormatter({ shape, error }) {
    const cause = error.cause;
    const fields = cause instanceof ZodError
      ? cause.issues.map((i) => ({ path: i.path.join('.'), message: i.message }))
      : cause instanceof FieldProblems ? cause.problems.slice(0, 50) : undefined;
    const rejection = cause instanceof RejectionCause && error.code !== 'FORBIDDEN' ? cause.rejection.reason : undefined;
    // A device told "gap" must know from where to resend; it never has to parse the message.
    const expectedMutationId = cause instanceof MutationGapError ? cause.expected : undefined;
    return { ...shape, data: { ...shape.data, stack: undefined, fields, rejection, expectedMutationId } };
  },
});

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;

/** Any signed-in user. Store roles always come with their store. */
export const authedProcedure = t.procedure.use(async ({ ctx, next }) => {
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
