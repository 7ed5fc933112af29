import { retryDelayMs } from '@repo/sync/client';
import { db, refusedPrefix, type ProofBlob } from '../local-db/store-db.js';
import { askServer, sendChunk } from './blob-endpoint.js';
import { serial } from '../sync/serial.js';

/** Small enough that a cut on a weak 4G link loses little; large enough that a 3 MB photo is 12 requests. */
export const chunkBytes = 256 * 1024;
/**
 * How long a photo's bytes stay on the device after the server has them: long enough to show it
 * again during the day, short enough that a busy phone does not fill up. The row (and its
 * "on the server" state) stays; only the bytes go.
 */
export const keepStoredBytesMs = 24 * 3_600_000;

type Outcome = 'stored' | 'failed' | 'refused' | 'signed_out';

export interface ProofUploader {
  /** Starts a pass over waiting blobs now (or right after the pass under way). */
  kick(): void;
  stop(): void;
}

/**
 * Sends the device's proof photos and signatures to the server, apart from the action queue:
 * a slow photo never holds up an action, and an action never waits for its photo. Runs in the
 * sync leader tab only; every tab sees progress through `db.blobs` (docs/proof-uploads.md).
 */
export function createProofUploader(getToken: () => string | null): ProofUploader {
  let stopped = false;
  let attempt = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  const pass = serial(async () => {
    clearTimeout(retryTimer);
    await dropStoredBytes(new Date());
    const due = (await db.blobs.where('state').anyOf('waiting', 'uploading').toArray())
      .filter((b) => !b.lastError?.startsWith(refusedPrefix))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    let failed = false;
    for (const blob of due) {
      if (stopped) return;
      const outcome = await upload(blob, { getToken, isStopped: () => stopped });
      // A lapsed session needs the person: the device bar already says so; nothing to retry alone.
      if (outcome === 'signed_out') return;
      if (outcome === 'failed') failed = true;
    }
    if (stopped || !failed) {
      attempt = 0;
      return;
    }
    attempt += 1;
    retryTimer = setTimeout(() => void pass(), retryDelayMs(attempt));
  });

  return {
    kick: () => void pass(),
    stop() {
      stopped = true;
      clearTimeout(retryTimer);
    },
  };
}

/** One blob: ask the server how far it got, then send the rest chunk by chunk. */
async function upload(blob: ProofBlob, { getToken, isStopped }: { getToken: () => string | null; isStopped: () => boolean }): Promise<Outcome> {
  const token = getToken();
  if (!token) return 'signed_out';
  const held = await askServer(blob.sha256, token);
  if (held.kind === 'signed_out') return 'signed_out';
  if (held.kind === 'unreachable') return failed(blob, held.detail);
  if (held.complete) return markStored(blob);
  let offset = held.offset;
  await db.blobs.update(blob.sha256, { state: 'uploading', uploadedBytes: offset });
  // Each round trip moves the offset forward or corrects it; a server that does neither is given up on.
  const maxRoundTrips = Math.ceil(blob.bytes / chunkBytes) * 3 + 6;
  for (let trip = 0; trip < maxRoundTrips; trip++) {
    // This tab lost the lead: the new leader asks the server afresh.
    if (isStopped()) return 'failed';
    const end = Math.min(offset + chunkBytes, blob.bytes);
    const answer = await sendChunk({ sha256: blob.sha256, type: blob.type, length: blob.bytes, offset, bytes: blob.data.slice(offset, end) }, token);
    switch (answer.kind) {
      case 'accepted':
        if (answer.complete) return markStored(blob);
        offset = answer.offset;
        await db.blobs.update(blob.sha256, { uploadedBytes: offset });
        break;
      case 'resume_from':
        // Busy: a request from a tab that just lost the lead is still running; give it a moment.
        if (answer.busy) await new Promise((r) => setTimeout(r, 1000));
        offset = answer.offset;
        break;
      case 'refused':
        await db.blobs.update(blob.sha256, { state: 'waiting', lastError: `${refusedPrefix}${answer.error}` });
        return 'refused';
      case 'signed_out':
        return 'signed_out';
      case 'unreachable':
        return failed(blob, answer.detail);
      default:
        return answer satisfies never;
    }
  }
  return failed(blob, 'NO_PROGRESS');
}

async function markStored(blob: ProofBlob): Promise<Outcome> {
  await db.blobs.update(blob.sha256, (row) => {
    Object.assign(row, { state: 'stored', uploadedBytes: blob.bytes, storedAt: new Date().toISOString() });
    delete (row as { lastError?: string }).lastError;
  });
  return 'stored';
}

/** Back to waiting, keeping the bytes the server acknowledged; the next pass asks HEAD anyway. */
async function failed(blob: ProofBlob, detail: string): Promise<Outcome> {
  await db.blobs.update(blob.sha256, { state: 'waiting', lastError: detail });
  return 'failed';
}

/** Frees the bytes of blobs the server has held for longer than `keepStoredBytesMs`. */
export async function dropStoredBytes(now: Date): Promise<number> {
  const before = new Date(now.getTime() - keepStoredBytesMs).toISOString();
  return db.blobs
    .where('state')
    .equals('stored')
    .filter((b) => !b.bytesDroppedAt && (b.storedAt ?? now.toISOString()) < before)
    .modify({ data: new Blob([]), bytesDroppedAt: now.toISOString() });
}
