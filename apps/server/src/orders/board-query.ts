import { sql, type SQL } from 'drizzle-orm';
import { boardInput, defaultLateLimits, openStatuses, promiseBoundStatuses, type LateLimits, type LateReason, type OpenStatus } from '@repo/domain';
import type { z } from 'zod';
import { rowsOf, type Database } from '../db/database.js';

/** One open order as the board shows it (docs/board.md BD2). */
export interface BoardRow {
  readonly id: string;
  readonly number: string;
  readonly status: OpenStatus;
  readonly customerName: string;
  readonly storeId: string | null;
  readonly storeName: string | null;
  readonly ownerUserId: string;
  readonly ownerName: string;
  /** When it entered its state; the console ticks the time in the state from here. */
  readonly statusSince: string;
  readonly promisedAt: string | null;
  /** The earlier of its state's limit and its promise: when it goes late, or went late. */
  readonly dueAt: string | null;
  readonly lateReason: LateReason | null;
  /** A web order still waiting for review or for a confirmation call: not dispatchable yet. */
  readonly review: 'pending' | 'confirm_by_phone' | null;
  /** Decided with the server's clock, so every screen agrees. */
  readonly late: boolean;
}

export interface Board {
  readonly rows: BoardRow[];
  /** Rows matching every filter, of which `rows` is the first page. */
  readonly total: number;
  /** Open orders per state, and late ones, under the store and owner filters (not the state and late ones): the header's counts. */
  readonly counts: Partial<Record<OpenStatus, number>>;
  readonly late: number;
  /** The caller's own open orders, whatever the filters: the 我的订单 toggle's count. */
  readonly mine: number;
  readonly limits: LateLimits;
  /** The server's clock at the query, so the console can tick from it rather than trust its own. */
  readonly now: string;
}

export interface BoardQueryArgs {
  readonly db: Database;
  readonly input: z.output<typeof boardInput>;
  readonly actorUserId: string;
  readonly now: Date;
  readonly limits?: LateLimits | undefined;
}

interface BoardResultRow {
  rows: (Omit<BoardRow, 'statusSince' | 'promisedAt' | 'dueAt'> & { statusSince: string; promisedAt: string | null; dueAt: string | null })[] | null;
  total: number;
  counts: Record<string, number> | null;
  late: number;
  mine: number;
}

/**
 * The board in one statement (BD10): open orders with their store and owner named, each one's
 * deadline and reason by the same rule as `lateness()` in @repo/domain, late first and then the
 * soonest due; counts for the header. Reads only open orders (the orders_open_idx partial index).
 */
export async function boardQuery({ db, input, actorUserId, now, limits = defaultLateLimits }: BoardQueryArgs): Promise<Board> {
  const owner = input.mine ? actorUserId : (input.ownerUserId ?? null);
  const statuses = input.statuses?.length ? input.statuses : null;
  const at = now.toISOString();
  // Filters are added only when set: each shape of the query gets a plan of its own.
  const scope = and([
    input.storeId ? sql`o.store_id = ${input.storeId}` : null,
    owner ? sql`o.owner_user_id = ${owner}` : null,
  ]);
  const matching = and([
    statuses ? sql`status IN (${sql.join(statuses.map((status) => sql`${status}`), sql`, `)})` : null,
    input.lateOnly ? sql`due_at <= ${at}::timestamptz` : null,
  ]);
  // Each state's limit as an interval literal in a CASE: cheaper per row than joining a table of limits.
  const limited = openStatuses.filter((status) => limits[status] !== undefined);
  const stateDue = limited.length === 0 ? sql`NULL::timestamptz` : sql`o.status_since + CASE o.status ${sql.join(
    limited.map((status) => sql`WHEN ${status} THEN ${`${Math.round(limits[status]! * 60)} seconds`}::interval`),
    sql` `,
  )} END`;
  const promiseBound = sql.join(promiseBoundStatuses.map((status) => sql`${status}`), sql`, `);
  const [result] = await rowsOf<BoardResultRow>(db, sql`
    WITH timed AS (
      SELECT o.id, o.number, o.status, o.store_id, o.owner_user_id, o.status_since, o.promised_at, o.review_state,
        ${stateDue} AS state_due,
        CASE WHEN o.status IN (${promiseBound}) THEN o.promised_at END AS promise_due
      FROM orders o
      WHERE o.status NOT IN ('closed', 'cancelled') AND ${scope}
    ), due AS MATERIALIZED (
      -- LEAST skips nulls; a tie is the promise's, as in lateness().
      SELECT t.*, LEAST(t.state_due, t.promise_due) AS due_at,
        CASE WHEN t.promise_due <= COALESCE(t.state_due, 'infinity') THEN 'promise' WHEN t.state_due IS NOT NULL THEN 'state' END AS late_reason
      FROM timed t
    ), page AS (
      SELECT * FROM due WHERE ${matching} ORDER BY due_at ASC NULLS LAST, status_since ASC, id LIMIT ${input.limit}
    )
    SELECT
      (SELECT jsonb_agg(jsonb_build_object(
          'id', p.id, 'number', p.number, 'status', p.status,
          -- Only the page's rows unpack data (the customer's name), one index lookup each: 200, not every open order.
          'customerName', (SELECT o.data->>'customerName' FROM orders o WHERE o.id = p.id),
          'storeId', p.store_id, 'storeName', st.name, 'ownerUserId', p.owner_user_id, 'ownerName', u.display_name,
          'statusSince', p.status_since, 'promisedAt', p.promised_at, 'dueAt', p.due_at, 'lateReason', p.late_reason, 'review', p.review_state,
          'late', COALESCE(p.due_at <= ${at}::timestamptz, false))
        ORDER BY p.due_at ASC NULLS LAST, p.status_since ASC, p.id)
        FROM page p JOIN users u ON u.id = p.owner_user_id LEFT JOIN stores st ON st.id = p.store_id) AS rows,
      (SELECT count(*)::int FROM due WHERE ${matching}) AS total,
      (SELECT jsonb_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM due GROUP BY status) c) AS counts,
      (SELECT count(*)::int FROM due WHERE due_at <= ${at}::timestamptz) AS late,
      (SELECT count(*)::int FROM orders WHERE owner_user_id = ${actorUserId} AND status NOT IN ('closed', 'cancelled')) AS mine`);
  const counts: Partial<Record<OpenStatus, number>> = {};
  for (const status of openStatuses) if (result?.counts?.[status]) counts[status] = result.counts[status];
  return {
    rows: (result?.rows ?? []).map((r) => ({
      ...r,
      statusSince: iso(r.statusSince)!, promisedAt: iso(r.promisedAt), dueAt: iso(r.dueAt),
    })),
    total: result?.total ?? 0,
    counts,
    late: result?.late ?? 0,
    mine: result?.mine ?? 0,
    limits,
    now: at,
  };
}

/** The conditions joined with AND; TRUE when there are none. */
function and(conditions: readonly (SQL | null)[]): SQL {
  const set = conditions.filter((c): c is SQL => c !== null);
  return set.length ? sql.join(set, sql` AND `) : sql`TRUE`;
}

/** jsonb renders timestamps as PostgreSQL writes them ("2026-11-30T09:00:00+08:00"); the API speaks ISO in UTC. */
function iso(value: string | null): string | null {
  return value === null ? null : new Date(value).toISOString();
}
