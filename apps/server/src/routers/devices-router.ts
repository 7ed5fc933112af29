import { sql } from 'drizzle-orm';
import { rowsOf } from '../db/database.js';
import { hqProcedure, router } from '../trpc.js';

export interface UnsentWork {
  readonly storeId: string;
  readonly storeName: string;
  readonly userName: string | null;
  readonly depth: number;
  readonly orderNumbers: readonly string[];
  readonly reportedAt: string;
}

/** Head office's view of the store devices (docs/sync-protocol.md SY48). */
export const devicesRouter = router({
  /**
   * Devices that last said they still had actions to send: if such a device's storage was cleared,
   * this is the work that was lost, so head office can follow up with the store.
   */
  unsentWork: hqProcedure.query(async ({ ctx }): Promise<UnsentWork[]> => {
    const rows = await rowsOf<{ store_id: string; store_name: string; user_name: string | null; depth: number; numbers: string[] | null; reported_at: Date | string }>(ctx.db, sql`
      SELECT c.store_id, s.name AS store_name, u.display_name AS user_name, c.reported_depth AS depth, c.reported_at,
        (SELECT array_agg(o.number ORDER BY o.number) FROM jsonb_array_elements_text(c.reported_order_ids) AS r(order_id)
          JOIN orders o ON o.id = r.order_id) AS numbers
      FROM sync_clients c JOIN stores s ON s.id = c.store_id LEFT JOIN users u ON u.id = c.last_user_id
      WHERE c.reported_depth > 0
      ORDER BY c.reported_at ASC LIMIT 200`);
    return rows.map((r) => ({
      storeId: r.store_id, storeName: r.store_name, userName: r.user_name, depth: Number(r.depth),
      orderNumbers: r.numbers ?? [], reportedAt: new Date(r.reported_at).toISOString(),
    }));
  }),
});
