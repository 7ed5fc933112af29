import { eq, inArray } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Database } from '../db/database.js';
import { orderEvents, stores, users } from '../db/schema.js';

/** Who made a step: their name and, for store staff, the store they work at. */
export interface HistoryActor {
  readonly userId: string;
  readonly name: string;
  readonly role: string;
  readonly storeId: string | null;
  readonly storeName: string | null;
}

/** One step of an order's life as head office reads it in the timeline. */
export interface HistoryEntry {
  readonly type: string;
  readonly fromStatus: string;
  readonly toStatus: string;
  /** When the server applied the step (its own clock). */
  readonly at: string;
  /** When it happened on the device, for steps that carry the device's time (the close, an undo, a return). */
  readonly deviceAt: string | null;
  /** Null for the system (an offer that expired by itself). */
  readonly actor: HistoryActor | null;
  /** The step as recorded: reasons, notes, short quantities, the proof. The code typed at the door is left out. */
  readonly details: Record<string, unknown>;
  /** The clerk a hand-off or retry names, by name. */
  readonly clerkName: string | null;
  /** An owner change (交班, docs/board.md BD9): from whom to whom, by name, and why. */
  readonly ownerChange: { readonly fromName: string; readonly toName: string; readonly reason: string } | null;
}

/** The order's history, oldest first, with people and stores named. */
export async function orderHistory(db: Database, orderId: string): Promise<HistoryEntry[]> {
  const actorStore = alias(stores, 'actor_store');
  const rows = await db
    .select({
      type: orderEvents.type, fromStatus: orderEvents.fromStatus, toStatus: orderEvents.toStatus, payload: orderEvents.payload, at: orderEvents.at,
      userId: users.id, name: users.displayName, role: users.role, storeId: users.storeId, storeName: actorStore.name,
    })
    .from(orderEvents)
    .leftJoin(users, eq(users.id, orderEvents.actorUserId))
    .leftJoin(actorStore, eq(actorStore.id, users.storeId))
    .where(eq(orderEvents.orderId, orderId))
    .orderBy(orderEvents.id);
  const named = rows.flatMap((r) => [clerkIdOf(r.payload), ...ownerIdsOf(r.type, r.payload)]).filter((id): id is string => id !== null);
  const clerkNames = await namesOf(db, named);
  return rows.map((row) => {
    const payload = isRecord(row.payload) ? row.payload : {};
    const { code: _typedCode, ...details } = payload;
    const clerkId = clerkIdOf(payload);
    return {
      type: row.type,
      fromStatus: row.fromStatus,
      toStatus: row.toStatus,
      at: row.at.toISOString(),
      deviceAt: typeof payload.at === 'string' ? new Date(payload.at).toISOString() : null,
      actor: row.userId ? { userId: row.userId, name: row.name ?? row.userId, role: row.role ?? '', storeId: row.storeId, storeName: row.storeName } : null,
      details,
      clerkName: clerkId ? (clerkNames.get(clerkId) ?? clerkId) : null,
      ownerChange: ownerChangeOf(row.type, payload, clerkNames),
    };
  });
}

async function namesOf(db: Database, ids: readonly string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

function ownerIdsOf(type: string, payload: unknown): string[] {
  if (type !== 'owner_change' || !isRecord(payload)) return [];
  return [payload.fromUserId, payload.toUserId].filter((id): id is string => typeof id === 'string');
}

function ownerChangeOf(type: string, payload: Record<string, unknown>, names: ReadonlyMap<string, string>): HistoryEntry['ownerChange'] {
  if (type !== 'owner_change') return null;
  const name = (id: unknown) => (typeof id === 'string' ? (names.get(id) ?? id) : '');
  return { fromName: name(payload.fromUserId), toName: name(payload.toUserId), reason: typeof payload.reason === 'string' ? payload.reason : '' };
}

function clerkIdOf(payload: unknown): string | null {
  if (!isRecord(payload) || !isRecord(payload.clerk)) return null;
  return typeof payload.clerk.userId === 'string' ? payload.clerk.userId : null;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
