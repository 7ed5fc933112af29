import { createHash, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { findUnstorableText, idempotencyKeySchema, webShopOrderInput } from '@repo/domain';
import type { Database } from '../db/database.js';
import type { DeliveryTermsConfig } from '../orders/delivery-terms.js';
import type { FieldProblem } from '../stock/stock-counts.js';
import { receiveWebOrder } from './web-order-intake.js';

export interface WebShopApiOptions {
  readonly db: Database;
  /** The web shop's key (WEBSHOP_API_KEY); without one the API refuses every call. */
  readonly apiKey: string | undefined;
  /** Username of the head-office owner of new web orders (WEBSHOP_OWNER). */
  readonly ownerUsername: string;
  readonly config: DeliveryTermsConfig;
  readonly now: () => Date;
}

/** An order is a few lines of JSON; 64 KB leaves room for 50 lines with long names and stops a flood of bytes. */
const bodyLimit = 64 * 1024;

/**
 * The web shop's intake (docs/webshop.md): `POST /api/webshop/orders` with
 * `Authorization: Bearer <WEBSHOP_API_KEY>` and `Idempotency-Key`. The key is checked before the
 * body is read; a bad key is 401 and changes nothing. The key itself never reaches the log (the
 * request log writes method, URL and address only).
 */
export async function webShopApi(app: FastifyInstance, options: WebShopApiOptions): Promise<void> {
  const expected = options.apiKey ? digest(options.apiKey) : null;
  app.addHook('onRequest', async (req, reply) => {
    const key = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    // Compared as digests, in constant time: the key's length and prefix leak nothing.
    if (!expected || !key || !timingSafeEqual(digest(key), expected)) {
      return reply.code(401).send({ error: 'UNAUTHORIZED', message: 'A valid web-shop API key is required (Authorization: Bearer …).' });
    }
  });
  app.setErrorHandler((error: { statusCode?: number }, req, reply) => {
    // Malformed JSON, a body too large, a wrong content type: the caller's fault, said without internals.
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) req.log.error({ err: error }, 'web-shop order failed');
    const message = status === 500 ? 'Something went wrong; no order was made. Retry with the same Idempotency-Key.'
      : status === 413 ? `The body is larger than ${bodyLimit / 1024} KB.` : 'The body must be a JSON object (Content-Type: application/json).';
    return reply.code(status).send({ error: status === 500 ? 'INTERNAL' : status === 413 ? 'TOO_LARGE' : 'BAD_REQUEST', message });
  });

  app.post('/orders', { bodyLimit }, async (req, reply) => {
    const header = req.headers['idempotency-key'];
    const key = idempotencyKeySchema.safeParse(header);
    if (!key.success) {
      return badRequest(reply, [{ path: 'Idempotency-Key', message: header === undefined ? 'This header is required: one key per order, the same on every retry.' : key.error.issues[0]!.message }]);
    }
    const unstorable = findUnstorableText(req.body);
    if (unstorable) return badRequest(reply, [{ path: unstorable.join('.') || 'body', message: 'Contains characters that cannot be stored (U+0000 or an unpaired surrogate).' }]);
    const parsed = webShopOrderInput.safeParse(req.body);
    if (!parsed.success) return badRequest(reply, parsed.error.issues.slice(0, 50).map((i) => ({ path: i.path.join('.') || 'body', message: messageOf(i) })));
    const outcome = await receiveWebOrder({ db: options.db, idempotencyKey: key.data, input: parsed.data, ownerUsername: options.ownerUsername, config: options.config, now: options.now() });
    switch (outcome.kind) {
      case 'created':
        return reply.code(201).send(outcome.receipt);
      case 'replayed':
        return reply.code(200).header('idempotent-replayed', 'true').send(outcome.receipt);
      case 'key_reused':
        return reply.code(422).send({ error: 'IDEMPOTENCY_KEY_REUSED', message: 'This Idempotency-Key was already used for a different order. Use a new key for a new order; resend the same body to retry.' });
      case 'duplicate_order':
        return reply.code(409).send({ error: 'DUPLICATE_WEB_ORDER', message: `This webOrderNumber was already received (order ${outcome.number}).`, number: outcome.number });
      case 'bad_input':
        return badRequest(reply, outcome.problems);
      case 'no_owner':
        req.log.warn(`WEBSHOP_OWNER "${options.ownerUsername}" is not a head-office user: web orders are refused`);
        return reply.code(503).send({ error: 'NOT_CONFIGURED', message: 'Web orders cannot be taken right now; nothing was changed. Retry later with the same Idempotency-Key.' });
    }
  });
}

/** A zod issue in words for the shop's developer; a strict object names the field it does not know. */
function messageOf(issue: { code: string; message: string; keys?: readonly string[] }): string {
  if (issue.code === 'unrecognized_keys' && issue.keys) return `Unknown field(s): ${issue.keys.slice(0, 5).map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}.`;
  return issue.message;
}

function badRequest(reply: FastifyReply, problems: readonly FieldProblem[]) {
  return reply.code(400).send({ error: 'BAD_REQUEST', message: problems.map((p) => `${p.path}: ${p.message}`).slice(0, 5).join('; '), fields: problems });
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
