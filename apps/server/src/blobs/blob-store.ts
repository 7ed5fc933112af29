import type { Readable } from 'node:stream';

/**
 * An upload in progress: one per blob and uploading store, so one store can neither see nor
 * disturb another's partial bytes, even for the same content.
 */
export interface UploadKey {
  readonly sha256: string;
  readonly owner: string;
}

export type AppendOutcome =
  /** The body was written (all of it, or up to where the connection was cut). */
  | { readonly kind: 'appended'; readonly offset: number; readonly cut: boolean }
  /** The upload holds a different number of bytes than `at`: nothing was written. */
  | { readonly kind: 'offset_mismatch'; readonly offset: number }
  /** Another request is appending to the same upload right now: nothing was written. */
  | { readonly kind: 'busy'; readonly offset: number }
  /** The body ran past `maxBytes`: nothing of it was kept. */
  | { readonly kind: 'too_long'; readonly offset: number };

/** 'busy': another request holds this upload, or finished it a moment ago and it is gone. */
export type CompleteOutcome = 'stored' | 'hash_mismatch' | 'busy';

/**
 * Where proof bytes live. Disk by default (`DiskBlobStore`); kept this small so an S3-compatible
 * store (multipart upload parts for `append`, a copy for `complete`) can stand in later.
 */
export interface BlobStore {
  /** Bytes held of an upload in progress; 0 when there is none. */
  offset(upload: UploadKey): Promise<number>;
  /**
   * Appends `body` when the upload holds exactly `at` bytes, refusing more than `maxBytes`.
   * A body cut short keeps what arrived, so the next request resumes from there.
   */
  append(upload: UploadKey, options: { at: number; body: AsyncIterable<Buffer>; maxBytes: number }): Promise<AppendOutcome>;
  /** The first `n` bytes held of an upload in progress (to check the image's magic bytes). */
  head(upload: UploadKey, n: number): Promise<Buffer>;
  /**
   * Moves a whole upload into place under its name once its SHA-256 equals the name; on a
   * mismatch the bytes are dropped. Storing the same content twice is harmless.
   */
  complete(upload: UploadKey): Promise<CompleteOutcome>;
  /** Drops an upload in progress (bad bytes, or a blob already stored). */
  discard(upload: UploadKey): Promise<void>;
  /** A stored blob's bytes, or null when it is not there. */
  read(sha256: string): Promise<{ readonly stream: Readable; readonly bytes: number } | null>;
}
