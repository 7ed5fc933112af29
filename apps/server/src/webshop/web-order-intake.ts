import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import { distanceKm, toGtin14, type DeliveryAddress, type Order, type WebShopOrderInput } from '@repo/domain';
import type { Database, Transaction } from '../db/database.js';
import { idempotencyKeys, orders, products, stores, users, webOrders } from '../db/schema.js';
import type { DeliveryTermsConfig } from '../orders/delivery-terms.js';
import { takeOrder } from '../orders/take-order.js';
import type { FieldProblem } from '../stock/stock-counts.js';
import { findOrFileWebCustomer } from './web-customer.js';

/** Idempotency keys of the web shop live under this scope (another caller would have its own). */
export const webShopScope = 'webshop';
/** The 'create' history entry of a web order names no person: the timeline shows it as the system's. */
export const webShopActorId = 'webshop';

/** What the web shop is told about its order: never more (docs/webshop.md WS2). */
export interface WebOrderReceipt {
  readonly orderId: string;
  readonly number: string;
  readonly status: Order['status'];
  readonly review: 'pending' | 'confirm_by_phone' | 'approved';
}

export type WebIntakeOutcome =
  | { readonly kind: 'created' | 'replayed'; readonly receipt: WebOrderReceipt }
  | { readonly kind: 'key_reused' }
  | { readonly kind: 'duplicate_order'; readonly number: string }
  | { readonly kind: 'bad_input'; readonly problems: readonly FieldProblem[] }
  | { readonly kind: 'no_owner' };

export interface ReceiveWebOrderArgs {
  readonly db: Database;
  readonly idempotencyKey: string;
  readonly input: WebShopOrderInput;
  /** Username of the head-office person who owns web orders until a reviewer takes them (WEBSHOP_OWNER). */
  readonly ownerUsername: string;
  readonly config: DeliveryTermsConfig;
  readonly now: Date;
}

/**
 * Takes a web-shop order once per idempotency key (WS3-WS5): the key is claimed first, in the
 * order's own transaction, so concurrent requests with one key queue on its primary key and all but
 * the first find the first one's order. Nothing is written unless the whole order is good.
 */
export async function receiveWebOrder(args: ReceiveWebOrderArgs): Promise<WebIntakeOutcome> {
  const fingerprint = sha256(canonicalJson(args.input));
  try {
    return await args.db.transaction(async (tx) => {
      const claimed = await tx.insert(idempotencyKeys)
        .values({ scope: webShopScope, key: args.idempotencyKey, requestSha256: fingerprint, createdAt: args.now })
        .onConflictDoNothing().returning({ key: idempotencyKeys.key });
      if (claimed.length === 0) return answerRepeat(tx, args.idempotencyKey, fingerprint);
      return createWebOrder(tx, args);
    });
  } catch (error) {
    // Thrown to roll the whole order back; answered here, after the rollback.
    if (error instanceof WebOrderRefused) return error.outcome;
    throw error;
  }
}

async function createWebOrder(tx: Transaction, args: ReceiveWebOrderArgs): Promise<WebIntakeOutcome> {
  const { input } = args;
  const [owner] = await tx.select({ id: users.id }).from(users).where(and(eq(users.username, args.ownerUsername), eq(users.role, 'hq'))).limit(1);
  if (!owner) throw new WebOrderRefused({ kind: 'no_owner' });
  const earlier = await orderOfReference(tx, input.webOrderNumber);
  if (earlier) throw new WebOrderRefused({ kind: 'duplicate_order', number: earlier });
  const address = deliveryAddressOf(input);
  const { lines, problems: lineProblems } = await resolveLines(tx, input);
  const problems = [...(await serviceAreaProblems(tx, address)), ...lineProblems];
  if (problems.length) throw new WebOrderRefused({ kind: 'bad_input', problems });
  const customer = await findOrFileWebCustomer(tx, input.customer, address);
  const order = await takeOrder({
    db: tx as unknown as Database, now: args.now, config: args.config, actorUserId: webShopActorId,
    input: { customerId: customer.id, address, lines, paymentMethod: input.paymentMethod },
    intake: { channel: 'web', review: 'pending', ownerUserId: owner.id },
    alsoInTransaction: async (inner, saved) => {
      await inner.update(idempotencyKeys).set({ orderId: saved.id })
        .where(and(eq(idempotencyKeys.scope, webShopScope), eq(idempotencyKeys.key, args.idempotencyKey)));
      // Another key with the same shop reference may have committed since the check above: its row wins.
      const recorded = await inner.insert(webOrders)
        .values({ orderId: saved.id, shopReference: input.webOrderNumber, customerName: input.customer.name, note: input.note || null, district: input.address.district ?? null })
        .onConflictDoNothing({ target: webOrders.shopReference }).returning({ orderId: webOrders.orderId });
      if (recorded.length === 0) throw new WebOrderRefused({ kind: 'duplicate_order', number: input.webOrderNumber });
    },
  });
  return { kind: 'created', receipt: { orderId: order.id, number: order.number, status: order.status, review: 'pending' } };
}

