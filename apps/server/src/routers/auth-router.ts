import { TRPCError } from '@trpc/server';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { clearLoginFailures, isLoginThrottled, recordLoginFailure } from '../auth/login-throttle.js';
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
    if (await isLoginThrottled(ctx.db, input.username, now)) {
      throw new TRPCError({ code: 'TOO_MANY_REQUESTS', message: 'Too many wrong passwords. Try again in 15 minutes.' });
    }
    const [user] = await ctx.db.select().from(users).where(eq(users.username, input.username)).limit(1);
    const valid = user ? await verifyPassword(input.password, user.passwordHash) : await verifyNothing(input.password);
    if (!user || !valid) {
      await recordLoginFailure(ctx.db, input.username, now);
      throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Wrong user name or password.' });
    }
    await clearLoginFailures(ctx.db, input.username);
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
