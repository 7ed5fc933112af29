import { db } from '../local-db/store-db.js';

/**
 * After the server went back in time (restored from a backup), links this person's first unsent
 * action to the server's last applied one, so the queue is sent again in order. Ids only increase,
 * so nothing needs renumbering; nothing queued is dropped.
 */
export async function rechainOutbox(clientId: string, serverLastMutationId: number): Promise<void> {
  await db.transaction('rw', db.outbox, async () => {
    const first = await db.outbox.orderBy('id').filter((e) => e.clientId === clientId).first();
    if (first) await db.outbox.put({ ...first, prev: serverLastMutationId });
  });
}