/** The key was used before: the same request gets the same order; another request under it is refused. */
async function answerRepeat(tx: Transaction, key: string, fingerprint: string): Promise<WebIntakeOutcome> {
  const [row] = await tx.select({ sha: idempotencyKeys.requestSha256, orderId: idempotencyKeys.orderId }).from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, webShopScope), eq(idempotencyKeys.key, key)));
  if (!row || row.sha !== fingerprint || !row.orderId) return { kind: 'key_reused' };
  const receipt = await receiptOf(tx, row.orderId);
  return receipt ? { kind: 'replayed', receipt } : { kind: 'key_reused' };
}

/** The order as it stands now: a retry after a review or a cancel sees that. */
async function receiptOf(tx: Transaction, orderId: string): Promise<WebOrderReceipt | null> {
  const [row] = await tx.select({ number: orders.number, status: orders.status, review: orders.reviewState }).from(orders).where(eq(orders.id, orderId));
  return row ? { orderId, number: row.number, status: row.status as Order['status'], review: row.review ?? 'approved' } : null;
}

async function orderOfReference(tx: Transaction, reference: string): Promise<string | null> {
  const [row] = await tx.select({ number: orders.number }).from(webOrders).innerJoin(orders, eq(orders.id, webOrders.orderId))
    .where(eq(webOrders.shopReference, reference));
  return row?.number ?? null;
}

/** The shop's address with its district in front when the text leaves it out, so a rider reads one line. */
function deliveryAddressOf(input: WebShopOrderInput): DeliveryAddress {
  const { text, district, lat, lng } = input.address;
  return { text: district && !text.includes(district) ? `${district} ${text}`.slice(0, 200) : text, lat, lng };
}

/** A pin no store of the chain delivers to is refused now, not found out by the dispatcher later (WS7). */
async function serviceAreaProblems(tx: Transaction, address: DeliveryAddress): Promise<FieldProblem[]> {
  const all = await tx.select({ lat: stores.lat, lng: stores.lng, radiusM: stores.deliveryRadiusM }).from(stores);
  const served = all.some((s) => distanceKm(s, address) * 1000 <= s.radiusM);
  return served ? [] : [{ path: 'address', message: 'This map pin is outside the area the chain delivers to (no store within its delivery radius).' }];
}

/** Lines by GTIN or product id, turned into the chain's products; every unknown or repeated product is named. */
async function resolveLines(tx: Transaction, input: WebShopOrderInput) {
  const gtins = input.lines.flatMap((l) => ('gtin' in l ? [toGtin14(l.gtin)] : []));
  const ids = input.lines.flatMap((l) => ('productId' in l ? [l.productId] : []));
  const found = await tx.select({ id: products.id, gtin14: sql<string>`lpad(${products.gtin}, 14, '0')` }).from(products)
    .where(sql`${products.id} IN (SELECT jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb)) OR lpad(${products.gtin}, 14, '0') IN (SELECT jsonb_array_elements_text(${JSON.stringify(gtins)}::jsonb))`);
  const byGtin = new Map(found.map((p) => [p.gtin14, p.id]));
  const byId = new Set(found.map((p) => p.id));
  const problems: FieldProblem[] = [];
  const lines: { productId: string; quantity: number }[] = [];
  const seen = new Map<string, number>();
  input.lines.forEach((line, i) => {
    const productId = 'gtin' in line ? byGtin.get(toGtin14(line.gtin)) : byId.has(line.productId) ? line.productId : undefined;
    const field = 'gtin' in line ? `lines.${i}.gtin` : `lines.${i}.productId`;
    if (!productId) return problems.push({ path: field, message: 'No product of the chain has this code.' });
    const first = seen.get(productId);
    if (first !== undefined) return problems.push({ path: field, message: `The same product as line ${first}: send it once with the whole quantity.` });
    seen.set(productId, i);
    lines.push({ productId, quantity: line.quantity });
  });
  return { lines, problems };
}

/** Refuses the order from inside its transaction, so everything it wrote is rolled back. */
class WebOrderRefused extends Error {
  constructor(readonly outcome: WebIntakeOutcome) {
    super(outcome.kind);
  }
}

/** JSON with object keys sorted: the same request always has the same fingerprint, however it was spelt. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

