import { createHash, timingSafeEqual } from 'node:crypto';
import { eq, or } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { isStorableText } from '@repo/domain';
import type { Database } from '../db/database.js';
import { stores } from '../db/schema.js';
import { maxStockRows, parseStockCsv, parseStockItems, type FieldProblem } from './stock-counts.js';
import { replaceStoreStock } from './stock-import.js';

export interface InventoryApiOptions {
  readonly db: Database;
  /** The inventory system's key; without one the API refuses every call. */
  readonly apiKey: string | undefined;
}

/**
 * The inventory system's feed (DS15): `PUT /api/inventory/stores/:store/stock` with
 * `Authorization: Bearer <INVENTORY_API_KEY>` and either JSON `{items:[{gtin|sku, quantity}]}` or
 * `text/csv`. The key is checked before the body is read; a bad key is 401 and changes nothing.
 */
export async function inventoryApi(app: FastifyInstance, options: InventoryApiOptions): Promise<void> {
  const expected = options.apiKey ? digest(options.apiKey) : null;
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: maxStockRows * 100 }, (_req, body, done) => done(null, body));
  app.addHook('onRequest', async (req, reply) => {
    const key = /^Bearer (\S+)$/.exec(req.headers.authorization ?? '')?.[1];
    // Compared as digests, in constant time: the key's length and prefix leak nothing.
    if (!expected || !key || !timingSafeEqual(digest(key), expected)) {
      return reply.code(401).send({ error: 'UNAUTHORIZED', message: 'A valid inventory API key is required (Authorization: Bearer …).' });
    }
  });
  app.setErrorHandler((error: { statusCode?: number }, _req, reply) => {
    // Malformed JSON, a body too large, a wrong content type: the caller's fault, said without internals.
    const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 500;
    if (status === 500) app.log.error(error);
    return reply.code(status).send({ error: status === 500 ? 'INTERNAL' : 'BAD_REQUEST', message: status === 500 ? 'Something went wrong; nothing was changed.' : 'The request body could not be read (JSON or text/csv, at most 2 MB).' });
  });

  app.put<{ Params: { store: string } }>('/stores/:store/stock', async (req, reply) => {
    const storeParam = req.params.store;
    if (storeParam.length > 64 || !isStorableText(storeParam)) return badRequest(reply, [{ path: 'store', message: 'A store id or code of at most 64 readable characters.' }]);
    const [store] = await options.db.select({ id: stores.id }).from(stores).where(or(eq(stores.id, storeParam), eq(stores.code, storeParam)));
    if (!store) return reply.code(404).send({ error: 'NOT_FOUND', message: `No store with id or code "${storeParam}".` });
    const parsed = typeof req.body === 'string' ? parseStockCsv(req.body) : parseStockItems(req.body);
    if (!parsed.ok) return badRequest(reply, parsed.problems);
    const result = await replaceStoreStock(options.db, store.id, parsed.counts);
    if (!result.ok) return badRequest(reply, result.problems);
    return reply.send({ storeId: result.storeId, products: result.products, zeroed: result.zeroed });
  });
}

function badRequest(reply: FastifyReply, problems: readonly FieldProblem[]) {
  return reply.code(400).send({ error: 'BAD_REQUEST', message: problems.map((p) => `${p.path}: ${p.message}`).slice(0, 5).join('; '), fields: problems });
}

function digest(key: string): Buffer {
  return createHash('sha256').update(key).digest();
}
