import { db, type MetaRow, type SyncState } from '../local-db/store-db.js';

type StatusRow = Extract<MetaRow, { key: 'status' }>;

/** Records the leader's view of the connection, shared with every tab through IndexedDB. */
export async function setSyncStatus(change: Partial<Omit<StatusRow, 'key'>> & { state?: SyncState }): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    const current = ((await db.meta.get('status')) as StatusRow | undefined) ?? { key: 'status', state: 'connecting', lastSyncedAt: null, pushing: false };
    await db.meta.put({ ...current, ...change, key: 'status' });
  });
}
