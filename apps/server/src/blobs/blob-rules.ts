/** What the blob endpoint accepts (docs/proof-uploads.md, PU rules). */

/** At most this many bytes per blob: the same limit as a BlobRef in an action. */
export const maxBlobBytes = 8_000_000;

export const blobTypes = ['image/jpeg', 'image/png'] as const;
export type BlobType = (typeof blobTypes)[number];

/** The bytes each accepted type starts with. */
const magic: Record<BlobType, Buffer> = {
  'image/jpeg': Buffer.from([0xff, 0xd8, 0xff]),
  'image/png': Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
};

/** Bytes needed to tell whether an upload starts like its declared type. */
export const magicLength = 8;

export function isBlobName(name: string): boolean {
  return /^[0-9a-f]{64}$/.test(name);
}

export function asBlobType(value: string | undefined): BlobType | null {
  return blobTypes.find((t) => t === value) ?? null;
}

/** True when `head` (the first bytes held) can be the start of a `type` file. */
export function startsLike(type: BlobType, head: Buffer): boolean {
  const expected = magic[type];
  const n = Math.min(expected.length, head.length);
  return head.subarray(0, n).equals(expected.subarray(0, n));
}

/** True when `head` holds the whole signature of `type`. */
export function isWholeSignature(type: BlobType, head: Buffer): boolean {
  return head.length >= magic[type].length && startsLike(type, head);
}

/** A non-negative byte count as sent in a header (digits only, no sign, no spaces). */
export function byteCount(value: string | string[] | undefined): number | null {
  if (typeof value !== 'string' || !/^\d{1,10}$/.test(value)) return null;
  return Number(value);
}
