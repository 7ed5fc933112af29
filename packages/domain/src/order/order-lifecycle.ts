import type { Actor, ActorRole } from '../actor.js';
import { ok, reject, type Result } from '../rejections.js';
import type { EventOf, OrderEvent, OrderEventType } from './order-event.js';
import { deliveryCodeMatches } from './delivery-code.js';
import {
  baseOf, clerkOf, failureReasonsNeedingPhoto, proofPolicyOf, storeOf,
  type DeliveryFailureReason, type DeliveryProof, type Order, type OrderIn, type OrderLine, type Payment, type PickedLine,
} from './order.js';
import type { OrderStatus } from './order-status.js';

/** What a transition knows besides the order and the event. */
export interface TransitionContext {
  readonly actor: Actor;
  readonly now: Date;
}

/** One lifecycle step that happened: what the order was, what happened to it, what it became. */
export interface OrderTransition {
  readonly before: Order;
  readonly after: Order;
  readonly event: OrderEvent;
  /** The person who made it; null for the system. */
  readonly actorUserId: string | null;
  /** When the person did it by their device's clock (as the device sent it), beside the server's time. */
  readonly deviceAt?: string;
}

interface Rule<T extends OrderEventType, S extends OrderStatus> {
  /** Rule id, as written in docs/order-lifecycle.md. */
  readonly id: string;
  readonly from: readonly S[];
  readonly by: readonly ActorRole[];
  readonly apply: (order: OrderIn<S>, event: EventOf<T>, ctx: TransitionContext) => Result<Order>;
}

type Rules = { readonly [T in OrderEventType]: Rule<T, OrderStatus> };

/**
 * The order lifecycle: the only place that decides whether an event may happen to an order.
 * Client (optimistic) and server (authoritative) both call it. Checks run in a fixed order:
 * role, then store, then state, so a caller from another store learns nothing about the order.
 */
export function transition(order: Order, event: OrderEvent, ctx: TransitionContext): Result<Order> {
  const rule = lifecycleRules[event.type] as Rule<OrderEventType, OrderStatus>;
  if (!rule.by.includes(ctx.actor.role)) {
    return reject('ROLE_NOT_ALLOWED', `A ${ctx.actor.role} may not ${event.type} an order.`, { event: event.type });
  }
  if (!visibleTo(order, ctx.actor)) {
    return reject('WRONG_STORE', 'This order is not assigned to your store.');
  }
  if (!rule.from.includes(order.status)) {
    return reject('TRANSITION_NOT_ALLOWED', `An order that is ${order.status} cannot ${event.type}.`, {
      status: order.status,
      event: event.type,
    });
  }
  const next = rule.apply(order as never, event as never, ctx);
  return next.ok ? ok({ ...next.value, updatedAt: ctx.now.toISOString() } as Order) : next;
}

/** Which events `actor` could apply to `order` right now: drives the buttons a screen shows. */
export function allowedEvents(order: Order, actor: Actor): OrderEventType[] {
  return (Object.keys(lifecycleRules) as OrderEventType[]).filter((type) => {
    const rule = lifecycleRules[type];
    if (!rule.by.includes(actor.role) || !rule.from.includes(order.status)) return false;
    return visibleTo(order, actor);
  });
}

/**
 * Whether `actor` may see the order at all: head office sees every order, a manager their store's,
 * a clerk only the orders handed to them. Anything else is answered exactly like an order that does
 * not exist, so nobody learns about another store's or another clerk's orders.
 */
export function visibleTo(order: Order, actor: Actor): boolean {
  if (actor.role === 'hq' || actor.role === 'system') return true;
  if (storeOf(order) !== actor.storeId) return false;
  return actor.role === 'store_manager' || clerkOf(order) === actor.userId;
}

/** The undo window when the order's policy does not set one. */
export const defaultUndoWindowSeconds = 120;

