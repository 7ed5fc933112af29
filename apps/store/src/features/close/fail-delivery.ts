import { failureReasonsNeedingPhoto, type Actor, type DeliveryFailureReason, type Result } from '@repo/domain';
import type { OutboxEntry } from '../../local-db/store-db.js';
import { serverNow } from '../../sync/device-clock.js';
import { queueAction } from '../../sync/queue-action.js';
import { blobRefOf } from './proof-bytes.js';
import { queueWithProof } from './queue-with-proof.js';

/** Whether the clerk must take a photo for this reason (a claim against the platform needs one). */
export function reasonNeedsPhoto(reason: DeliveryFailureReason): boolean {
  return failureReasonsNeedingPhoto.includes(reason);
}

/** Queues `delivery.fail`; the photo, when there is one, is stored bound to that action. */
export async function failDelivery(options: {
  orderId: string;
  actor: Extract<Actor, { storeId: string }>;
  reason: DeliveryFailureReason;
  note?: string;
  photo?: Blob;
}): Promise<Result<OutboxEntry>> {
  const { orderId, actor, reason, photo } = options;
  const note = options.note?.trim();
  const base = { orderId, reason, ...(note ? { note } : {}) };
  if (!photo) return queueAction({ name: 'delivery.fail', version: 1, args: base }, actor);
  const ref = await blobRefOf(photo);
  return queueWithProof({ name: 'delivery.fail', version: 1, args: { ...base, photo: ref } }, actor, [{ kind: 'failure_photo', data: photo, ref }]);
}

/** Queues `delivery.undo_close`, judged on the time of this tap (OL19). */
export function undoClose(orderId: string, actor: Extract<Actor, { storeId: string }>, at = serverNow()): Promise<Result<OutboxEntry>> {
  return queueAction({ name: 'delivery.undo_close', version: 1, args: { orderId, at: at.toISOString() } }, actor);
}
