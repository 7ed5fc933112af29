import { createHash } from 'node:crypto';
import { expect, test } from 'vitest';
import { blobRefOf } from './proof-bytes.js';

test('[DL9] a proof is referenced by the SHA-256 of its stored bytes, its type and its size', async () => {
  const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
  const ref = await blobRefOf(new Blob([bytes], { type: 'image/jpeg' }));
  expect(ref).toEqual({ sha256: createHash('sha256').update(bytes).digest('hex'), type: 'image/jpeg', bytes: 70_000 });
  // The well-known digest of "abc", so the hex encoding itself is checked too.
  expect((await blobRefOf(new Blob(['abc'], { type: 'image/png' }))).sha256).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
});

test('[DL9] only a JPEG or PNG can be a proof', async () => {
  await expect(blobRefOf(new Blob(['x'], { type: 'image/gif' }))).rejects.toThrow(/JPEG or PNG/);
});
