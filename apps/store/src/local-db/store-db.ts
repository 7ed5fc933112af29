import Dexie, { type EntityTable, type Table } from 'dexie';
import type { BlobRef, Order, OrderLine, PickedLine } from '@repo/domain';
import type { PendingAction } from '@repo/sync/client';
import type { PushRejection } from '@repo/sync/protocol';
import type { WedgeSettings } from '../scanner/wedge/wedge-settings.js';

/** The signed-in user, kept so the app opens offline; the token is sent as a bearer header. */
export interface StoredSession {
  readonly key: 'current';
  readonly token: string;
  readonly expiresAt: string;
  readonly user: { id: string; username: string; displayName: string; role: 'hq' | 'store_manager' | 'clerk'; storeId: string | null };
}

/** An order as the device holds it. */
export type StoredOrder = Order & { readonly storeId: string };

/**
 * A queued action. Stored as `{name, version, args}` plus bookkeeping, never as a domain object,
 * so a later schema upgrade never has to rewrite the queue.
 */
export interface OutboxEntry extends PendingAction {
  readonly storeId: string;
  readonly userId: string;
  readonly role: 'store_manager' | 'clerk';
  /** The sync client of the person who made it (docs/sync-protocol.md, shared handhelds); absent on entries from before. */
  readonly clientId?: string;
  /** The id of the same person's previous action on this device (0 for their first). */
  readonly prev?: number;
  /** Who made it, to say whose actions wait when someone else is signed in. */
  readonly userName?: string;
  /** Kept with the action so a refusal can name the order even after it left the device. */
  readonly orderNumber: string;
}

/** An action the server refused, kept until the person has seen it. */
export interface RejectedAction {
  readonly seq?: number;
  readonly mutationId: number;
  readonly orderId: string;
  readonly orderNumber: string;
  readonly name: string;
  readonly rejection: PushRejection;
  readonly at: string;
}

/** A product as head office publishes it for the stores; GTINs as stored (EAN-13 or GTIN-14). */
export interface CatalogProduct {
  readonly id: string;
  readonly gtin: string;
  readonly name: string;
  readonly category: string;
  readonly minShelfLifeDays: number;
}

/** A case or inner-pack code: how many units one scan of it means. */
export interface CatalogPackaging {
  readonly gtin: string;
  readonly productId: string;
  readonly unitsPerPack: number;
}

/** A clerk of this store, from the daily download: whom the manager can hand an order to. */
export interface StaffMember {
  readonly id: string;
  readonly displayName: string;
}

/** One scan that counted towards a pick, kept so the last one can be undone. */
export interface PickScan {
  readonly seq: number;
  readonly productId: string;
  readonly units: number;
  readonly text: string;
  readonly lot?: string;
  readonly expiry?: string;
  readonly at: string;
}

/**
 * A pick in progress on this handheld, written as it happens so a reload, a killed app or a dead
 * battery never loses it. Removed once the finish (or the short report) is queued.
 */
/** Products of a failed delivery already scanned back in, kept so a reload never restarts the check. */
export interface ReturnCheck {
  readonly orderId: string;
  readonly productIds: readonly string[];
  readonly updatedAt: string;
}

export interface PickProgress {
  readonly orderId: string;
  /** This device's sync id when the pick started. */
  readonly device: string;
  readonly startedAt: string;
  readonly scans: readonly PickScan[];
  /** Lines marked short, with the quantity the store can supply. */
  readonly short: Readonly<Record<string, number>>;
  readonly picked?: readonly PickedLine[];
  /**
   * Set when the short report is queued: the order's lines as they were, so that head office's
   * decision (partial or substitute) can be compared with them and the pick brought in line.
   */
  readonly reportedShort?: { readonly at: string; readonly lines: readonly OrderLine[] };
  /** Head office's decision as last applied to this pick, kept until the manager has read it. */
  readonly decision?: {
    readonly resolution: 'partial' | 'substitute';
    readonly changes: readonly { productId: string; name: string; kind: 'removed' | 'added' | 'reduced'; from: number; to: number; putBack: number }[];
    readonly at: string;
  };
}

/**
 * A photo or signature kept on the device until the server has it. Bound to the action that
 * references it (its client id and mutation id), never to "the current order".
 */
export interface ProofBlob extends BlobRef {
  readonly orderId: string;
  readonly clientId: string;
  readonly mutationId: number;
  readonly kind: 'door_photo' | 'signature' | 'failure_photo';
  readonly data: Blob;
  readonly state: 'waiting' | 'uploading' | 'stored';
  readonly uploadedBytes: number;
  readonly createdAt: string;
  readonly storedAt?: string;
  readonly lastError?: string;
  /** Set when the bytes were freed, a grace period after the server stored them (`data` is then empty). */
  readonly bytesDroppedAt?: string;
}

