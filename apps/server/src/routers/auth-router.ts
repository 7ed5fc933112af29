import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { claimLoginAttempt, LoginThrottledCause, recordLoginSuccess } from '../auth/login-throttle.js';
import { verifyNothing, verifyPassword } from '../auth/password.js';
import { endSession, startSession } from '../auth/sessions.js';
import { users } from '../db/schema.js';
import { authedProcedure, publicProcedure, router } from '../trpc.js';

export const loginInput = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});

export const authRouter = router({
  login: publicProcedure.input(loginInput).mutation(async ({ ctx, input }) => {
    const now = ctx.now();
    const attempt = { username: input.username, address: ctx.address, now };
    // Counted as a failure before the password is checked (docs/security.md SEC20).
    const claim = await claimLoginAttempt(ctx.db, attempt);
    if (!claim.ok) {
      const cause = new LoginThrottledCause(claim.retryAfterMs);
      throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: cause.message, cause });
    }
    const [user] = await ctx.db.select().from(users).where(eq(users.username, input.username)).limit(1);
    const valid = user ? await verifyPassword(input.password, user.passwordHash) : await verifyNothing(input.password);
    if (!user || !valid) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong user name or password.' });
    await recordLoginSuccess(ctx.db, attempt, claim);
    const session = await startSession(ctx.db, user.id, ctx.config.sessionTtlHours, now);
    return {
      token: session.token,
      expiresAt: session.expiresAt.toISOString(),
      user: { id: user.id, username: user.username, displayName: user.displayName, role: user.role, storeId: user.storeId },
    };
  }),

  me: authedProcedure.query(({ ctx }) => ctx.user),

  logout: authedProcedure.mutation(async ({ ctx }) => {
    if (ctx.token) await endSession(ctx.db, ctx.token);
    return { ok: true as const };
  }),
});
