import { beforeEach, expect, test } from 'vitest';
import { db } from '../../local-db/store-db.js';
import { applyPull } from '../../sync/apply-pull.js';
import { clerk, DELIVERY_CODE, outForDelivery } from '../../test/delivery-order.js';
import { checkDeliveryCode } from './check-delivery-code.js';
import { closeDelivery } from './close-delivery.js';
import { failDelivery, undoClose } from './fail-delivery.js';
import { blobRefOf } from './proof-bytes.js';
import { queueWithProof } from './queue-with-proof.js';

const order = outForDelivery('o-1');
const jpeg = (seed: number) => new Blob([new Uint8Array(5_000).map((_, i) => (i * seed) % 251)], { type: 'image/jpeg' });
const png = new Blob([new Uint8Array(900).fill(7)], { type: 'image/png' });
const here = { lat: 31.19, lng: 121.43, accuracyM: 12 };

beforeEach(async () => {
  await Promise.all(db.tables.map((t) => t.clear()));
  await applyPull('store-a', { cursor: 1, reset: true, puts: [order, outForDelivery('o-2')], deletes: [], lastMutationId: 0 });
});

test('[DL9] a close queues ONE action and stores its photo and signature bound to that action id, in the same transaction', async () => {
  const photo = jpeg(3);
  const result = await closeDelivery({ order, actor: clerk, proof: { code: DELIVERY_CODE, photo, signature: png, position: here, collectedFen: 500 } });
  expect(result.ok).toBe(true);
  const [entry, ...others] = await db.outbox.toArray();
  expect(others).toEqual([]);
  const photoRef = await blobRefOf(photo);
  const signatureRef = await blobRefOf(png);
  expect(entry).toMatchObject({ name: 'delivery.close', orderId: 'o-1', args: { code: DELIVERY_CODE, photo: photoRef, signature: signatureRef, position: here, collectedFen: 500 } });
  expect(entry!.clientId).toMatch(/^[0-9a-f-]{36}$/);
  const blobs = await db.blobs.orderBy('sha256').toArray();
  expect(blobs).toHaveLength(2);
  for (const blob of blobs) {
    expect(blob).toMatchObject({ mutationId: entry!.id, clientId: entry!.clientId, orderId: 'o-1', state: 'waiting', uploadedBytes: 0 });
    // What is stored is exactly what the reference names.
    expect(await blobRefOf(blob.data)).toEqual({ sha256: blob.sha256, type: blob.type, bytes: blob.bytes });
  }
  expect(blobs.find((b) => b.kind === 'door_photo')?.sha256).toBe(photoRef.sha256);
  expect(blobs.find((b) => b.kind === 'signature')?.sha256).toBe(signatureRef.sha256);
  expect((await db.orders.get('o-1'))?.status).toBe('delivered');
});

test('[DL9] a close the lifecycle refuses (wrong code) stores no photo and queues nothing', async () => {
  const result = await closeDelivery({ order, actor: clerk, proof: { code: '000000', photo: jpeg(5), position: here, collectedFen: 500 } });
  expect(result).toMatchObject({ ok: false, rejection: { reason: 'DELIVERY_CODE_WRONG' } });
  expect(await db.blobs.count()).toBe(0);
  expect(await db.outbox.count()).toBe(0);
  expect((await db.orders.get('o-1'))?.status).toBe('out_for_delivery');
});

test('[DL9] when the photo cannot be stored, the action is not queued either', async () => {
  const photo = jpeg(7);
  const ref = await blobRefOf(photo);
  // A row without its key makes IndexedDB refuse the put inside the transaction.
  const broken = { kind: 'door_photo' as const, data: photo, ref: { ...ref, sha256: undefined as unknown as string } };
  const args = { orderId: 'o-1', at: new Date().toISOString(), code: DELIVERY_CODE, photo: ref, position: here, collectedFen: 500 };
  await expect(queueWithProof({ name: 'delivery.close', version: 1, args }, clerk, [broken])).rejects.toThrow();
  expect(await db.outbox.count()).toBe(0);
  expect(await db.blobs.count()).toBe(0);
  expect((await db.orders.get('o-1'))?.status).toBe('out_for_delivery');
  expect(await db.meta.get('client')).toBeUndefined();
});

test('[DL7] after an undo, the same photo on the new close is bound to the new action', async () => {
  const photo = jpeg(11);
  const first = await closeDelivery({ order, actor: clerk, proof: { code: DELIVERY_CODE, photo, position: here, collectedFen: 500 } });
  expect((await undoClose('o-1', clerk)).ok).toBe(true);
  const reopened = await db.orders.get('o-1');
  expect(reopened?.status).toBe('out_for_delivery');
  const second = await closeDelivery({ order: reopened as typeof order, actor: clerk, proof: { code: DELIVERY_CODE, photo, position: here, collectedFen: 500 } });
  expect(first.ok && second.ok).toBe(true);
  const ids = (await db.outbox.toArray()).map((e) => e.name);
  expect(ids).toEqual(['delivery.close', 'delivery.undo_close', 'delivery.close']);
  const [blob] = await db.blobs.toArray();
  expect(blob?.mutationId).toBe(second.ok ? second.value.id : -1);
});

test('[DL8] a failed delivery with a photo reason stores the photo bound to the delivery.fail action', async () => {
  const photo = jpeg(13);
  const refused = await failDelivery({ orderId: 'o-2', actor: clerk, reason: 'goods_damaged' });
  expect(refused).toMatchObject({ ok: false, rejection: { reason: 'PROOF_MISSING' } });
  const result = await failDelivery({ orderId: 'o-2', actor: clerk, reason: 'goods_damaged', note: '  外箱压坏  ', photo });
  expect(result.ok).toBe(true);
  const [entry] = await db.outbox.toArray();
  expect(entry).toMatchObject({ name: 'delivery.fail', args: { orderId: 'o-2', reason: 'goods_damaged', note: '外箱压坏', photo: await blobRefOf(photo) } });
  expect(await db.blobs.toArray()).toMatchObject([{ kind: 'failure_photo', mutationId: entry!.id, orderId: 'o-2', state: 'waiting' }]);
  expect((await db.orders.get('o-2'))?.status).toBe('returned_to_store');
});

test('[DL5] wrong codes are counted in IndexedDB: the fifth pauses the entry, even for the right code', async () => {
  const now = new Date();
  expect(await checkDeliveryCode(order, '12345', now)).toEqual({ outcome: 'malformed' });
  for (let left = 4; left >= 1; left--) expect(await checkDeliveryCode(order, '111111', now)).toEqual({ outcome: 'wrong', triesLeft: left });
  const paused = await checkDeliveryCode(order, '111111', now);
  expect(paused).toMatchObject({ outcome: 'paused' });
  expect(await db.codeAttempts.get('o-1')).toMatchObject({ failures: 5 });
  expect(await checkDeliveryCode(order, DELIVERY_CODE, now)).toMatchObject({ outcome: 'paused' });
  expect(await checkDeliveryCode(order, DELIVERY_CODE, new Date(now.getTime() + 5 * 60_000))).toEqual({ outcome: 'matched' });
  expect(await db.codeAttempts.get('o-1')).toBeUndefined();
});
