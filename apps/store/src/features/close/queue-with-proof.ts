import type { Actor, BlobRef, Result } from '@repo/domain';
import { db, type OutboxEntry, type ProofBlob } from '../../local-db/store-db.js';
import { queueAction, type QueueAction } from '../../sync/queue-action.js';

/** A photo or signature ready to go with an action: its bytes and the reference the action carries. */
export interface ProofFile {
  readonly kind: ProofBlob['kind'];
  readonly data: Blob;
  readonly ref: BlobRef;
}

/**
 * Queues an action together with the photos and signatures it references, in ONE durable
 * transaction: each is stored bound to this action's mutation id, or nothing is stored at all.
 */
export function queueWithProof(
  action: QueueAction,
  actor: Extract<Actor, { storeId: string }>,
  proofs: readonly ProofFile[],
): Promise<Result<OutboxEntry>> {
  if (proofs.length === 0) return queueAction(action, actor);
  return queueAction(action, actor, {
    alsoWrites: [db.blobs],
    attach: async (entry, deviceClientId) => {
      const createdAt = entry.createdAt;
      // The sync client that sends this action (the person's own on a shared handheld).
      const clientId = entry.clientId ?? deviceClientId;
      // Bytes are addressed by their hash: the same photo attached again (a close after an undo)
      // is rebound to the new action, keeping "on the server" if it already got there.
      const already = await db.blobs.bulkGet(proofs.map((p) => p.ref.sha256));
      await db.blobs.bulkPut(proofs.map((proof, i): ProofBlob => {
        const stored = already[i]?.state === 'stored' ? already[i] : undefined;
        return {
          ...proof.ref, data: proof.data, kind: proof.kind, orderId: entry.orderId, clientId, mutationId: entry.id, createdAt,
          state: stored ? 'stored' : 'waiting', uploadedBytes: stored ? proof.ref.bytes : 0,
          ...(stored?.storedAt ? { storedAt: stored.storedAt } : {}),
        };
      }));
    },
  });
}
