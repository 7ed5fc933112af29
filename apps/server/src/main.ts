import { DiskBlobStore } from './blobs/disk-blob-store.js';
import { openDatabase } from './db/database.js';
import { loadDemoDataIfEmpty } from './demo/load-demo-data.js';
import { paths, readEnv } from './env.js';
import { buildHttpServer } from './http-server.js';
import { PostgresStorePokes } from './postgres-store-pokes.js';
import { StorePokes } from './store-pokes.js';

const env = readEnv();
const database = await openDatabase(
  env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDir: env.DATA_DIR },
  paths.migrations,
);
// On PostgreSQL other processes may share the database: pokes travel through LISTEN/NOTIFY.
const pokes = env.DATABASE_URL ? await PostgresStorePokes.start({ url: env.DATABASE_URL }) : new StorePokes();
const demo = env.DEMO_DATA === 'on' ? await database.exclusively(() => loadDemoDataIfEmpty(database.db)) : null;
const { app } = await buildHttpServer({
  db: database.db,
  pokes,
  blobs: new DiskBlobStore(env.BLOB_DIR),
  logLevel: env.LOG_LEVEL,
  config: {
    sessionTtlHours: env.SESSION_TTL_HOURS, offerTtlMinutes: env.OFFER_TTL_MINUTES,
    promiseMinutes: env.PROMISE_MINUTES, undoWindowSeconds: env.UNDO_WINDOW_SECONDS, autoRedispatch: env.AUTO_REDISPATCH === 'on',
  },
  dispatchTickSeconds: env.DISPATCH_TICK_SECONDS,
  inventoryApiKey: env.INVENTORY_API_KEY,
  webShopApiKey: env.WEBSHOP_API_KEY,
  webShopOwner: env.WEBSHOP_OWNER,
  ctiSecret: env.CTI_SECRET,
});
await app.listen({ port: env.PORT, host: env.HOST });

const base = `http://${env.HOST === '0.0.0.0' ? 'localhost' : env.HOST}:${(app.server.address() as { port: number }).port}`;
const where = database.kind === 'pglite' ? `PGlite in ${env.DATA_DIR}` : 'PostgreSQL (DATABASE_URL)';
console.log(`
  Store PWA         ${base}/store/
  Head-office       ${base}/hq/
  tRPC API          ${base}/trpc
  Database          ${where}
  Proof photos      ${env.BLOB_DIR}${demo?.loaded ? ' (demo data loaded just now)' : ''}
${demo ? `\n  Demo logins (password for all: ${demo.password}):\n${demo.logins.map((l) => `    ${l}`).join('\n')}\n` : ''}`);

let stopping = false;
async function stop(signal: string): Promise<void> {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await app.close();
  await pokes.close();
  await database.close();
  process.exit(0);
}
process.on('SIGINT', () => void stop('SIGINT'));
process.on('SIGTERM', () => void stop('SIGTERM'));