const storeRoles: readonly ActorRole[] = ['store_manager'];
const cancellable = [
  'received', 'offered', 'accepted', 'picking', 'short', 'picked', 'out_for_delivery', 'returned_to_store',
] as const satisfies readonly OrderStatus[];

/** The rules themselves; ids match docs/order-lifecycle.md. */
export const lifecycleRules: Rules = {
  offer: rule('OL1', ['received'], ['hq', 'system'], (order, event) => {
    if (order.declinedBy.includes(event.storeId)) {
      return reject('STORE_ALREADY_DECLINED', 'That store already declined this order; choose another store.');
    }
    return ok({ ...baseOf(order), status: 'offered', storeId: event.storeId, offerExpiresAt: event.offerExpiresAt });
  }),
  accept: rule('OL2', ['offered'], storeRoles, (order, _event, { now }) => {
    if (now >= new Date(order.offerExpiresAt)) {
      return reject('OFFER_EXPIRED', 'The offer expired before it was accepted; head office will dispatch again.');
    }
    return ok({ ...baseOf(order), status: 'accepted', storeId: order.storeId });
  }),
  decline: rule('OL3', ['offered'], storeRoles, (order) => ok(backToDispatch(order))),
  expire_offer: rule('OL4', ['offered'], ['system', 'hq'], (order, _event, { now }) => {
    if (now < new Date(order.offerExpiresAt)) {
      return reject('OFFER_STILL_OPEN', 'The offer has not expired yet.');
    }
    return ok(backToDispatch(order));
  }),
  start_pick: rule('OL5', ['accepted'], storeRoles, (order, event, { actor }) =>
    ok({
      ...baseOf(order), status: 'picking', storeId: order.storeId,
      ...(event.device && 'userId' in actor ? { picker: { userId: actor.userId, device: event.device } } : {}),
    }),
  ),
  report_short: rule('OL6', ['picking'], storeRoles, (order, event) => {
    if (pickedElsewhere(order, event.device)) return rejectOtherDevice(order);
    const available = new Map(event.available.map((a) => [a.productId, a.quantity]));
    const lines = order.lines.map((line) => ({
      ...line,
      confirmedQuantity: Math.min(line.quantity, available.get(line.productId) ?? line.confirmedQuantity),
    }));
    if (lines.every((line) => line.confirmedQuantity >= line.quantity)) {
      return reject('NOTHING_SHORT', 'Every line has enough stock; nothing is short.');
    }
    return ok({ ...baseOf(order), lines, status: 'short', storeId: order.storeId });
  }),
  resolve_short: rule('OL7', ['short'], ['hq'], (order, event) => {
    switch (event.resolution) {
      case 'partial':
        // Sending less than was ordered is the customer's call, so their answer is kept with the decision.
        if (!event.note) return reject('INVALID_INPUT', 'A partial delivery needs the customer\'s answer to the confirmation call.');
        return ok({ ...baseOf(order), ...paymentFor(order, order.lines), status: 'picking', storeId: order.storeId });
      case 'substitute':
        if (!event.lines) return reject('INVALID_INPUT', 'A substitute needs the replacement lines.');
        return ok({ ...baseOf(order), lines: event.lines, ...paymentFor(order, event.lines), status: 'picking', storeId: order.storeId });
      case 'redispatch': {
        const lines = order.lines.map((line) => ({ ...line, confirmedQuantity: line.quantity }));
        return ok({ ...backToDispatch(order), lines });
      }
    }
  }),
  finish_pick: rule('OL8', ['picking'], storeRoles, (order, event) => {
    if (pickedElsewhere(order, event.device)) return rejectOtherDevice(order);
    const checked = event.picked ? checkPicked(order, event.picked) : ok(undefined);
    if (!checked.ok) return checked;
    return ok({ ...baseOf(order), status: 'picked', storeId: order.storeId, ...(event.picked ? { picked: event.picked } : {}) });
  }),
  hand_off: rule('OL9', ['picked'], storeRoles, (order, event) => {
    if (event.clerk.storeId !== order.storeId) return reject('WRONG_STORE', 'That clerk works at another store.');
    return ok({ ...baseOf(order), status: 'out_for_delivery', storeId: order.storeId, clerkId: event.clerk.userId });
  }),
  deliver: rule('OL10', ['out_for_delivery'], ['store_manager', 'clerk'], (order, event, { now }) => {
    const proof = proofOf(order, event);
    if (!proof.ok) return proof;
    // The door's time, as the device saw it; never later than the server's clock.
    const at = event.at && new Date(event.at) < now ? new Date(event.at) : now;
    const undoSeconds = proofPolicyOf(order).undoWindowSeconds ?? defaultUndoWindowSeconds;
    return ok({
      ...baseOf(order), status: 'delivered', storeId: order.storeId, clerkId: order.clerkId,
      deliveredAt: at.toISOString(), proof: proof.value, undoUntil: new Date(at.getTime() + undoSeconds * 1000).toISOString(),
    });
  }),
  undo_deliver: rule('OL19', ['delivered'], ['store_manager', 'clerk'], (order, event) => {
    // Judged on the time of the tap, so an undo made in time offline still counts when it syncs.
    if (!order.undoUntil || new Date(event.at) > new Date(order.undoUntil)) {
      return reject('UNDO_WINDOW_PASSED', 'The close can no longer be undone; call head office.');
    }
    return ok({ ...baseOf(order), status: 'out_for_delivery', storeId: order.storeId, clerkId: order.clerkId });
  }),
  fail_delivery: rule('OL11', ['out_for_delivery'], ['store_manager', 'clerk'], (order, event) => {
    if (failureReasonsNeedingPhoto.includes(event.reason as DeliveryFailureReason) && !event.photo) {
      return reject('PROOF_MISSING', 'This reason needs a photo taken at the door.', { missing: 'photo' });
    }
    return ok({
      ...baseOf(order), status: 'returned_to_store', storeId: order.storeId, clerkId: order.clerkId, failureReason: event.reason,
      ...(event.note ? { failureNote: event.note } : {}),
      ...(event.photo ? { failurePhoto: event.photo } : {}),
    });
  }),
  confirm_return: rule('OL20', ['returned_to_store'], storeRoles, (order, event) => {
    if (order.goodsBackAt) return reject('TRANSITION_NOT_ALLOWED', 'The goods were already confirmed back.', { status: order.status });
    return ok({ ...order, goodsBackAt: event.at });
  }),
  retry_delivery: rule('OL12', ['returned_to_store'], storeRoles, (order, event) => {
    if (event.clerk.storeId !== order.storeId) return reject('WRONG_STORE', 'That clerk works at another store.');
    if (!order.goodsBackAt) return reject('GOODS_NOT_BACK', 'Scan the bag label or the items to confirm the goods are back first.');
    return ok({ ...baseOf(order), status: 'out_for_delivery', storeId: order.storeId, clerkId: event.clerk.userId });
  }),
  close: rule('OL13', ['delivered', 'out_for_delivery'], ['hq'], (order, _event, { now }) =>
    ok({
      ...baseOf(order),
      status: 'closed',
      storeId: order.storeId,
      closedAt: now.toISOString(),
      // Closed without a delivery recorded on the device: the store's end-of-day batch is the proof.
      closedVia: order.status === 'delivered' ? 'device' : 'batch',
      // A closed order still answers "how do we know it arrived?".
      ...(order.status === 'delivered' ? { deliveredAt: order.deliveredAt, ...(order.proof ? { proof: order.proof } : {}) } : {}),
    }),
  ),
  cancel: rule('OL14', cancellable, ['hq'], (order, event) =>
    ok({ ...baseOf(order), status: 'cancelled', storeId: storeOf(order), cancelReason: event.reason }),
  ),
};

