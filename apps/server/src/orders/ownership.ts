import { and, eq, inArray, notInArray, sql } from 'drizzle-orm';
import type { HandOverInput } from '@repo/domain';
import { rowsOf, type Database, type Transaction } from '../db/database.js';
import { orders, users } from '../db/schema.js';
import { badField } from './take-order.js';

/** Why an order changed hands: a shift change, a reviewer taking a web order, … */
export type OwnerChangeReason = 'handover' | 'review' | (string & {});

export interface OwnerChange {
  readonly orderId: string;
  readonly status: string;
  readonly fromUserId: string;
  readonly toUserId: string;
}

/**
 * Gives the orders to `toUserId` (一单责任制, docs/board.md BD8): the owner column and one
 * `owner_change` history entry per order that really changes hands, in one statement inside the
 * caller's transaction. Orders already owned by `toUserId` are left alone and get no entry.
 */
export async function changeOwner(
  tx: Transaction, orderIds: readonly string[], toUserId: string, actorUserId: string, reason: OwnerChangeReason, now: Date,
): Promise<OwnerChange[]> {
  if (orderIds.length === 0) return [];
  return rowsOf<OwnerChange>(tx, sql`
    WITH moving AS (
      SELECT id, status, owner_user_id AS from_user_id FROM orders
      WHERE id IN (SELECT jsonb_array_elements_text(${JSON.stringify([...orderIds].sort())}::jsonb))
        AND owner_user_id <> ${toUserId}
      ORDER BY id FOR UPDATE
    ), moved AS (
      UPDATE orders o SET owner_user_id = ${toUserId} FROM moving m WHERE o.id = m.id RETURNING o.id
    ), history AS (
      INSERT INTO order_events (order_id, type, actor_user_id, from_status, to_status, payload, at)
      SELECT m.id, 'owner_change', ${actorUserId}, m.status, m.status,
        jsonb_build_object('fromUserId', m.from_user_id, 'toUserId', ${toUserId}::text, 'reason', ${reason}::text), ${now.toISOString()}::timestamptz
      FROM moving m ORDER BY m.id
    )
    SELECT m.id AS "orderId", m.status, m.from_user_id AS "fromUserId", ${toUserId}::text AS "toUserId"
    FROM moving m JOIN moved USING (id) ORDER BY m.id`);
}

export interface HandOverArgs {
  readonly db: Database;
  readonly input: HandOverInput;
  /** The owner handing over: the signed-in agent. */
  readonly actorUserId: string;
  readonly now: Date;
}

export interface HandOverResult {
  readonly moved: number;
  readonly toUserId: string;
  readonly toName: string;
}

/**
 * 交班 (BD9): the caller's open orders, all of them or the listed ones, go to a head-office
 * colleague in one transaction. Refuses, changing nothing: an unknown user, someone outside head
 * office, the caller, an order that is not the caller's open order.
 */
export async function handOver({ db, input, actorUserId, now }: HandOverArgs): Promise<HandOverResult> {
  const [target] = await db.select({ id: users.id, role: users.role, name: users.displayName }).from(users).where(eq(users.id, input.toUserId));
  if (!target) throw badField('toUserId', 'No such user.');
  if (target.role !== 'hq') throw badField('toUserId', 'Orders can be handed only to head-office staff.');
  if (target.id === actorUserId) throw badField('toUserId', 'You already own these orders; choose a colleague.');
  const moved = await db.transaction(async (tx) => {
    const mine = and(eq(orders.ownerUserId, actorUserId), notInArray(orders.status, ['closed', 'cancelled']));
    const where = input.orderIds ? and(mine, inArray(orders.id, input.orderIds)) : mine;
    const open = new Set((await tx.select({ id: orders.id }).from(orders).where(where).for('update')).map((r) => r.id));
    const notMine = input.orderIds?.findIndex((id) => !open.has(id)) ?? -1;
    if (notMine >= 0) throw badField(`orderIds.${notMine}`, 'Not one of your open orders.');
    return changeOwner(tx, [...open], target.id, actorUserId, 'handover', now);
  });
  return { moved: moved.length, toUserId: target.id, toName: target.name };
}

/** Head-office staff who can own orders, with how many open orders each owns: the hand-over's and the owner filter's list. */
export async function orderOwners(db: Database): Promise<{ userId: string; name: string; openOrders: number }[]> {
  return rowsOf(db, sql`
    SELECT u.id AS "userId", u.display_name AS name, count(o.id)::int AS "openOrders"
    FROM users u LEFT JOIN orders o ON o.owner_user_id = u.id AND o.status NOT IN ('closed', 'cancelled')
    WHERE u.role = 'hq'
    GROUP BY u.id, u.display_name ORDER BY u.display_name, u.id`);
}
