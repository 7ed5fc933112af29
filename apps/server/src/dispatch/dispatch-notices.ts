import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Database } from '../db/database.js';

/** What the dispatcher is told when an order comes back from a store (docs/dispatch.md DS9). */
export interface DispatchNotice {
  readonly id: number;
  readonly orderId: string;
  readonly orderNumber: string;
  readonly kind: 'declined' | 'expired' | 'short_redispatch';
  readonly storeId: string;
  readonly storeName: string;
  /** The store's decline reason code (declineReasons), when it gave one. */
  readonly reason: string | null;
  readonly outcome: 'reoffered' | 'needs_dispatcher' | 'no_candidate';
  readonly nextStoreId: string | null;
  readonly nextStoreName: string | null;
  readonly at: string;
}

/** Notices written at or after `since`, oldest first, at most 100. */
export function noticesSince(db: Database, since: Date): Promise<DispatchNotice[]> {
  return readNotices(db, sql`n.at >= ${since.toISOString()}::timestamptz`);
}

/** Orders waiting for a person, each with its latest notice: handed back with a suggestion, or flagged with no store left (DS8). */
export function ordersNeedingDispatcher(db: Database): Promise<DispatchNotice[]> {
  return readNotices(db, sql`n.id IN (
    SELECT DISTINCT ON (d.order_id) d.id FROM dispatch_notices d JOIN orders w ON w.id = d.order_id
    WHERE w.dispatch_state IN ('needs_dispatcher', 'no_candidate') AND w.status = 'received'
    ORDER BY d.order_id, d.id DESC)`);
}

async function readNotices(db: Database, where: SQL): Promise<DispatchNotice[]> {
  const rows = await rowsOf<Record<string, unknown>>(db, sql`
    SELECT n.id, n.order_id, o.number, n.kind, n.store_id, s.name AS store_name, n.reason, n.outcome,
      n.next_store_id, ns.name AS next_store_name, n.at
    FROM dispatch_notices n
    JOIN orders o ON o.id = n.order_id
    JOIN stores s ON s.id = n.store_id
    LEFT JOIN stores ns ON ns.id = n.next_store_id
    WHERE ${where}
    ORDER BY n.id
    LIMIT 100`);
  return rows.map((r) => ({
    id: Number(r.id), orderId: String(r.order_id), orderNumber: String(r.number), kind: r.kind as DispatchNotice['kind'],
    storeId: String(r.store_id), storeName: String(r.store_name), reason: (r.reason as string | null) ?? null,
    outcome: r.outcome as DispatchNotice['outcome'], nextStoreId: (r.next_store_id as string | null) ?? null,
    nextStoreName: (r.next_store_name as string | null) ?? null, at: new Date(r.at as string).toISOString(),
  }));
}
