import { and, count, eq, gt, lt } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { loginFailures } from '../db/schema.js';

export const maxFailures = 5;
export const failureWindowMs = 15 * 60_000;

/** True when this user name has failed too often lately; kept in the database so restarts don't reset it. */
export async function isLoginThrottled(db: Database, username: string, now = new Date()): Promise<boolean> {
  const since = new Date(now.getTime() - failureWindowMs);
  const [row] = await db
    .select({ n: count() })
    .from(loginFailures)
    .where(and(eq(loginFailures.username, username), gt(loginFailures.failedAt, since)));
  return (row?.n ?? 0) >= maxFailures;
}

export async function recordLoginFailure(db: Database, username: string, now = new Date()): Promise<void> {
  await db.insert(loginFailures).values({ username, failedAt: now });
  await db.delete(loginFailures).where(lt(loginFailures.failedAt, new Date(now.getTime() - failureWindowMs)));
}

export async function clearLoginFailures(db: Database, username: string): Promise<void> {
  await db.delete(loginFailures).where(eq(loginFailures.username, username));
}
