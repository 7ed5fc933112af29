import { db } from '../local-db/store-db.js';
import { clientIdentity } from './client-identity.js';

/**
 * After the server went back in time, gives the queued actions the ids that follow the server's
 * last applied one, keeping their order. Nothing queued is dropped.
 */
export async function renumberOutbox(serverLastMutationId: number): Promise<void> {
  await db.transaction('rw', db.outbox, db.meta, async () => {
    const entries = await db.outbox.orderBy('id').toArray();
    const client = await clientIdentity();
    await db.outbox.clear();
    await db.outbox.bulkAdd(entries.map((e, i) => ({ ...e, id: serverLastMutationId + 1 + i })));
    await db.meta.put({ ...client, nextMutationId: serverLastMutationId + 1 + entries.length });
  });
}
