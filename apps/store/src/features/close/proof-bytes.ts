import type { BlobRef } from '@repo/domain';

/**
 * The reference an action carries for a photo or signature: the SHA-256 of exactly the bytes
 * stored on the device (after any downscale), so the server can check what arrives against it.
 */
export async function blobRefOf(data: Blob): Promise<BlobRef> {
  const type = data.type;
  if (type !== 'image/jpeg' && type !== 'image/png') throw new Error(`A proof is a JPEG or PNG, not ${type || 'untyped'}.`);
  const digest = await crypto.subtle.digest('SHA-256', await data.arrayBuffer());
  return { sha256: toHex(new Uint8Array(digest)), type, bytes: data.size };
}

function toHex(bytes: Uint8Array): string {
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
