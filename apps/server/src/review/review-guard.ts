import { eq } from 'drizzle-orm';
import { reject } from '@repo/domain';
import type { Database } from '../db/database.js';
import { orders } from '../db/schema.js';
import { rejectionError } from '../rejection-error.js';

/**
 * Refuses to dispatch a web order still under review (WS10). Read without a lock on purpose: review
 * only ever moves pending -> confirm_by_phone -> none, never back, so "none" once seen stays true.
 */
export async function assertNotUnderReview(db: Database, orderId: string): Promise<void> {
  const [row] = await db.select({ review: orders.reviewState }).from(orders).where(eq(orders.id, orderId));
  if (row?.review) {
    const result = reject('UNDER_REVIEW', 'This web-shop order is still under review; approve it before dispatching.');
    if (!result.ok) throw rejectionError(result.rejection);
  }
}
