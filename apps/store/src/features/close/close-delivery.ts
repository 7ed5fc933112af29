import type { Actor, DoorPosition, OrderIn, ProofPolicy, Result } from '@repo/domain';
import { proofPolicyOf } from '@repo/domain';
import type { OutboxEntry } from '../../local-db/store-db.js';
import { serverNow } from '../../sync/device-clock.js';
import { blobRefOf } from './proof-bytes.js';
import { queueWithProof, type ProofFile } from './queue-with-proof.js';

/** What the clerk gathered at the door. */
export interface DoorProof {
  readonly code?: string;
  readonly photo?: Blob;
  readonly signature?: Blob;
  readonly position: DoorPosition;
  readonly collectedFen?: number;
}

export type MissingProof = 'code' | 'photo' | 'signature' | 'cash';

/** What the order's policy still asks for, so the screen can say it before anything is queued. */
export function missingProof(order: OrderIn<'out_for_delivery'>, proof: Omit<DoorProof, 'position'> & { codeMatched: boolean }): MissingProof[] {
  const policy: ProofPolicy = proofPolicyOf(order);
  const missing: MissingProof[] = [];
  if (policy.code && order.deliveryCode && !proof.codeMatched) missing.push('code');
  if (policy.photo && !proof.photo) missing.push('photo');
  if (policy.signature && !proof.signature) missing.push('signature');
  if (order.payment?.method === 'on_delivery' && proof.collectedFen === undefined) missing.push('cash');
  return missing;
}

/**
 * Queues ONE `delivery.close` with the photo and signature stored beside it, bound to its
 * mutation id. The lifecycle checks the code and the policy again before anything is written.
 */
export async function closeDelivery(options: {
  order: OrderIn<'out_for_delivery'>;
  actor: Extract<Actor, { storeId: string }>;
  proof: DoorProof;
  at?: Date;
}): Promise<Result<OutboxEntry>> {
  const { order, actor, proof } = options;
  const files: ProofFile[] = [];
  if (proof.photo) files.push({ kind: 'door_photo', data: proof.photo, ref: await blobRefOf(proof.photo) });
  if (proof.signature) files.push({ kind: 'signature', data: proof.signature, ref: await blobRefOf(proof.signature) });
  const refOf = (kind: ProofFile['kind']) => files.find((f) => f.kind === kind)?.ref;
  const photo = refOf('door_photo');
  const signature = refOf('signature');
  const args = {
    orderId: order.id,
    // The server's clock as this phone estimates it: the undo window is judged against it (OL19).
    at: (options.at ?? serverNow()).toISOString(),
    position: proof.position,
    ...(proof.code !== undefined ? { code: proof.code } : {}),
    ...(photo ? { photo } : {}),
    ...(signature ? { signature } : {}),
    ...(proof.collectedFen !== undefined ? { collectedFen: proof.collectedFen } : {}),
  };
  return queueWithProof({ name: 'delivery.close', version: 1, args }, actor, files);
}
