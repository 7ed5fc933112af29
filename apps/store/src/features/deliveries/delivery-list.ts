import type { DeliveryAddress, Order, OrderIn } from '@repo/domain';

/** What the clerk's list shows: the orders still to deliver first, then today's deliveries. */
export interface DeliveryList {
  /** Out for delivery, soonest promise first; orders without a promise last. */
  readonly toDeliver: readonly OrderIn<'out_for_delivery'>[];
  /** Delivered on the device's calendar day of `now`, most recent first. */
  readonly deliveredToday: readonly OrderIn<'delivered'>[];
}

/** Sorts the clerk's orders into the list (pull already returns only this clerk's orders). */
export function deliveryList(orders: readonly Order[], now: Date): DeliveryList {
  const toDeliver = orders
    .filter((o): o is OrderIn<'out_for_delivery'> => o.status === 'out_for_delivery')
    .sort(byPromise);
  const deliveredToday = orders
    .filter((o): o is OrderIn<'delivered'> => o.status === 'delivered' && isSameLocalDay(new Date(o.deliveredAt), now))
    .sort((a, b) => b.deliveredAt.localeCompare(a.deliveredAt));
  return { toDeliver, deliveredToday };
}

function byPromise(a: Order, b: Order): number {
  // ISO timestamps from one server compare as text; a missing promise sorts after every real one.
  const pa = a.promisedAt ? Date.parse(a.promisedAt) : Number.POSITIVE_INFINITY;
  const pb = b.promisedAt ? Date.parse(b.promisedAt) : Number.POSITIVE_INFINITY;
  return pa - pb || a.number.localeCompare(b.number);
}

function isSameLocalDay(a: Date, b: Date): boolean {
  return a.getFullYear() === b.getFullYear() && a.getMonth() === b.getMonth() && a.getDate() === b.getDate();
}

/** How far a promise is from now, in the unit Intl.RelativeTimeFormat reads best (negative: late). */
export function promiseDistance(promisedAt: string, now: Date): { value: number; unit: 'minute' | 'hour' } {
  const minutes = Math.round((Date.parse(promisedAt) - now.getTime()) / 60_000);
  return Math.abs(minutes) < 90 ? { value: minutes, unit: 'minute' } : { value: Math.round(minutes / 60), unit: 'hour' };
}

/**
 * Two ways to the door: a geo: URI that Android hands to whichever map app is installed, and
 * 高德 (Amap)'s web marker for a phone without one. Amap takes longitude first.
 */
export function mapLinks(address: DeliveryAddress): { geo: string; web: string } {
  const { lat, lng, text } = address;
  return {
    geo: `geo:${lat},${lng}?q=${lat},${lng}(${encodeURIComponent(text)})`,
    web: `https://uri.amap.com/marker?position=${lng},${lat}&name=${encodeURIComponent(text)}&callnative=1`,
  };
}

/** Whole seconds left to undo a close, 0 once the window has passed (or when there is none). */
export function undoSecondsLeft(order: OrderIn<'delivered'>, now: number): number {
  if (!order.undoUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(order.undoUntil) - now) / 1000));
}
