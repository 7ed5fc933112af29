import { eq } from 'drizzle-orm';
import type { Database } from '../db/database.js';
import { orders, webOrders } from '../db/schema.js';

/** How an order came in, for head office's order detail: the channel, the review state and what the web shop added. */
export interface OrderIntakeFacts {
  readonly channel: 'phone' | 'web';
  /** The telephone system's id of the call the order was taken in (docs/cti.md), for finding the recording. */
  readonly callId: string | null;
  readonly review: 'pending' | 'confirm_by_phone' | null;
  readonly webOrderNumber: string | null;
  readonly note: string | null;
  readonly confirmReason: string | null;
}

export async function orderIntakeFacts(db: Database, orderId: string): Promise<OrderIntakeFacts | null> {
  const [row] = await db
    .select({ channel: orders.channel, callId: orders.callId, review: orders.reviewState, webOrderNumber: webOrders.shopReference, note: webOrders.note, confirmReason: webOrders.confirmReason })
    .from(orders).leftJoin(webOrders, eq(webOrders.orderId, orders.id)).where(eq(orders.id, orderId));
  return row ?? null;
}
