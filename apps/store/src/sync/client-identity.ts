import { db, type MetaRow, type OutboxEntry } from '../local-db/store-db.js';

type ClientRow = Extract<MetaRow, { key: 'client' }>;
export type OwnerRow = Extract<MetaRow, { key: `owner:${string}` }>;

/**
 * This device's action sequence: one counter for everyone who uses the handheld, so the outbox keeps
 * one order, and the first client id (kept for actions queued before people had their own).
 * Must be called inside a transaction that includes `db.meta`.
 */
export async function clientIdentity(): Promise<ClientRow> {
  const existing = (await db.meta.get('client')) as ClientRow | undefined;
  if (existing) return existing;
  const created: ClientRow = { key: 'client', clientId: crypto.randomUUID(), nextMutationId: 1 };
  await db.meta.put(created);
  return created;
}

const ownerKey = (storeId: string, userId: string) => `owner:${storeId}/${userId}` as const;

/**
 * The sync client of one person on this device. A shared handheld sends each person's actions as
 * that person, with their own client id, only while they are signed in; the others' wait, visibly.
 * The first person to ask adopts the device's original client id (and its actions from before);
 * anyone else's actions from before move to a client of their own. Call inside a transaction over
 * `db.meta` and `db.outbox`.
 */
export async function ownerClient(storeId: string, userId: string): Promise<OwnerRow> {
  const key = ownerKey(storeId, userId);
  const existing = (await db.meta.get(key)) as OwnerRow | undefined;
  if (existing) return existing;
  const [device, owners, legacy] = await Promise.all([
    clientIdentity(),
    db.meta.where('key').startsWith('owner:').toArray() as Promise<OwnerRow[]>,
    db.outbox.filter((e) => e.clientId === undefined).sortBy('id'),
  ]);
  const mine = legacy.filter((e) => e.userId === userId && e.storeId === storeId);
  const legacyTaken = owners.some((o) => o.clientId === device.clientId);
  // The device's first client carries on for the person whose actions it already holds (or anyone, if it holds none).
  const adopt = !legacyTaken && (legacy.length === 0 || legacy[0]!.userId === userId && legacy[0]!.storeId === storeId);
  const clientId = adopt ? device.clientId : crypto.randomUUID();
  // A legacy client's server already has every id before its first unsent one; a new client has nothing.
  let prev = adopt ? (mine[0] ? mine[0].id - 1 : device.nextMutationId - 1) : 0;
  const chained: OutboxEntry[] = mine.map((entry) => {
    const linked = { ...entry, clientId, prev };
    prev = entry.id;
    return linked;
  });
  await db.outbox.bulkPut(chained);
  const row: OwnerRow = { key, clientId, lastQueued: prev };
  await db.meta.put(row);
  return row;
}

/** Whose client an outbox entry belongs to (entries from before belong to the device's first client). */
export function clientOfEntry(entry: OutboxEntry, device: { clientId: string }): string {
  return entry.clientId ?? device.clientId;
}
