import Dexie, { type EntityTable } from 'dexie';
import type { Order } from '@repo/domain';

/** The signed-in user, kept so the app opens offline; the token is sent as a bearer header. */
export interface StoredSession {
  readonly key: 'current';
  readonly token: string;
  readonly expiresAt: string;
  readonly user: { id: string; username: string; displayName: string; role: 'hq' | 'store_manager' | 'clerk'; storeId: string | null };
}

/** An order the store holds, as last received from the server. */
export type StoredOrder = Order & { readonly storeId: string };

export interface SyncMeta {
  readonly key: 'inbox';
  /** When the inbox last arrived from the server (device clock). */
  readonly refreshedAt: string;
}

/** The one IndexedDB database of the store app. */
export class StoreDb extends Dexie {
  orders!: EntityTable<StoredOrder, 'id'>;
  session!: EntityTable<StoredSession, 'key'>;
  meta!: EntityTable<SyncMeta, 'key'>;

  constructor(name = 'store-app') {
    super(name);
    this.version(1).stores({
      orders: 'id, storeId, status, updatedAt',
      session: 'key',
      meta: 'key',
    });
  }
}

export const db = new StoreDb();