function rule<T extends OrderEventType, S extends OrderStatus>(
  id: string,
  from: readonly S[],
  by: readonly ActorRole[],
  apply: Rule<T, S>['apply'],
): Rule<T, OrderStatus> {
  return { id, from, by, apply } as unknown as Rule<T, OrderStatus>;
}

function pickedElsewhere(order: OrderIn<'picking'>, device: string | undefined): boolean {
  return order.picker !== undefined && device !== undefined && order.picker.device !== device;
}

function rejectOtherDevice(order: OrderIn<'picking'>): Result<never> {
  return reject('PICK_ON_OTHER_DEVICE', 'Another handheld of the store is picking this order.', { userId: order.picker?.userId ?? '' });
}

/** A finished pick must match the order line by line: every unit the store confirmed, no more, nothing else. */
function checkPicked(order: Order, picked: readonly PickedLine[]): Result<undefined> {
  const byProduct = new Map(picked.map((p) => [p.productId, p]));
  if (byProduct.size !== picked.length || picked.some((p) => !order.lines.some((l) => l.productId === p.productId))) {
    return reject('PICK_MISMATCH', 'The pick names a product that is not on the order.');
  }
  for (const line of order.lines) {
    const got = byProduct.get(line.productId);
    const quantity = got?.quantity ?? 0;
    if (quantity > line.confirmedQuantity) {
      return reject('PICK_MISMATCH', `More ${line.name} picked than ordered.`, { productId: line.productId });
    }
    if (quantity < line.confirmedQuantity) {
      return reject('PICK_INCOMPLETE', `${line.name} is not fully picked; pick it or report it short.`, { productId: line.productId });
    }
    if (got && got.lots.reduce((sum, lot) => sum + lot.quantity, 0) > quantity) {
      return reject('PICK_MISMATCH', `The lots of ${line.name} add up to more than was picked.`, { productId: line.productId });
    }
  }
  return ok(undefined);
}

