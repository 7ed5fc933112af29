import { openDatabase } from '../src/db/database.js';
import { expireDueOffers } from '../src/dispatch/offer-expiry.js';
import { paths } from '../src/env.js';

/**
 * One server process's offer expiry, for the offer-expiry bench: opens its own pool on the database
 * in argv, says 'ready', waits for 'go' with the clock to use, expires, reports, exits.
 */
const url = process.argv[2]!;
const database = await openDatabase({ kind: 'postgres', url }, paths.migrations);
process.on('message', async (message: { go: string }) => {
  const started = performance.now();
  const run = await expireDueOffers(database.db, { now: new Date(message.go) });
  process.send!({ expired: run.expired, ms: performance.now() - started });
  await database.close();
  process.exit(0);
});
process.send!('ready');
