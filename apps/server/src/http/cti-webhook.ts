import type { FastifyInstance, FastifyReply } from 'fastify';
import { incomingCallInput } from '@repo/domain';
import { agentPokeTopic, recordIncomingCall } from '../cti/cti-calls.js';
import type { Database } from '../db/database.js';
import type { StorePokes } from '../store-pokes.js';
import { verifyCtiSignature } from './cti-signature.js';

/** A call announcement is a few hundred bytes; anything far larger is refused before it is read whole. */
export const ctiBodyLimit = 16 * 1024;

export interface CtiWebhookOptions {
  readonly db: Database;
  readonly pokes: StorePokes;
  /** CTI_SECRET, shared with the telephone system; without one the webhook refuses every call. */
  readonly secret: string | undefined;
  readonly now: () => Date;
}

/**
 * `POST /api/cti/incoming-call` (docs/cti.md): the telephone system says a call is ringing at an
 * extension. Signed with HMAC-SHA256 over "<timestamp>.<raw body>" (CT5); a bad signature, a
 * stale timestamp or a call id seen before is a 401 that changes nothing (CT6). The agent signed
 * in at the extension gets a screen pop through `cti.pops` (CT7).
 */
export async function ctiWebhook(app: FastifyInstance, options: CtiWebhookOptions): Promise<void> {
  // The signature covers the exact bytes sent, so the body is kept raw and parsed only after the check.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: ctiBodyLimit }, (_req, body, done) => done(null, body));
  app.addHook('onRequest', async (req, reply) => {
    // Refused before the body is read: no secret configured, or no signature at all.
    if (!options.secret) return unauthorized(reply, 'NOT_CONFIGURED', 'The telephone webhook is not configured on this server (CTI_SECRET).');
    if (!req.headers['x-cti-signature'] || !req.headers['x-cti-timestamp']) return unauthorized(reply, 'MISSING_SIGNATURE', 'X-CTI-Timestamp and X-CTI-Signature are required.');
  });
  app.setErrorHandler((error: { statusCode?: number }, req, reply) => {
    // A body too large, a wrong content type, a broken upload: the caller's fault, said without internals.
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error({ err: error }, 'cti webhook failed');
    return reply.code(status).send(status === 500
      ? { error: 'INTERNAL', message: 'Something went wrong; the call was not recorded. Please retry.' }
      : { error: 'BAD_REQUEST', message: `The body could not be read: JSON (application/json) of at most ${ctiBodyLimit} bytes.` });
  });

  app.post('/incoming-call', async (req, reply) => {
    const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
    const verdict = verifyCtiSignature({
      secret: options.secret!, timestamp: header(req.headers['x-cti-timestamp']), signature: header(req.headers['x-cti-signature']), body, now: options.now(),
    });
    if (!verdict.ok) return unauthorized(reply, verdict.reason, 'The request is not signed with the shared secret, or its timestamp is outside ±5 minutes.');
    const json = parseJson(body);
    if (!json.ok) return badRequest(reply, [{ path: 'body', message: 'Not valid JSON.' }]);
    const parsed = incomingCallInput.safeParse(json.value);
    if (!parsed.success) return badRequest(reply, parsed.error.issues.map((i) => ({ path: i.path.join('.') || 'body', message: i.message })));
    const recorded = await recordIncomingCall(options.db, parsed.data, options.now());
    if (recorded.kind === 'replay') return unauthorized(reply, 'REPLAY', 'This call id was already received; nothing was changed.');
    req.log.info({ callId: parsed.data.callId, extension: parsed.data.extension, delivered: recorded.agentUserId !== null }, 'incoming call');
    if (!recorded.agentUserId) return reply.code(202).send({ delivered: false, callId: parsed.data.callId });
    // PGlite: wakes this process's subscriber now; PostgreSQL: a no-op, the commit's NOTIFY did it.
    options.pokes.poke(agentPokeTopic(recorded.agentUserId));
    return reply.code(200).send({ delivered: true, callId: parsed.data.callId });
  });
}

function unauthorized(reply: FastifyReply, reason: string, message: string) {
  return reply.code(401).send({ error: 'UNAUTHORIZED', reason, message });
}

function badRequest(reply: FastifyReply, fields: readonly { path: string; message: string }[]) {
  return reply.code(400).send({ error: 'BAD_REQUEST', message: fields.slice(0, 5).map((f) => `${f.path}: ${f.message}`).join('; '), fields: fields.slice(0, 20) });
}

function header(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? undefined : value;
}

function parseJson(body: Buffer): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(body.toString('utf8')) };
  } catch {
    return { ok: false };
  }
}
