import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { Actor } from '@repo/domain';
import type { Database } from '../db/database.js';
import { sessions, users } from '../db/schema.js';

export interface SessionUser {
  readonly id: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: 'hq' | 'store_manager' | 'clerk';
  readonly storeId: string | null;
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** Starts a session and returns the bearer token; only its hash is stored. */
export async function startSession(db: Database, userId: string, ttlHours: number, now = new Date()) {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000);
  await db.insert(sessions).values({ tokenHash: hashToken(token), userId, expiresAt, createdAt: now });
  // Housekeeping on login rather than a timer: expired rows are useless and logins are rare.
  await db.delete(sessions).where(lt(sessions.expiresAt, now));
  return { token, expiresAt };
}

export async function endSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token)));
}

/** The user behind a bearer token, or null when the token is unknown or expired. */
export async function findSessionUser(db: Database, token: string, now = new Date()): Promise<SessionUser | null> {
  const rows = await db
    .select({ id: users.id, username: users.username, displayName: users.displayName, role: users.role, storeId: users.storeId })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows[0] ?? null;
}

/** The lifecycle's view of a user. A store role without a store is a broken account: refuse it. */
export function actorOf(user: SessionUser): Actor | null {
  if (user.role === 'hq') return { role: 'hq', userId: user.id };
  return user.storeId ? { role: user.role, userId: user.id, storeId: user.storeId } : null;
}
