import { and, desc, eq, exists, gt, ne, sql } from 'drizzle-orm';
import { callerNumberOf, type IncomingCall } from '@repo/domain';
import { rowsOf, type Database } from '../db/database.js';
import { ctiCalls, ctiExtensions, sessions, users } from '../db/schema.js';
import { storePokeChannel } from '../postgres-store-pokes.js';

/** One ringing call as the agent's console receives it (docs/cti.md CT7). */
export interface CtiPop {
  readonly id: number;
  readonly callId: string;
  /** The caller as the customer file is searched by: 11 digits for a mobile, a landline as given. */
  readonly caller: string;
  readonly callerKind: 'mobile' | 'landline' | 'other';
  readonly called: string;
  readonly extension: string;
  readonly receivedAt: string;
}

/** A call in the agent's recent list, with the orders taken during it. */
export interface RecentCall extends CtiPop {
  readonly orderNumbers: readonly string[];
}

export type RecordedCall =
  | { readonly kind: 'recorded'; readonly id: number; readonly agentUserId: string | null }
  | { readonly kind: 'replay' };

/** The poke topic of one agent's screen pops; store ids never contain ':'. */
export const agentPokeTopic = (userId: string) => `cti:${userId}`;

/**
 * Records a call once (CT6: a call id seen before is a replay and changes nothing) together with
 * the agent at its extension, and announces it to that agent in the same transaction: the NOTIFY
 * leaves at commit, so every server process on one PostgreSQL wakes that agent's subscription.
 */
export async function recordIncomingCall(db: Database, call: IncomingCall, now: Date): Promise<RecordedCall> {
  return db.transaction(async (tx) => {
    // An agent who signed out of the console (or whose session ran out) is not at the desk: the
    // extension stays theirs for their next sign-in, but the call is answered 202, not "delivered".
    const [agent] = await tx.select({ userId: ctiExtensions.userId }).from(ctiExtensions).where(and(
      eq(ctiExtensions.extension, call.extension),
      exists(tx.select({ one: sql`1` }).from(sessions).where(and(eq(sessions.userId, ctiExtensions.userId), gt(sessions.expiresAt, now)))),
    ));
    const [row] = await tx.insert(ctiCalls).values({
      callId: call.callId, callerRaw: call.caller, caller: callerNumberOf(call.caller).number, called: call.called,
      extension: call.extension, agentUserId: agent?.userId ?? null, receivedAt: now,
    }).onConflictDoNothing({ target: ctiCalls.callId }).returning({ id: ctiCalls.id });
    if (!row) return { kind: 'replay' };
    if (agent) await tx.execute(sql`SELECT pg_notify(${storePokeChannel}, ${agentPokeTopic(agent.userId)})`);
    return { kind: 'recorded', id: row.id, agentUserId: agent?.userId ?? null };
  });
}

/**
 * The agent's latest calls received at or after `since`, oldest first: what a (re)connecting
 * console must still show. The newest 50: one person's phone never rings 50 times between two looks,
 * and were it ever to, the newest calls are the ones still ringing.
 */
export async function popsSince(db: Database, userId: string, since: Date): Promise<CtiPop[]> {
  const rows = await db.select().from(ctiCalls)
    .where(and(eq(ctiCalls.agentUserId, userId), sql`${ctiCalls.receivedAt} >= ${since.toISOString()}::timestamptz`))
    .orderBy(desc(ctiCalls.id)).limit(50);
  return rows.reverse().map(popOf);
}

/** When the call with this row id came in, if it was this agent's. */
export async function receivedAtOf(db: Database, userId: string, id: number): Promise<Date | null> {
  const [row] = await db.select({ at: ctiCalls.receivedAt }).from(ctiCalls).where(and(eq(ctiCalls.id, id), eq(ctiCalls.agentUserId, userId)));
  return row?.at ?? null;
}

/** The agent's latest calls, newest first, each with the numbers of the orders taken during it. */
export async function recentCalls(db: Database, userId: string, limit: number): Promise<RecentCall[]> {
  const rows = await rowsOf<Record<string, unknown>>(db, sql`
    SELECT c.id, c.call_id, c.caller_raw, c.called, c.extension, c.received_at,
      COALESCE((SELECT array_agg(o.number ORDER BY o.number) FROM orders o WHERE o.call_id = c.call_id), '{}') AS order_numbers
    FROM cti_calls c
    WHERE c.agent_user_id = ${userId}
    ORDER BY c.received_at DESC, c.id DESC
    LIMIT ${limit}`);
  return rows.map((r) => ({
    ...popOf({ id: Number(r.id), callId: String(r.call_id), callerRaw: String(r.caller_raw), called: String(r.called), extension: String(r.extension), receivedAt: new Date(r.received_at as string) }),
    orderNumbers: r.order_numbers as string[],
  }));
}

/** The extension the agent is signed in at, if any. */
export async function extensionOf(db: Database, userId: string): Promise<string | null> {
  const [row] = await db.select({ extension: ctiExtensions.extension }).from(ctiExtensions).where(eq(ctiExtensions.userId, userId));
  return row?.extension ?? null;
}

export type ExtensionSignIn = { readonly ok: true } | { readonly ok: false; readonly heldBy: string };

/**
 * Signs the agent in at `extension` (or out, with null), leaving any other extension they held.
 * One agent per extension (CT4): someone else's is refused with their name unless `takeOver`
 * (an agent who left without signing out must not block the desk).
 */
export async function signInAtExtension(db: Database, args: { userId: string; extension: string | null; takeOver: boolean; now: Date }): Promise<ExtensionSignIn> {
  const { userId, extension, takeOver, now } = args;
  return db.transaction(async (tx) => {
    if (extension === null) {
      await tx.delete(ctiExtensions).where(eq(ctiExtensions.userId, userId));
      return { ok: true };
    }
    await tx.delete(ctiExtensions).where(and(eq(ctiExtensions.userId, userId), ne(ctiExtensions.extension, extension)));
    const insert = tx.insert(ctiExtensions).values({ extension, userId, since: now });
    const [taken] = takeOver
      ? await insert.onConflictDoUpdate({ target: ctiExtensions.extension, set: { userId, since: now } }).returning({ userId: ctiExtensions.userId })
      : await insert.onConflictDoNothing({ target: ctiExtensions.extension }).returning({ userId: ctiExtensions.userId });
    if (taken) return { ok: true };
    const [holder] = await tx.select({ userId: users.id, name: users.displayName }).from(ctiExtensions)
      .innerJoin(users, eq(users.id, ctiExtensions.userId)).where(eq(ctiExtensions.extension, extension));
    return !holder || holder.userId === userId ? { ok: true } : { ok: false, heldBy: holder.name };
  });
}

function popOf(row: { id: number; callId: string; callerRaw: string; called: string; extension: string; receivedAt: Date }): CtiPop {
  const caller = callerNumberOf(row.callerRaw);
  return {
    id: row.id, callId: row.callId, caller: caller.number, callerKind: caller.kind,
    called: row.called, extension: row.extension, receivedAt: row.receivedAt.toISOString(),
  };
}
