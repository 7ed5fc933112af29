import { z } from 'zod';

/** Why an order left a store's (or a clerk's) list: the device says this instead of letting it vanish. */
export const departureWhys = ['cancelled', 'redispatched', 'offer_expired', 'declined', 'reassigned', 'closed', 'gone'] as const;
export type DepartureWhy = (typeof departureWhys)[number];

export const departureSchema = z.object({
  orderId: z.string().min(1).max(64),
  orderNumber: z.string().min(1).max(32),
  why: z.enum(departureWhys),
  /** Head office's or the store's reason, where one was given (a cancel reason, a decline reason code). */
  reason: z.string().max(200).optional(),
});
export type Departure = z.infer<typeof departureSchema>;

/** One history entry as departure reasoning needs it. */
export interface DepartureEvent {
  readonly type: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/**
 * Reads an order's history forward, following which store (and clerk) held it, and returns the
 * step that took it away from `viewer`: a store, or a clerk of it. Undefined when it never left.
 */
export function departureFrom(
  events: readonly DepartureEvent[],
  viewer: { readonly storeId: string; readonly clerkId?: string },
): { why: DepartureWhy; reason?: string } | undefined {
  let store: string | null = null;
  let clerk: string | null = null;
  let ended = false;
  let left: { why: DepartureWhy; reason?: string } | undefined;
  const held = () => !ended && store === viewer.storeId && (viewer.clerkId === undefined || clerk === viewer.clerkId);
  for (const { type, payload } of events) {
    const before = held();
    if (type === 'offer') store = String(payload.storeId ?? '');
    if (type === 'hand_off' || type === 'retry_delivery') clerk = String((payload.clerk as { userId?: string } | undefined)?.userId ?? '');
    if (type === 'decline' || type === 'expire_offer' || (type === 'resolve_short' && payload.resolution === 'redispatch')) store = null;
    if (type === 'cancel' || type === 'close') ended = true;
    const after = held();
    if (before && !after) {
      const why = whyOf(type) ?? 'reassigned';
      left = typeof payload.reason === 'string' ? { why, reason: payload.reason } : { why };
    }
    if (after) left = undefined;
  }
  return left;
}

function whyOf(type: string): DepartureWhy | undefined {
  switch (type) {
    case 'cancel': return 'cancelled';
    case 'close': return 'closed';
    case 'decline': return 'declined';
    case 'expire_offer': return 'offer_expired';
    case 'resolve_short': return 'redispatched';
    default: return undefined;
  }
}
