import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdir, open, rename, stat, unlink, utimes } from 'node:fs/promises';
import path from 'node:path';
import type { AppendOutcome, BlobStore, CompleteOutcome, UploadKey } from './blob-store.js';

/** A lock older than this belongs to a process that died mid-append; the next request takes it. */
const staleLockMs = 60_000;
/** A live append refreshes its lock this often, so a slow connection never looks dead. */
const lockRefreshMs = 10_000;

/**
 * Blobs on local disk: `<root>/<aa>/<sha256>` once stored, `<root>/partial/<sha256>.<owner tag>`
 * while uploading. Appends to one upload are serialised by an exclusive lock file, which also
 * holds when several server processes share the directory.
 */
export class DiskBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  async offset(upload: UploadKey): Promise<number> {
    return sizeOf(this.partialPath(upload));
  }

  async append(upload: UploadKey, options: { at: number; body: AsyncIterable<Buffer>; maxBytes: number }): Promise<AppendOutcome> {
    const outcome = await this.locked(upload, () => this.appendLocked(upload, options));
    return outcome === 'busy' ? { kind: 'busy', offset: await this.offset(upload) } : outcome;
  }

  async head(upload: UploadKey, n: number): Promise<Buffer> {
    const handle = await open(this.partialPath(upload), 'r').catch(ifMissing(null));
    if (!handle) return Buffer.alloc(0);
    try {
      const buffer = Buffer.alloc(n);
      const { bytesRead } = await handle.read(buffer, 0, n, 0);
      return buffer.subarray(0, bytesRead);
    } finally {
      await handle.close();
    }
  }

  async complete(upload: UploadKey): Promise<CompleteOutcome> {
    return this.locked(upload, async () => {
      const partial = this.partialPath(upload);
      const digest = await sha256OfFile(partial).catch(ifMissing(null));
      // Another request completed it a moment ago: the bytes are in place already.
      if (digest === null) return (await sizeOf(this.storedPath(upload.sha256))) > 0 ? 'stored' : 'busy';
      if (digest !== upload.sha256) {
        await unlink(partial);
        return 'hash_mismatch';
      }
      const stored = this.storedPath(upload.sha256);
      await mkdir(path.dirname(stored), { recursive: true });
      await rename(partial, stored);
      return 'stored';
    });
  }

  async discard(upload: UploadKey): Promise<void> {
    await unlink(this.partialPath(upload)).catch(ifMissing(undefined));
  }

  async read(sha256: string) {
    const file = this.storedPath(sha256);
    const bytes = await sizeOf(file);
    return bytes > 0 ? { stream: createReadStream(file), bytes } : null;
  }

  private async appendLocked(upload: UploadKey, { at, body, maxBytes }: { at: number; body: AsyncIterable<Buffer>; maxBytes: number }): Promise<AppendOutcome> {
    const file = this.partialPath(upload);
    const held = await sizeOf(file);
    if (held !== at) return { kind: 'offset_mismatch', offset: held };
    await mkdir(path.dirname(file), { recursive: true });
    const handle = await open(file, 'a');
    let written = 0;
    let cut = false;
    let refreshedAt = Date.now();
    try {
      for await (const chunk of body) {
        if (written + chunk.length > maxBytes) {
          await handle.truncate(at);
          return { kind: 'too_long', offset: at };
        }
        await handle.write(chunk);
        written += chunk.length;
        if (Date.now() - refreshedAt > lockRefreshMs) {
          refreshedAt = Date.now();
          await utimes(this.lockPath(upload), new Date(), new Date()).catch(() => undefined);
        }
      }
    } catch {
      // The connection was cut: what reached the disk stays, and the device resumes from there.
      cut = true;
    } finally {
      await handle.close();
    }
    return { kind: 'appended', offset: at + written, cut };
  }

  /** Runs `fn` holding the upload's lock file, or answers 'busy' when another request holds it. */
  private async locked<T>(upload: UploadKey, fn: () => Promise<T>): Promise<T | 'busy'> {
    const lock = this.lockPath(upload);
    await mkdir(path.dirname(lock), { recursive: true });
    if (!(await takeLock(lock))) return 'busy';
    try {
      return await fn();
    } finally {
      await unlink(lock).catch(ifMissing(undefined));
    }
  }

  private partialPath({ sha256, owner }: UploadKey): string {
    // The owner is hashed so no store id can ever shape a path.
    const tag = createHash('sha256').update(owner).digest('hex').slice(0, 16);
    return path.join(this.root, 'partial', `${sha256}.${tag}`);
  }

  private lockPath(upload: UploadKey): string {
    return `${this.partialPath(upload)}.lock`;
  }

  private storedPath(sha256: string): string {
    return path.join(this.root, sha256.slice(0, 2), sha256);
  }
}

async function takeLock(lock: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await (await open(lock, 'wx')).close();
      return true;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const age = Date.now() - ((await stat(lock).catch(ifMissing(null)))?.mtimeMs ?? 0);
      if (age < staleLockMs) return false;
      await unlink(lock).catch(ifMissing(undefined));
    }
  }
  return false;
}

async function sizeOf(file: string): Promise<number> {
  return (await stat(file).catch(ifMissing(null)))?.size ?? 0;
}

async function sha256OfFile(file: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file)) hash.update(chunk as Buffer);
  return hash.digest('hex');
}

/** Turns "no such file" into `fallback`; any other error still throws. */
function ifMissing<T>(fallback: T): (error: unknown) => T {
  return (error) => {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return fallback;
    throw error;
  };
}

