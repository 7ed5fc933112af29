import type { Actor, ActorRole } from '../actor.js';
import { ok, reject, type Result } from '../rejections.js';
import type { EventOf, OrderEvent, OrderEventType } from './order-event.js';
import { baseOf, storeOf, type Order, type OrderIn, type OrderStatus } from './order.js';

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
  if ((ctx.actor.role === 'store_manager' || ctx.actor.role === 'clerk') && storeOf(order) !== ctx.actor.storeId) {
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
    return !('storeId' in actor) || storeOf(order) === actor.storeId;
  });
}

const storeRoles: readonly ActorRole[] = ['store_manager'];
const cancellable = [
  'received', 'offered', 'accepted', 'picking', 'short', 'picked', 'out_for_delivery', 'returned_to_store',
] as const satisfies readonly OrderStatus[];

/** The rules themselves; ids match docs/order-lifecycle.md. */
export const lifecycleRules: Rules = {
  offer: rule('OL1', ['received'], ['hq'], (order, event) => {
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
  start_pick: rule('OL5', ['accepted'], storeRoles, (order) => ok({ ...baseOf(order), status: 'picking', storeId: order.storeId })),
  report_short: rule('OL6', ['picking'], storeRoles, (order, event) => {
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
        return ok({ ...baseOf(order), status: 'picking', storeId: order.storeId });
      case 'substitute':
        if (!event.lines) return reject('INVALID_INPUT', 'A substitute needs the replacement lines.');
        return ok({ ...baseOf(order), lines: event.lines, status: 'picking', storeId: order.storeId });
      case 'redispatch': {
        const lines = order.lines.map((line) => ({ ...line, confirmedQuantity: line.quantity }));
        return ok({ ...backToDispatch(order), lines });
      }
    }
  }),
  finish_pick: rule('OL8', ['picking'], storeRoles, (order) => ok({ ...baseOf(order), status: 'picked', storeId: order.storeId })),
  hand_off: rule('OL9', ['picked'], storeRoles, (order, event) => {
    if (event.clerk.storeId !== order.storeId) return reject('WRONG_STORE', 'That clerk works at another store.');
    return ok({ ...baseOf(order), status: 'out_for_delivery', storeId: order.storeId, clerkId: event.clerk.userId });
  }),
  deliver: rule('OL10', ['out_for_delivery'], ['store_manager', 'clerk'], (order, _event, { actor, now }) => {
    if (actor.role === 'clerk' && actor.userId !== order.clerkId) {
      return reject('NOT_ASSIGNED_CLERK', 'Another clerk is delivering this order.');
    }
    return ok({ ...baseOf(order), status: 'delivered', storeId: order.storeId, clerkId: order.clerkId, deliveredAt: now.toISOString() });
  }),
  fail_delivery: rule('OL11', ['out_for_delivery'], ['store_manager', 'clerk'], (order, event, { actor }) => {
    if (actor.role === 'clerk' && actor.userId !== order.clerkId) {
      return reject('NOT_ASSIGNED_CLERK', 'Another clerk is delivering this order.');
    }
    return ok({ ...baseOf(order), status: 'returned_to_store', storeId: order.storeId, clerkId: order.clerkId, failureReason: event.reason });
  }),
  retry_delivery: rule('OL12', ['returned_to_store'], storeRoles, (order, event) => {
    if (event.clerk.storeId !== order.storeId) return reject('WRONG_STORE', 'That clerk works at another store.');
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

/** Releases the order from its store so head office can offer it to another one. */
function backToDispatch(order: OrderIn<'offered' | 'short'>): OrderIn<'received'> {
  const declinedBy = order.declinedBy.includes(order.storeId) ? order.declinedBy : [...order.declinedBy, order.storeId];
  return { ...baseOf(order), declinedBy, status: 'received' };
}
