/** The device's side of the blob protocol (docs/proof-uploads.md): ask how far, send a chunk. */

export type ServerHolds =
  | { readonly kind: 'holds'; readonly offset: number; readonly complete: boolean }
  | { readonly kind: 'signed_out' }
  | { readonly kind: 'unreachable'; readonly detail: string };

export type ChunkAnswer =
  | { readonly kind: 'accepted'; readonly offset: number; readonly complete: boolean }
  /** The server holds a different number of bytes (or another request is busy): resume from `offset`. */
  | { readonly kind: 'resume_from'; readonly offset: number; readonly busy: boolean }
  /** The server refused the bytes themselves (too big, not an image, wrong hash): retrying cannot help. */
  | { readonly kind: 'refused'; readonly error: string }
  | { readonly kind: 'signed_out' }
  | { readonly kind: 'unreachable'; readonly detail: string };

export interface Chunk {
  readonly sha256: string;
  readonly type: string;
  readonly length: number;
  readonly offset: number;
  readonly bytes: Blob;
}

const chunkTimeoutMs = 60_000;

/** HEAD: how many bytes of this blob the server holds for this store (0 when none). */
export async function askServer(sha256: string, token: string): Promise<ServerHolds> {
  try {
    const res = await fetch(`/blobs/${sha256}`, { method: 'HEAD', headers: { authorization: `Bearer ${token}` }, signal: AbortSignal.timeout(chunkTimeoutMs) });
    if (res.status === 404) return { kind: 'holds', offset: 0, complete: false };
    if (res.status === 401) return { kind: 'signed_out' };
    if (res.status !== 200) return { kind: 'unreachable', detail: `HEAD ${res.status}` };
    return { kind: 'holds', offset: offsetOf(res), complete: res.headers.get('upload-complete') === '?1' };
  } catch (error) {
    return { kind: 'unreachable', detail: String((error as Error)?.name ?? error) };
  }
}

/** PATCH: appends one chunk at its offset. */
export async function sendChunk(chunk: Chunk, token: string): Promise<ChunkAnswer> {
  try {
    const res = await fetch(`/blobs/${chunk.sha256}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${token}`,
        'content-type': 'application/offset+octet-stream',
        'upload-offset': String(chunk.offset),
        'upload-length': String(chunk.length),
        'blob-type': chunk.type,
      },
      body: chunk.bytes,
      signal: AbortSignal.timeout(chunkTimeoutMs),
    });
    if (res.status === 204) return { kind: 'accepted', offset: offsetOf(res), complete: res.headers.get('upload-complete') === '?1' };
    if (res.status === 401) return { kind: 'signed_out' };
    const error = await errorOf(res);
    if (res.status === 409) return { kind: 'resume_from', offset: offsetOf(res), busy: error === 'UPLOAD_BUSY' };
    if (res.status === 400 && error === 'BODY_CUT') return { kind: 'unreachable', detail: error };
    if (res.status >= 400 && res.status < 500 && res.status !== 408 && res.status !== 429) return { kind: 'refused', error };
    return { kind: 'unreachable', detail: `PATCH ${res.status}` };
  } catch (error) {
    return { kind: 'unreachable', detail: String((error as Error)?.name ?? error) };
  }
}

function offsetOf(res: Response): number {
  const value = Number(res.headers.get('upload-offset'));
  return Number.isSafeInteger(value) && value >= 0 ? value : 0;
}

async function errorOf(res: Response): Promise<string> {
  try {
    const body = (await res.json()) as { error?: unknown };
    return typeof body.error === 'string' ? body.error : `HTTP_${res.status}`;
  } catch {
    return `HTTP_${res.status}`;
  }
}
