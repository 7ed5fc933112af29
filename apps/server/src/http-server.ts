import { existsSync } from 'node:fs';
import fastifyStatic from '@fastify/static';
import { fastifyTRPCPlugin, type FastifyTRPCPluginOptions } from '@trpc/server/adapters/fastify';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Database } from './db/database.js';
import { paths } from './env.js';
import { appRouter, type AppRouter } from './routers/app-router.js';
import { Dispatcher } from './dispatch/dispatcher.js';
import { inventoryApi } from './stock/inventory-api.js';
import { StorePokes } from './store-pokes.js';
import type { Context, ServerConfig } from './trpc.js';

export interface HttpServerOptions {
  readonly db: Database;
  readonly config: ServerConfig;
  readonly logLevel?: string;
  readonly now?: () => Date;
  /** Seconds between dispatch ticks (offer expiry, re-dispatch); the timer starts with the server. */
  readonly dispatchTickSeconds?: number;
  readonly inventoryApiKey?: string | undefined;
}

/** The one process: tRPC under /trpc, the store PWA under /store/, the console under /hq/. */
export async function buildHttpServer(options: HttpServerOptions): Promise<{ app: FastifyInstance; pokes: StorePokes; dispatcher: Dispatcher }> {
  const app = Fastify({ logger: { level: options.logLevel ?? 'info' }, routerOptions: { maxParamLength: 5000 } });
  const pokes = new StorePokes();
  const now = options.now ?? (() => new Date());
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
      createContext: ({ req, info }): Context => ({
        db: options.db,
        pokes,
        dispatcher,
        config: options.config,
        now,
        token: bearerToken(req.headers.authorization) ?? tokenFromParams(info.connectionParams),
      }),
    } satisfies FastifyTRPCPluginOptions<AppRouter>['trpcOptions'],
  });

  await app.register(inventoryApi, { prefix: '/api/inventory', db: options.db, apiKey: options.inventoryApiKey });
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
    // The service worker and the page shell must always be revalidated, or an update never arrives.
    setHeaders: (res, file) => {
      if (/(sw\.js|index\.html|manifest\.webmanifest)$/.test(file)) res.header('cache-control', 'no-cache');
    },
  });
  app.get(prefix.slice(0, -1), (_req, reply) => reply.redirect(prefix));
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
