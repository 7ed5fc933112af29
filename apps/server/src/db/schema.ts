import { sql } from 'drizzle-orm';
import {
  bigint, bigserial, boolean, doublePrecision, index, integer, jsonb, pgSequence, pgTable, primaryKey, text, timestamp,
} from 'drizzle-orm/pg-core';
import type { Order } from '@repo/domain';

export const stores = pgTable('stores', {
  id: text('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  address: text('address').notNull(),
  phone: text('phone').notNull(),
  lat: doublePrecision('lat').notNull(),
  lng: doublePrecision('lng').notNull(),
  /** How far the store delivers, in metres; customers farther away are not offered to it (docs/dispatch.md DS1). */
  deliveryRadiusM: integer('delivery_radius_m').notNull().default(3000),
  /** A closed store (shut for the day, renovation) is left out of dispatch. */
  open: boolean('open').notNull().default(true),
});

export const users = pgTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['hq', 'store_manager', 'clerk'] }).notNull(),
  storeId: text('store_id').references(() => stores.id),
  passwordHash: text('password_hash').notNull(),
});

export const sessions = pgTable('sessions', {
  /** SHA-256 of the bearer token: a leaked table does not hand out sessions. */
  tokenHash: text('token_hash').primaryKey(),
  userId: text('user_id').notNull().references(() => users.id),
  expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Failed sign-ins counted per key: an account at an address, an address, an account (from
 * addresses it never signed in from). One row per key, locked while an attempt is counted, so
 * parallel attempts are counted one after another, in any number of server processes (docs/security.md).
 */
export const loginThrottles = pgTable('login_throttles', {
  key: text('key').primaryKey(),
  failures: integer('failures').notNull().default(0),
  lastFailureAt: timestamp('last_failure_at', { withTimezone: true }).notNull(),
});

/** Where each account last signed in successfully: those addresses never share a stranger's penalty. */
export const loginKnownAddresses = pgTable(
  'login_known_addresses',
  {
    username: text('username').notNull(),
    address: text('address').notNull(),
    lastSuccessAt: timestamp('last_success_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.username, t.address] })],
);

export const products = pgTable('products', {
  id: text('id').primaryKey(),
  gtin: text('gtin').notNull().unique(),
  name: text('name').notNull(),
  category: text('category').notNull(),
  priceFen: integer('price_fen').notNull(),
  /** Days of remaining shelf life below which a unit counts as short-dated (临期). */
  minShelfLifeDays: integer('min_shelf_life_days').notNull(),
});

/** Case and inner-pack barcodes: how many units one scan of this GTIN means. */
export const packagings = pgTable('packagings', {
  gtin: text('gtin').primaryKey(),
  productId: text('product_id').notNull().references(() => products.id),
  unitsPerPack: integer('units_per_pack').notNull(),
});

export const stock = pgTable(
  'stock',
  {
    storeId: text('store_id').notNull().references(() => stores.id),
    productId: text('product_id').notNull().references(() => products.id),
    /** On hand, as the inventory system last reported it, less what was delivered since. */
    quantity: integer('quantity').notNull(),
    /** Set aside for accepted orders not yet delivered (docs/dispatch.md DS10); free = quantity - reserved. */
    reserved: integer('reserved').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.productId] })],
);

/** The customer's file (客户档案): who they are; their addresses are in customer_addresses. */
export const customers = pgTable(
  'customers',
  {
    id: text('id').primaryKey(),
    name: text('name').notNull(),
    /** Digits only, no country code (normalisePhone): "+86 138-0013-8000" is stored as 13800138000. */
    phone: text('phone').notNull(),
    /** What every agent should know on the next call: "请按门铃两次", "只收现金". */
    notes: text('notes').notNull().default(''),
    notesUpdatedAt: timestamp('notes_updated_at', { withTimezone: true }),
    /** From the chain's loyalty system where known; null for callers who are not members or not yet matched. */
    memberLevel: text('member_level', { enum: ['regular', 'silver', 'gold', 'platinum'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('customers_phone_idx').on(t.phone),
    // Callers and screen pops often give only the last four digits.
    index('customers_phone_last4_idx').on(sql`right(${t.phone}, 4)`),
  ],
);

/**
 * A customer's delivery addresses, each with its point (GCJ-02) and how that point was found, so
 * the agent knows how far to trust it: a map link or pin is exact, a street or district is not.
 */
export const customerAddresses = pgTable(
  'customer_addresses',
  {
    id: text('id').primaryKey(),
    customerId: text('customer_id').notNull().references(() => customers.id),
    /** What the customer calls it: 家, 公司 … */
    label: text('label').notNull(),
    /** The whole address as stores and clerks read it, city and district first. */
    text: text('text').notNull(),
    district: text('district').notNull(),
    lat: doublePrecision('lat').notNull(),
    lng: doublePrecision('lng').notNull(),
    howLocated: text('how_located', { enum: ['street', 'district', 'map_link', 'pin', 'demo'] }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('customer_addresses_customer_idx').on(t.customerId, t.createdAt)],
);

/**
 * Per-store change counter. Bumped inside every transaction that changes what a store sees;
 * the row lock orders those commits, so versions are monotonic in commit order (unlike a sequence).
 */
export const storeVersions = pgTable('store_versions', {
  storeId: text('store_id').primaryKey().references(() => stores.id),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
});

export const orders = pgTable(
  'orders',
  {
    id: text('id').primaryKey(),
    number: text('number').notNull().unique(),
    status: text('status').notNull(),
    storeId: text('store_id').references(() => stores.id),
    customerId: text('customer_id').notNull().references(() => customers.id),
    /** The whole domain order, validated by orderSchema on the way in and out. */
    data: jsonb('data').$type<Order>().notNull(),
    /** The store's version at this order's last change; 0 while no store holds it. */
    storeVersion: bigint('store_version', { mode: 'number' }).notNull().default(0),
    /** The open offer's expiry, for the expiry timer's index; null unless offered. */
    offerExpiresAt: timestamp('offer_expires_at', { withTimezone: true }),
    /**
     * Where a returned order stands with dispatch (docs/dispatch.md DS5-DS8): 'returned' (declined or
     * expired, waiting for the re-dispatcher), 'needs_dispatcher' (a person chooses), 'no_candidate'
     * (flagged: no store can take it); null otherwise.
     */
    dispatchState: text('dispatch_state', { enum: ['returned', 'needs_dispatcher', 'no_candidate'] }),
    /** How the order came in: taken on the phone by an agent, or sent by the chain's web shop. */
    channel: text('channel', { enum: ['phone', 'web'] }).notNull().default('phone'),
    /** The telephone system's id of the call the order was taken in. */
    callId: text('call_id'),
    /**
     * The head-office person who owns the order until the customer has it (一单责任制); set when the
     * order is taken, moved only by a hand-over (orders/ownership.ts). Never null (docs/board.md BD1).
     */
    ownerUserId: text('owner_user_id').notNull().references(() => users.id),
    /** 'pending' while a web-shop order waits for review; 'confirm_by_phone' while it waits on the call list. */
    reviewState: text('review_state', { enum: ['pending', 'confirm_by_phone'] }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    /** When the order entered its current status: the board's "time in the state" (docs/board.md BD3). */
    statusSince: timestamp('status_since', { withTimezone: true }).notNull().defaultNow(),
    /** The delivery time promised at intake (also in data): a column, so the board never unpacks data for 5,000 rows. */
    promisedAt: timestamp('promised_at', { withTimezone: true }),
  },
  (t) => [
    index('orders_store_idx').on(t.storeId, t.storeVersion),
    index('orders_status_idx').on(t.status, t.updatedAt),
    index('orders_offer_due_idx').on(t.offerExpiresAt).where(sql`status = 'offered'`),
    index('orders_dispatch_state_idx').on(t.dispatchState).where(sql`dispatch_state IS NOT NULL`),
    index('orders_owner_idx').on(t.ownerUserId, t.status),
    // The review queue and call list (docs/webshop.md WS12): few rows, read often by every console's badge.
    index('orders_review_idx').on(t.reviewState, t.createdAt).where(sql`review_state IS NOT NULL`),
    // The board reads only open orders: this keeps it off the ever-growing closed history.
    index('orders_open_idx').on(t.statusSince).where(sql`status NOT IN ('closed', 'cancelled')`),
    // The customer's file lists their open and past orders.
    index('orders_customer_idx').on(t.customerId, t.createdAt),
  ],
);

/** Every transition that happened, who made it and when: the order's history. */
export const orderEvents = pgTable(
  'order_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: text('order_id').notNull().references(() => orders.id),
    type: text('type').notNull(),
    actorUserId: text('actor_user_id'),
    fromStatus: text('from_status').notNull(),
    toStatus: text('to_status').notNull(),
    payload: jsonb('payload').notNull().default(sql`'{}'::jsonb`),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('order_events_order_idx').on(t.orderId, t.id)],
);

/** Feeds the human-readable order number (D20261123-00042). */
export const orderNumberSeq = pgSequence('order_number_seq', { startWith: 1 });

/** One row per device: its store and the last mutation applied, advanced in the mutation's own transaction. */
export const syncClients = pgTable('sync_clients', {
  clientId: text('client_id').primaryKey(),
  storeId: text('store_id').notNull().references(() => stores.id),
  lastMutationId: bigint('last_mutation_id', { mode: 'number' }).notNull().default(0),
  lastUserId: text('last_user_id'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  /** What the device last said it still had to send (docs/sync-protocol.md SY48). */
  reportedDepth: integer('reported_depth').notNull().default(0),
  reportedOrderIds: jsonb('reported_order_ids').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
  reportedAt: timestamp('reported_at', { withTimezone: true }),
});

/** The outcome of every applied mutation, so a replay is answered with the original result. */
export const syncOutcomes = pgTable(
  'sync_outcomes',
  {
    clientId: text('client_id').notNull().references(() => syncClients.clientId),
    mutationId: bigint('mutation_id', { mode: 'number' }).notNull(),
    status: text('status', { enum: ['applied', 'rejected'] }).notNull(),
    rejection: jsonb('rejection').$type<{ reason: string; message: string }>(),
    /** SHA-256 of the mutation's name, version and args: a replay is answered only when it matches. */
    actionHash: text('action_hash'),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.clientId, t.mutationId] })],
);

/** Orders that left a store (declined, re-dispatched), at the store version they left: pull turns these into deletes. */
export const storeOrderRemovals = pgTable(
  'store_order_removals',
  {
    storeId: text('store_id').notNull().references(() => stores.id),
    orderId: text('order_id').notNull().references(() => orders.id),
    version: bigint('version', { mode: 'number' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.storeId, t.orderId, t.version] }), index('store_order_removals_idx').on(t.storeId, t.version)],
);

/** The delivery code itself (收货码), for head office to read to the customer; stores get only a salted hash. */
export const deliveryCodes = pgTable('delivery_codes', {
  orderId: text('order_id').primaryKey().references(() => orders.id),
  code: text('code').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** Messages to customers, waiting for an SMS gateway to send them (it reads unsent rows and stamps sent_at). */
export const outgoingMessages = pgTable(
  'outgoing_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    phone: text('phone').notNull(),
    body: text('body').notNull(),
    orderId: text('order_id').references(() => orders.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [index('outgoing_messages_unsent_idx').on(t.sentAt, t.id)],
);

/**
 * Proof photos and signatures, by content hash; the bytes live in the blob store (disk by default).
 * A row exists once every byte arrived and matched its hash. Readable by head office and the store.
 */
export const proofBlobs = pgTable('proof_blobs', {
  sha256: text('sha256').primaryKey(),
  storeId: text('store_id').notNull().references(() => stores.id),
  contentType: text('content_type').notNull(),
  bytes: integer('bytes').notNull(),
  uploadedBy: text('uploaded_by').notNull().references(() => users.id),
  storedAt: timestamp('stored_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * What happened to an offer, for the dispatcher's live notices: a store declined (with its reason) or
 * let it expire, and what the re-dispatcher did next (re-offered, suggested a store, found none).
 */
export const dispatchNotices = pgTable(
  'dispatch_notices',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    orderId: text('order_id').notNull().references(() => orders.id),
    kind: text('kind', { enum: ['declined', 'expired', 'short_redispatch'] }).notNull(),
    /** The store that let the order go. */
    storeId: text('store_id').notNull().references(() => stores.id),
    /** The store's decline reason code, when it gave one. */
    reason: text('reason'),
    outcome: text('outcome', { enum: ['reoffered', 'needs_dispatcher', 'no_candidate'] }).notNull(),
    /** The store it was re-offered to, or the one suggested to the dispatcher. */
    nextStoreId: text('next_store_id').references(() => stores.id),
    at: timestamp('at', { withTimezone: true }).notNull(),
  },
  (t) => [index('dispatch_notices_at_idx').on(t.at)],
);

/**
 * Idempotency keys of callers of the plain HTTP APIs (the web shop): one row per key and caller, so a
 * retried request finds the order it made instead of making another (docs/webshop.md WS3-WS5). The
 * primary key serialises concurrent requests with one key: the second insert waits for the first's
 * commit and then finds its row.
 */
export const idempotencyKeys = pgTable(
  'idempotency_keys',
  {
    /** Whose key it is ('webshop'): two callers may choose the same key without meeting. */
    scope: text('scope').notNull(),
    key: text('key').notNull(),
    /** SHA-256 of the request as understood (canonical JSON): the same key with another body is refused. */
    requestSha256: text('request_sha256').notNull(),
    orderId: text('order_id').references(() => orders.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/** What the web shop sent with an order beyond the order itself: its own order number and the customer's note. */
export const webOrders = pgTable('web_orders', {
  orderId: text('order_id').primaryKey().references(() => orders.id),
  /** The web shop's own reference; one order per reference, whatever the idempotency key. */
  shopReference: text('shop_reference').notNull().unique(),
  /** The name the customer typed in the shop; the order carries the name on file when the phone was known. */
  customerName: text('customer_name').notNull(),
  note: text('note'),
  district: text('district'),
  /** Why the reviewer wants the customer called (确认), set with review_state 'confirm_by_phone'. */
  confirmReason: text('confirm_reason'),
  reviewedBy: text('reviewed_by').references(() => users.id),
  reviewedAt: timestamp('reviewed_at', { withTimezone: true }),
});

/**
 * Which head-office agent sits at which telephone extension (分机), so a ringing call pops on the
 * right screen in whichever server process that agent's console is connected to (docs/cti.md CT4).
 * One agent per extension, one extension per agent.
 */
export const ctiExtensions = pgTable('cti_extensions', {
  extension: text('extension').primaryKey(),
  userId: text('user_id').notNull().unique().references(() => users.id),
  since: timestamp('since', { withTimezone: true }).notNull(),
});

/**
 * Every incoming call the telephone system announced (docs/cti.md). The unique call id is what
 * refuses a replayed webhook (CT6); an order taken during the call carries the same `call_id`.
 */
export const ctiCalls = pgTable(
  'cti_calls',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    callId: text('call_id').notNull().unique(),
    /** The caller as the switch sent it, and as head office looks it up (an 11-digit mobile, or a landline). */
    callerRaw: text('caller_raw').notNull(),
    caller: text('caller').notNull(),
    called: text('called').notNull(),
    extension: text('extension').notNull(),
    /** The agent at the extension when the call came in; null when nobody was (the call is still kept). */
    agentUserId: text('agent_user_id').references(() => users.id),
    receivedAt: timestamp('received_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('cti_calls_agent_idx').on(t.agentUserId, t.receivedAt)],
);
