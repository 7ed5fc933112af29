import { and, asc, eq, inArray } from 'drizzle-orm';
import { blobRefSchema, type BlobRef } from '@repo/domain';
import type { Database } from '../db/database.js';
import { orderEvents, proofBlobs } from '../db/schema.js';

export type ProofKind = 'signature' | 'door_photo' | 'failure_photo';

/** A photo or signature an order's history refers to, and whether its bytes reached the server. */
export interface OrderProofBlob extends BlobRef {
  readonly kind: ProofKind;
  /** When the action that refers to it was applied. */
  readonly referencedAt: string;
  /** Null while the photo is still on the device. */
  readonly storedAt: string | null;
}

/**
 * Every blob the order's closes and failed deliveries referred to (an undone close keeps its
 * photo in the history), each with whether the server holds it: head office shows "photo still on
 * the device" until it does, because the server accepts a close before its photo arrives.
 */
export async function orderProofBlobs(db: Database, orderId: string): Promise<OrderProofBlob[]> {
  const events = await db
    .select({ type: orderEvents.type, payload: orderEvents.payload, at: orderEvents.at })
    .from(orderEvents)
    .where(and(eq(orderEvents.orderId, orderId), inArray(orderEvents.type, ['deliver', 'fail_delivery'])))
    .orderBy(asc(orderEvents.id));
  const refs = events.flatMap((e) => refsOf(e.type, e.payload as Record<string, unknown>).map((r) => ({ ...r, referencedAt: e.at.toISOString() })));
  if (refs.length === 0) return [];
  const stored = await db
    .select({ sha256: proofBlobs.sha256, storedAt: proofBlobs.storedAt })
    .from(proofBlobs)
    .where(inArray(proofBlobs.sha256, refs.map((r) => r.sha256)));
  const storedAt = new Map(stored.map((s) => [s.sha256, s.storedAt.toISOString()]));
  return refs.map((r) => ({ ...r, storedAt: storedAt.get(r.sha256) ?? null }));
}

function refsOf(type: string, payload: Record<string, unknown>): Array<BlobRef & { kind: ProofKind }> {
  const candidates: Array<[ProofKind, unknown]> =
    type === 'deliver' ? [['signature', payload.signature], ['door_photo', payload.photo]] : [['failure_photo', payload.photo]];
  return candidates.flatMap(([kind, value]) => {
    const ref = blobRefSchema.safeParse(value);
    return ref.success ? [{ ...ref.data, kind }] : [];
  });
}