/** The proof the order's policy asks for, checked at the door (the code against its salted hash). */
function proofOf(order: OrderIn<'out_for_delivery'>, event: EventOf<'deliver'>): Result<DeliveryProof> {
  const policy = proofPolicyOf(order);
  const needsCode = policy.code && order.deliveryCode !== undefined;
  if (needsCode && !(event.code !== undefined && deliveryCodeMatches(event.code, order.deliveryCode!))) {
    return reject('DELIVERY_CODE_WRONG', 'The delivery code does not match this order.');
  }
  const missing = policy.photo && !event.photo ? 'photo'
    : policy.signature && !event.signature ? 'signature'
      : order.payment?.method === 'on_delivery' && event.collectedFen === undefined ? 'cash' : undefined;
  if (missing) return reject('PROOF_MISSING', `The delivery needs its ${missing}.`, { missing });
  return ok({
    code: needsCode ? 'matched' : 'not_required',
    position: event.position ?? { unavailable: 'unsupported' },
    ...(event.signature ? { signature: event.signature } : {}),
    ...(event.photo ? { photo: event.photo } : {}),
    ...(event.collectedFen !== undefined ? { collectedFen: event.collectedFen } : {}),
  });
}

/**
 * What the clerk collects once the lines change: every confirmed unit at its price. Prepaid orders,
 * and lines without a price (orders taken before prices were kept), leave the amount as it was.
 */
function paymentFor(order: Order, lines: readonly OrderLine[]): { payment?: Payment } {
  if (order.payment?.method !== 'on_delivery' || lines.some((l) => l.unitPriceFen === undefined)) return order.payment ? { payment: order.payment } : {};
  return { payment: { ...order.payment, amountDueFen: lines.reduce((sum, l) => sum + l.unitPriceFen! * l.confirmedQuantity, 0) } };
}

/** Releases the order from its store so head office can offer it to another one. */
function backToDispatch(order: OrderIn<'offered' | 'short'>): OrderIn<'received'> {
  const declinedBy = order.declinedBy.includes(order.storeId) ? order.declinedBy : [...order.declinedBy, order.storeId];
  return { ...baseOf(order), declinedBy, status: 'received' };
}
