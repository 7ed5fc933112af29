import { eq } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from '@repo/domain';
import { actorOf, findSessionUser } from '../auth/sessions.js';
import type { Database } from '../db/database.js';
import { proofBlobs } from '../db/schema.js';
import type { BlobStore, UploadKey } from './blob-store.js';
import { asBlobType, byteCount, isBlobName, isWholeSignature, magicLength, maxBlobBytes, startsLike, type BlobType } from './blob-rules.js';

export interface BlobRoutesOptions {
  readonly db: Database;
  readonly blobs: BlobStore;
  readonly now: () => Date;
}

type StoredRow = typeof proofBlobs.$inferSelect;
type Params = { sha256: string };

/**
 * Proof photos and signatures over plain HTTP beside tRPC: HEAD asks how much the server holds,
 * PATCH appends a chunk at an offset, GET reads a stored blob (protocol: docs/proof-uploads.md).
 */
export async function blobRoutes(app: FastifyInstance, options: BlobRoutesOptions): Promise<void> {
  await app.register(async (scope) => {
    // The body is streamed to the store as it arrives, whatever its type; the handler checks it.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));
    scope.setErrorHandler((error, request, reply) => {
      const status = (error as { statusCode?: number }).statusCode;
      if (status && status >= 400 && status < 500) return refuse(reply, status, 'BAD_REQUEST', 'The request could not be read.');
      request.log.error(error, 'blob request failed');
      return refuse(reply, 500, 'SERVER_ERROR', 'The server could not handle this upload; try again.');
    });

    scope.head<{ Params: Params }>('/blobs/:sha256', (request, reply) => headBlob(options, request, reply));
    scope.patch<{ Params: Params }>('/blobs/:sha256', (request, reply) => patchBlob(options, request, reply));
    scope.get<{ Params: Params }>('/blobs/:sha256', { exposeHeadRoute: false }, (request, reply) => getBlob(options, request, reply));
  });
}

async function headBlob(options: BlobRoutesOptions, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
  const actor = await signedIn(options, request, reply);
  if (!actor) return reply;
  const sha256 = request.params.sha256;
  if (!isBlobName(sha256)) return reply.code(400).send();
  const row = await storedRow(options.db, sha256);
  if (row && mayRead(actor, row)) return reply.code(200).headers(uploadHeaders(row.bytes, true)).send();
  const held = actor.role === 'hq' ? 0 : await options.blobs.offset({ sha256, owner: actor.storeId });
  if (held > 0) return reply.code(200).headers(uploadHeaders(held, false)).send();
  return reply.code(404).send();
}

async function patchBlob(options: BlobRoutesOptions, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
  reply.header('cache-control', 'no-store');
  const actor = await signedIn(options, request, reply);
  if (!actor) return reply;
  if (actor.role === 'hq') return refuse(reply, 403, 'STORE_ONLY', 'Only a store device uploads proof.');
  const sha256 = request.params.sha256;
  if (!isBlobName(sha256)) return refuse(reply, 400, 'BAD_NAME', 'A blob is named by its SHA-256: 64 lowercase hex characters.');
  const chunk = readChunkHeaders(request);
  if ('refusal' in chunk) return refuse(reply, chunk.refusal.status, chunk.refusal.error, chunk.refusal.message);

  // Already stored by this store: done at once. Asked only at offset 0: a stored blob has no partial,
  // so a later chunk gets 409 with offset 0 and lands here (one lookup less per chunk). Another
  // store's copy is never revealed: its upload runs as if nothing were there and ends "complete"
  // once its bytes prove the same content.
  const row = chunk.offset === 0 ? await storedRow(options.db, sha256) : undefined;
  if (row && row.storeId === actor.storeId) return reply.code(204).headers(uploadHeaders(row.bytes, true)).send();

  const upload: UploadKey = { sha256, owner: actor.storeId };
  const body = request.body as AsyncIterable<Buffer>;
  const appended = await options.blobs.append(upload, { at: chunk.offset, body, maxBytes: chunk.length - chunk.offset });
  if (appended.kind === 'offset_mismatch' || appended.kind === 'busy') {
    const message = appended.kind === 'busy' ? 'This blob is being uploaded by another request.' : 'The server holds a different number of bytes; resume from Upload-Offset.';
    return refuse(reply.headers(uploadHeaders(appended.offset, false)), 409, appended.kind === 'busy' ? 'UPLOAD_BUSY' : 'OFFSET_MISMATCH', message);
  }
  if (appended.kind === 'too_long') return refuse(reply, 400, 'CHUNK_TOO_LONG', 'The chunk runs past Upload-Length.');
  if (appended.cut) return refuse(reply.headers(uploadHeaders(appended.offset, false)), 400, 'BODY_CUT', 'The chunk arrived incomplete; resume from Upload-Offset.');

  const head = chunk.offset < magicLength ? await options.blobs.head(upload, magicLength) : null;
  if (head && !startsLike(chunk.type, head)) return refuseBadBytes(options, upload, reply);
  if (appended.offset < chunk.length) return reply.code(204).headers(uploadHeaders(appended.offset, false)).send();
  return finishUpload({ options, upload, chunk, actor, reply });
}