/** Marks a refusal by the server in a blob's `lastError`: the bytes themselves are bad, so they are not sent again. */
export const refusedPrefix = 'refused:';

/** An order that left this device's list, kept so the person is told why instead of it vanishing. */
export interface Departure {
  readonly orderId: string;
  readonly orderNumber: string;
  readonly why: 'cancelled' | 'redispatched' | 'offer_expired' | 'declined' | 'reassigned' | 'closed' | 'gone';
  readonly reason?: string;
  readonly status?: string;
  readonly at: string;
  /** Set once the person tapped 知道了. */
  readonly seenAt?: string;
}

/** Wrong delivery codes typed at the door, per order: a few tries, then a pause. */
export interface CodeAttempts {
  readonly orderId: string;
  readonly failures: number;
  readonly lockedUntil?: string;
}

export type SyncState = 'connecting' | 'online' | 'offline' | 'session_expired' | 'blocked';

export type MetaRow =
  | { readonly key: 'client'; readonly clientId: string; readonly nextMutationId: number }
  /** One per person who acted on this device: their own sync client and the last action they queued. */
  | { readonly key: `owner:${string}`; readonly clientId: string; readonly lastQueued: number }
  | { readonly key: 'pull'; readonly cursor: number; readonly lastMutationId: number; readonly storeId: string; readonly clientId?: string }
  | { readonly key: 'status'; readonly state: SyncState; readonly lastSyncedAt: string | null; readonly pushing: boolean; readonly detail?: string }
  | { readonly key: 'leader'; readonly tabId: string; readonly heartbeatAt: number }
  | { readonly key: 'catalog'; readonly downloadedAt: string }
  | { readonly key: 'scanner'; readonly settings: WedgeSettings; readonly testedAt: string }
  /** How far the server's clock is from this device's, estimated from sync answers. */
  | { readonly key: 'clock'; readonly offsetMs: number; readonly measuredAt: string }
  /** Orders whose actions this person's other devices (or this one, before its data was cleared) never sent. */
  | { readonly key: 'unsentElsewhere'; readonly orders: readonly { orderNumber: string; reportedAt: string }[]; readonly at: string; readonly seenAt?: string }
  /** Offers the manager has seen: the alert repeats until then. */
  | { readonly key: 'attention'; readonly seenOffers: readonly string[] };

/** The one IndexedDB database of the store app. */
export class StoreDb extends Dexie {
  /** What screens show: the server's truth with unsent actions replayed on top. */
  orders!: EntityTable<StoredOrder, 'id'>;
  /** The server's truth as of the last pull. */
  serverOrders!: EntityTable<StoredOrder, 'id'>;
  outbox!: EntityTable<OutboxEntry, 'id'>;
  rejections!: EntityTable<RejectedAction, 'seq'>;
  session!: EntityTable<StoredSession, 'key'>;
  products!: EntityTable<CatalogProduct, 'gtin'>;
  packagings!: EntityTable<CatalogPackaging, 'gtin'>;
  meta!: Table<MetaRow, MetaRow['key']>;
  staff!: EntityTable<StaffMember, 'id'>;
  picks!: EntityTable<PickProgress, 'orderId'>;
  returnChecks!: EntityTable<ReturnCheck, 'orderId'>;
  blobs!: EntityTable<ProofBlob, 'sha256'>;
  departures!: EntityTable<Departure, 'orderId'>;
  codeAttempts!: EntityTable<CodeAttempts, 'orderId'>;

  constructor(name = 'store-app') {
    // Strict durability: "saved" on screen means on disk, not in an OS buffer.
    super(name, { chromeTransactionDurability: 'strict' });
    this.version(1).stores({ orders: 'id, storeId, status, updatedAt', session: 'key', meta: 'key' });
    this.version(2)
      .stores({
        orders: 'id, storeId, status, updatedAt',
        serverOrders: 'id, storeId',
        outbox: 'id, orderId',
        rejections: '++seq, orderId',
        session: 'key',
        meta: 'key',
      })
      .upgrade(async (tx) => {
        // v1 held only pulled orders: they are the server truth. The v1 'inbox' meta row is dropped.
        await tx.table('serverOrders').bulkPut(await tx.table('orders').toArray());
        await tx.table('meta').delete('inbox');
      });
    // v3: the store's copy of head office's catalogue, downloaded daily, for scanning offline.
    this.version(3).stores({ products: 'gtin, id', packagings: 'gtin, productId' });
    // v4: the order after the accept: clerks, picks in progress, proof photos waiting to upload,
    // orders that left the store (and why), wrong delivery codes.
    this.version(4).stores({
      staff: 'id',
      picks: 'orderId',
      blobs: 'sha256, orderId, state',
      departures: 'orderId, seenAt',
      codeAttempts: 'orderId',
    });
    // v5: the items of a returned order scanned back so far.
    this.version(5).stores({ returnChecks: 'orderId' });
  }
}

export const db = new StoreDb();
