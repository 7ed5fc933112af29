import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

const envSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** 0.0.0.0 lets handhelds on the store's network reach a dev machine; the default stays local. */
  HOST: z.string().default('127.0.0.1'),
  /** A PostgreSQL URL; without it the server uses embedded PGlite in DATA_DIR. */
  DATABASE_URL: z.preprocess((v) => (v === '' ? undefined : v), z.url().optional()),
  DATA_DIR: z.string().default(path.join(repoRoot, '.data', 'pglite')),
  /** Proof photos and signatures; unset means a `blobs` folder beside DATA_DIR. */
  BLOB_DIR: z.preprocess((v) => (v === '' ? undefined : v), z.string().optional()),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(12),
  OFFER_TTL_MINUTES: z.coerce.number().positive().default(15),
  /** Minutes from taking an order to the delivery time promised to the customer. */
  PROMISE_MINUTES: z.coerce.number().int().positive().max(24 * 60).default(60),
  /** Seconds a clerk may undo a close at the door. */
  UNDO_WINDOW_SECONDS: z.coerce.number().int().min(0).max(3600).default(120),
  /** Re-offer a declined or expired order to the next store by itself; off: hand it to the dispatcher (docs/dispatch.md DS6). */
  AUTO_REDISPATCH: z.enum(['on', 'off']).default('on'),
  /** Seconds between the dispatch timer's looks for due offers, in every server process. */
  DISPATCH_TICK_SECONDS: z.coerce.number().positive().max(3600).default(5),
  /** The inventory system's key for PUT /api/inventory/…; unset, that API refuses every call. */
  INVENTORY_API_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'at least 16 characters').optional()),
  /** The web shop's key for POST /api/webshop/orders; unset, that API refuses every call (docs/webshop.md). */
  WEBSHOP_API_KEY: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(16, 'at least 16 characters').optional()),
  /** Username of the head-office person who owns new web orders until a reviewer takes them. */
  WEBSHOP_OWNER: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(1).max(64).default('hq')),
  /** The telephone system's shared secret for signing POST /api/cti/incoming-call (docs/cti.md); unset, the webhook refuses every call. */
  CTI_SECRET: z.preprocess((v) => (v === '' ? undefined : v), z.string().min(32, 'at least 32 characters').optional()),
  /** Load the demo chain into an empty database on start. */
  DEMO_DATA: z.enum(['on', 'off']).default('on'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'silent']).default('info'),
});

export type Env = z.infer<typeof envSchema> & { readonly BLOB_DIR: string };

/** The only reader of process.env: everything else receives a validated Env. */
export function readEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid environment: ${problems}`);
  }
  return { ...parsed.data, BLOB_DIR: parsed.data.BLOB_DIR ?? path.join(path.dirname(parsed.data.DATA_DIR), 'blobs') };
}

export const paths = {
  repoRoot,
  storeDist: path.join(repoRoot, 'apps/store/dist'),
  hqDist: path.join(repoRoot, 'apps/hq/dist'),
  migrations: path.join(repoRoot, 'apps/server/drizzle'),
};