async function finishUpload(input: {
  options: BlobRoutesOptions; upload: UploadKey; chunk: ChunkHeaders; actor: StoreActor; reply: FastifyReply;
}) {
  const { options, upload, chunk, actor, reply } = input;
  if (!isWholeSignature(chunk.type, await options.blobs.head(upload, magicLength))) return refuseBadBytes(options, upload, reply);
  const outcome = await options.blobs.complete(upload);
  if (outcome === 'hash_mismatch') return refuse(reply, 422, 'HASH_MISMATCH', 'The bytes do not match their SHA-256; nothing was stored.');
  if (outcome === 'busy') return refuse(reply.headers(uploadHeaders(0, false)), 409, 'UPLOAD_BUSY', 'This blob is being uploaded by another request.');
  await options.db
    .insert(proofBlobs)
    .values({ sha256: upload.sha256, storeId: actor.storeId, contentType: chunk.type, bytes: chunk.length, uploadedBy: actor.userId, storedAt: options.now() })
    .onConflictDoNothing();
  return reply.code(204).headers(uploadHeaders(chunk.length, true)).send();
}

async function getBlob(options: BlobRoutesOptions, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
  const actor = await signedIn(options, request, reply);
  if (!actor) return reply;
  const sha256 = request.params.sha256;
  if (!isBlobName(sha256)) return refuse(reply, 400, 'BAD_NAME', 'A blob is named by its SHA-256: 64 lowercase hex characters.');
  const row = await storedRow(options.db, sha256);
  // Security: another store's blob answers exactly like a blob that does not exist.
  const found = row && mayRead(actor, row) ? await options.blobs.read(sha256) : null;
  if (!row || !found) return refuse(reply.header('cache-control', 'no-store'), 404, 'NOT_FOUND', 'No such blob.');
  return reply
    .code(200)
    .headers({
      'content-type': row.contentType,
      'content-length': String(found.bytes),
      'x-content-type-options': 'nosniff',
      'content-security-policy': "default-src 'none'; sandbox",
      'cache-control': 'private, max-age=31536000, immutable',
    })
    .send(found.stream);
}

type StoreActor = Extract<Actor, { storeId: string }>;
/** Who may call the blob endpoint: head office or a store's people. */
type Person = Extract<Actor, { role: 'hq' }> | StoreActor;

interface ChunkHeaders {
  readonly offset: number;
  readonly length: number;
  readonly type: BlobType;
}

interface Refusal {
  readonly status: number;
  readonly error: string;
  readonly message: string;
}

/** Reads and checks a PATCH's headers before a byte of its body is touched. */
function readChunkHeaders(request: FastifyRequest): ChunkHeaders | { refusal: Refusal } {
  const h = request.headers;
  const no = (status: number, error: string, message: string) => ({ refusal: { status, error, message } });
  if (h['content-type'] !== 'application/offset+octet-stream') return no(415, 'BAD_CONTENT_TYPE', 'Send the chunk as application/offset+octet-stream.');
  const type = asBlobType(typeof h['blob-type'] === 'string' ? h['blob-type'] : undefined);
  if (!type) return no(415, 'BAD_BLOB_TYPE', 'Blob-Type must be image/jpeg or image/png.');
  const offset = byteCount(h['upload-offset']);
  const length = byteCount(h['upload-length']);
  if (offset === null || length === null) return no(400, 'BAD_OFFSET', 'Upload-Offset and Upload-Length must be whole numbers of bytes.');
  if (length > maxBlobBytes) return no(413, 'TOO_BIG', `A proof photo or signature may be at most ${maxBlobBytes} bytes.`);
  if (length === 0) return no(400, 'EMPTY', 'An empty file is not a photo.');
  const size = byteCount(h['content-length']);
  if (size === null) return no(411, 'LENGTH_REQUIRED', 'Send Content-Length with each chunk.');
  if (offset + size > length) return no(400, 'CHUNK_TOO_LONG', 'The chunk runs past Upload-Length.');
  return { offset, length, type };
}

/** Bytes that are not the image they claim to be are dropped, never kept for a resume. */
async function refuseBadBytes(options: BlobRoutesOptions, upload: UploadKey, reply: FastifyReply) {
  await options.blobs.discard(upload);
  return refuse(reply, 415, 'NOT_AN_IMAGE', 'The file is not a JPEG or PNG image; nothing was stored.');
}

/** The signed-in actor, or null after answering 401. The token is read from the header only, never the URL. */
async function signedIn(options: BlobRoutesOptions, request: FastifyRequest, reply: FastifyReply): Promise<Person | null> {
  const token = request.headers.authorization?.match(/^Bearer ([A-Za-z0-9_-]{1,200})$/)?.[1];
  const user = token ? await findSessionUser(options.db, token, options.now()) : null;
  const actor = user && (actorOf(user) as Person | null);
  if (!actor) {
    if (request.method === 'HEAD') reply.code(401).send();
    else refuse(reply, 401, 'UNAUTHORIZED', 'Please sign in again.');
  }
  return actor;
}

function mayRead(actor: Person, row: StoredRow): boolean {
  return actor.role === 'hq' || actor.storeId === row.storeId;
}

async function storedRow(db: Database, sha256: string): Promise<StoredRow | undefined> {
  const [row] = await db.select().from(proofBlobs).where(eq(proofBlobs.sha256, sha256)).limit(1);
  return row;
}

function uploadHeaders(offset: number, complete: boolean): Record<string, string> {
  return { 'upload-offset': String(offset), 'upload-complete': complete ? '?1' : '?0' };
}

function refuse(reply: FastifyReply, status: number, error: string, message: string) {
  return reply.code(status).header('content-type', 'application/json; charset=utf-8').send({ error, message });
}
