import { and, eq, gt, inArray, lt, sql } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { loginKnownAddresses, loginThrottles } from '../db/schema.js';

/**
 * The sign-in limit (docs/security.md, SEC20-SEC27). Failures are counted per key:
 * - `pair`: one account from one address — a person mistyping, or a guesser at one machine;
 * - `address`: every account from one address — one machine trying many accounts;
 * - `account`: one account from every address it has never signed in from — many machines at one account.
 * Each key gets a number of free failures, then a wait that doubles with each further failure, up to
 * a ceiling. An address an account signed in from before is never counted under the account key,
 * so strangers alone can never keep the real person out.
 */
export type ThrottleKind = 'pair' | 'address' | 'account';

export const freeFailures: Readonly<Record<ThrottleKind, number>> = { pair: 5, address: 20, account: 50 };
export const firstWaitMs = 30_000;
export const longestWaitMs = 15 * 60_000;
/** A key forgets its failures a day after the last one. */
export const forgetAfterMs = 24 * 3_600_000;
/** How long a successful sign-in keeps an address known to the account. */
export const knownForMs = 90 * 24 * 3_600_000;

/** How long a key must wait after its `failures`-th failure before the next attempt is checked. */
export function waitAfterFailures(kind: ThrottleKind, failures: number): number {
  const over = failures - freeFailures[kind];
  return over < 0 ? 0 : Math.min(longestWaitMs, firstWaitMs * 2 ** over);
}

/** Said to a caller who must wait; the wait travels to the apps as `retryAfterSeconds`. */
export class LoginThrottledCause extends Error {
  constructor(readonly retryAfterMs: number) {
    super(`Too many wrong passwords. Try again in ${Math.ceil(retryAfterMs / 60_000)} minute(s).`);
  }
}

export type LoginClaim = { readonly ok: true; readonly keys: readonly string[] } | { readonly ok: false; readonly retryAfterMs: number };

interface Attempt {
  readonly username: string;
  readonly address: string;
  readonly now: Date;
}

/**
 * Counts this attempt as a failure BEFORE the password is checked, or refuses it when a key is
 * waiting. The keys' rows are locked in one transaction, so attempts in parallel (a batch, many
 * connections, several server processes) are counted one after another and none slips past the
 * limit; a success takes its count back (`recordLoginSuccess`). A refused attempt is not counted.
 */
export async function claimLoginAttempt(db: Database, attempt: Attempt): Promise<LoginClaim> {
  const { now } = attempt;
  const forgetBefore = new Date(now.getTime() - forgetAfterMs);
  return db.transaction(async (tx) => {
    const [known] = await tx.select({ at: loginKnownAddresses.lastSuccessAt }).from(loginKnownAddresses)
      .where(and(eq(loginKnownAddresses.username, attempt.username), eq(loginKnownAddresses.address, attempt.address),
        gt(loginKnownAddresses.lastSuccessAt, new Date(now.getTime() - knownForMs))));
    const kinds = keysOf(attempt, !known);
    const keys = [...kinds.keys()].sort();
    await tx.insert(loginThrottles).values(keys.map((key) => ({ key, failures: 0, lastFailureAt: now }))).onConflictDoNothing();
    const rows = await tx.select().from(loginThrottles).where(inArray(loginThrottles.key, keys)).orderBy(loginThrottles.key).for('update');
    const waitUntil = Math.max(...rows.map((row) => {
      const failures = row.lastFailureAt < forgetBefore ? 0 : row.failures;
      return row.lastFailureAt.getTime() + waitAfterFailures(kinds.get(row.key)!, failures);
    }));
    if (waitUntil > now.getTime()) return { ok: false, retryAfterMs: waitUntil - now.getTime() };
    await tx.update(loginThrottles)
      .set({ failures: sql`CASE WHEN ${loginThrottles.lastFailureAt} < ${forgetBefore.toISOString()}::timestamptz THEN 1 ELSE ${loginThrottles.failures} + 1 END`, lastFailureAt: now })
      .where(inArray(loginThrottles.key, keys));
    return { ok: true, keys };
  });
}

/**
 * The password was right: the attempt was no failure. The account at this address starts afresh
 * and the address becomes known to the account; the address and account keys only lose this one
 * count, so a success does not wipe what strangers did.
 */
export async function recordLoginSuccess(db: Database, attempt: Attempt, claim: Extract<LoginClaim, { ok: true }>): Promise<void> {
  const pair = pairKey(attempt);
  await db.transaction(async (tx) => {
    await tx.delete(loginThrottles).where(eq(loginThrottles.key, pair));
    const others = claim.keys.filter((key) => key !== pair);
    if (others.length > 0) {
      await tx.update(loginThrottles).set({ failures: sql`GREATEST(${loginThrottles.failures} - 1, 0)` }).where(inArray(loginThrottles.key, others));
    }
    await tx.insert(loginKnownAddresses).values({ username: attempt.username, address: attempt.address, lastSuccessAt: attempt.now })
      .onConflictDoUpdate({ target: [loginKnownAddresses.username, loginKnownAddresses.address], set: { lastSuccessAt: attempt.now } });
  });
  // Housekeeping on success rather than a timer, as for sessions.
  await db.delete(loginThrottles).where(lt(loginThrottles.lastFailureAt, new Date(attempt.now.getTime() - forgetAfterMs)));
}

function keysOf(attempt: Attempt, strangerAddress: boolean): Map<string, ThrottleKind> {
  const keys = new Map<string, ThrottleKind>([[pairKey(attempt), 'pair'], [`address:${attempt.address}`, 'address']]);
  if (strangerAddress) keys.set(`account:${attempt.username}`, 'account');
  return keys;
}

function pairKey({ username, address }: Attempt): string {
  return `pair:${address} ${username}`;
}
