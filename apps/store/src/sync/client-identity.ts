import { db, type MetaRow } from '../local-db/store-db.js';

type ClientRow = Extract<MetaRow, { key: 'client' }>;

/**
 * This device's sync identity: a random client id kept in IndexedDB and the next mutation id.
 * Must be called inside a transaction that includes `db.meta`.
 */
export async function clientIdentity(): Promise<ClientRow> {
  const existing = (await db.meta.get('client')) as ClientRow | undefined;
  if (existing) return existing;
  const created: ClientRow = { key: 'client', clientId: crypto.randomUUID(), nextMutationId: 1 };
  await db.meta.put(created);
  return created;
}
