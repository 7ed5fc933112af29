import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import { blobRoutes } from './blobs/blob-routes.js';
import type { BlobStore } from './blobs/blob-store.js';
import type { Database } from './db/database.js';
import { paths } from './env.js';
import { appRouter, type AppRouter } from './routers/app-router.js';
import { appSecurityHeaders } from './security-headers.js';
import { Dispatcher } from './dispatch/dispatcher.js';
import { inventoryApi } from './stock/inventory-api.js';
import { webShopApi } from './webshop/webshop-api.js';
import { ctiWebhook } from './http/cti-webhook.js';
import { StorePokes } from './store-pokes.js';
import { internalErrorMessage, type Context, type ServerConfig } from './trpc.js';

export interface HttpServerOptions {
  readonly db: Database;
  readonly config: ServerConfig;
  /** Where proof photos and signatures are kept (disk under BLOB_DIR by default). */
  readonly blobs: BlobStore;
  readonly logLevel?: string;
  /** Where the log goes (stdout when left out); tests read it to prove what never reaches it. */
  readonly logStream?: { write(line: string): void };
  readonly now?: () => Date;
  /** In-process by default; several processes on one PostgreSQL pass a `PostgresStorePokes`. */
  readonly pokes?: StorePokes;
  /** Seconds between dispatch ticks (offer expiry, re-dispatch); the timer starts with the server. */
  readonly dispatchTickSeconds?: number;
  readonly inventoryApiKey?: string | undefined;
  /** The web shop's key for POST /api/webshop/orders; unset, that API refuses every call. */
  readonly webShopApiKey?: string | undefined;
  /** Username of the head-office owner of new web orders; `hq` when left out. */
  readonly webShopOwner?: string;
  /** CTI_SECRET: the telephone system's shared secret for POST /api/cti/incoming-call; unset, it refuses every call. */
  readonly ctiSecret?: string | undefined;
}

/**
 * The most calls one batched request may carry. A batch shares one request's cost, so without a
 * cap one request could do the work of thousands; the apps' clients send at most `maxItems` (10).
 */
export const maxBatchSize = 20;

/** The one process: tRPC under /trpc, proof uploads under /blobs, the store PWA under /store/, the console under /hq/. */
export async function buildHttpServer(options: HttpServerOptions): Promise<{ app: FastifyInstance; pokes: StorePokes; dispatcher: Dispatcher }> {
  const app = Fastify({
    logger: {
      level: options.logLevel ?? 'info',
      ...(options.logStream ? { stream: options.logStream } : {}),
      serializers: { req: (req) => ({ method: req.method, url: redactUrl(req.url), remoteAddress: req.ip }) },
    },
    routerOptions: { maxParamLength: 5000 },
  });
  const pokes = options.pokes ?? new StorePokes();
  const now = options.now ?? (() => new Date());
  app.setErrorHandler(answerError);
  const dispatcher = new Dispatcher({
    db: options.db, pokes, now, autoRedispatch: options.config.autoRedispatch, offerTtlMinutes: options.config.offerTtlMinutes,
    tickMs: (options.dispatchTickSeconds ?? 5) * 1000, log: (message) => app.log.warn(message),
  });
  app.addHook('onReady', async () => dispatcher.start());
  app.addHook('onClose', async () => dispatcher.stop());

  await app.register(fastifyTRPCPlugin, {
    prefix: '/trpc',
    trpcOptions: {
      router: appRouter,
      maxBatchSize,
      createContext: ({ req, info }): Context => ({
        db: options.db,
        pokes,
        dispatcher,
        config: options.config,
        now,
        address: req.ip,
        // Security: connection params travel in the URL, so only the subscription (EventSource can
        // send no header) may use them; its URL is redacted before it is logged (docs/security.md SEC40).
        token: bearerToken(req.headers.authorization) ?? (info.type === 'subscription' ? tokenFromParams(info.connectionParams) : null),
      }),
      onError: ({ error, path, req }) => {
        // The caller sees only `internalErrorMessage`; the cause, SQL included, goes to the log.
        if (error.code === 'INTERNAL_SERVER_ERROR') req.log.error({ err: error.cause ?? error, path }, 'procedure failed');
      },
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  await blobRoutes(app, { db: options.db, blobs: options.blobs, now });
  await app.register(inventoryApi, { prefix: '/api/inventory', db: options.db, apiKey: options.inventoryApiKey });
  await app.register(webShopApi, {
    prefix: '/api/webshop', db: options.db, apiKey: options.webShopApiKey, ownerUsername: options.webShopOwner ?? 'hq', config: options.config, now,
  });
  await app.register(ctiWebhook, { prefix: '/api/cti', db: options.db, pokes, secret: options.ctiSecret, now });
  await serveApp(app, '/store/', paths.storeDist, true);
  await serveApp(app, '/hq/', paths.hqDist, false);
  app.get('/', (_req, reply) => reply.redirect('/hq/'));
  app.get('/healthz', () => ({ ok: true }));
  return { app, pokes, dispatcher };
}

async function serveApp(app: FastifyInstance, prefix: string, root: string, decorate: boolean): Promise<void> {
  if (!existsSync(root)) {
    app.log.warn(`${root} is missing: run the build to serve ${prefix}`);
    return;
  }
  await app.register(fastifyStatic, {
    root,
    prefix,
    decorateReply: decorate,
    setHeaders: (res, file) => {
      for (const [name, value] of Object.entries(appSecurityHeaders)) res.header(name, value);
      // The service worker and the page shell must always be revalidated, or an update never arrives.
      if (/(sw\.js|index\.html|manifest\.webmanifest)$/.test(file)) res.header('cache-control', 'no-cache');
    },
  });
  app.get(prefix.slice(0, -1), (_req, reply) => reply.redirect(prefix));
}

/** Fastify's own failures (a body that is not JSON, a route that throws): a 5xx says nothing of why. */
function answerError(error: FastifyError, request: { log: FastifyInstance['log'] }, reply: { status(code: number): { send(body: unknown): unknown } }) {
  const status = error.statusCode && error.statusCode >= 400 ? error.statusCode : 500;
  if (status >= 500) {
    request.log.error({ err: error }, 'request failed');
    return reply.status(status).send({ statusCode: status, error: 'Internal Server Error', message: internalErrorMessage });
  }
  return reply.status(status).send({ statusCode: status, error: error.code ?? 'Bad Request', message: error.message });
}

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer (\S+)$/);
  return match?.[1] ?? null;
}

/** EventSource cannot send headers, so subscriptions carry the token in tRPC's connection params. */
function tokenFromParams(params: Record<string, string | undefined> | null | undefined): string | null {
  const token = params?.token;
  return typeof token === 'string' ? token : null;
}

/** A URL as the log may keep it: connection params (a session token) replaced by a marker. */
export function redactUrl(url: string): string {
  return url.replace(/([?&]connectionParams=)[^&#]*/g, '$1[redacted]');
}
