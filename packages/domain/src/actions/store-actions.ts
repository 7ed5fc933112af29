import { z } from 'zod';
import { declineReasons, type OrderEvent } from '../order/order-event.js';

const orderId = z.string().min(1).max(64);

/**
 * What a store device can ask the server to do, as intents with versioned names. The server accepts
 * the current and the previous version of each, so a device on last week's app still syncs.
 * Each version's args upgrade to the current shape, then become one lifecycle event.
 */
export const storeActions = {
  'offer.accept': {
    current: 1,
    versions: { 1: z.object({ orderId }) },
    upgrade: (_version: number, args: { orderId: string }) => args,
    toEvent: (): OrderEvent => ({ type: 'accept' }),
  },
  'offer.decline': {
    current: 2,
    versions: {
      // v1 had no reason; those declines are recorded as 'other'.
      1: z.object({ orderId }),
      2: z.object({ orderId, reason: z.enum(declineReasons) }),
    },
    upgrade: (_version: number, args: { orderId: string; reason?: (typeof declineReasons)[number] }) => ({
      orderId: args.orderId,
      reason: args.reason ?? ('other' as const),
    }),
    toEvent: (args: { reason: (typeof declineReasons)[number] }): OrderEvent => ({ type: 'decline', reason: args.reason }),
  },
} as const;

export type StoreActionName = keyof typeof storeActions;
export const storeActionNames = Object.keys(storeActions) as StoreActionName[];

/** An action as queued on the device and sent to the server: schema-independent on purpose. */
export const storeActionSchema = z.object({
  name: z.string().min(1).max(64),
  version: z.number().int().min(1).max(99),
  args: z.unknown(),
});
export type StoreAction = z.infer<typeof storeActionSchema>;

export type DecodedAction =
  | { readonly ok: true; readonly orderId: string; readonly event: OrderEvent }
  /** `newerThanServer`: the app is newer than this code; the action is held, not lost (docs/security.md SEC46). */
  | { readonly ok: false; readonly message: string; readonly newerThanServer?: true };

/** Validates an action against its versioned schema and turns it into the order event it means. */
export function decodeStoreAction(action: StoreAction): DecodedAction {
  // Own properties only: `constructor` or `__proto__` must be unknown, not found on Object.prototype.
  const spec = Object.hasOwn(storeActions, action.name) ? storeActions[action.name as StoreActionName] : undefined;
  if (!spec) return { ok: false, message: `Unknown action ${JSON.stringify(action.name)}.` };
  if (action.version > spec.current) {
    return {
      ok: false,
      newerThanServer: true,
      message: `Version ${action.version} of ${action.name} is newer than this server knows: the server is older than the app. The action is kept and sent again after the server is updated.`,
    };
  }
  if (action.version < spec.current - 1) {
    return { ok: false, message: `Version ${action.version} of ${action.name} is no longer accepted; update the app.` };
  }
  const schema = (spec.versions as Record<number, z.ZodType | undefined>)[action.version];
  const parsed = schema?.safeParse(action.args);
  if (!parsed?.success) return { ok: false, message: `Invalid arguments for ${action.name} v${action.version}.` };
  const args = (spec.upgrade as (v: number, a: unknown) => { orderId: string })(action.version, parsed.data);
  return { ok: true, orderId: args.orderId, event: (spec.toEvent as (a: unknown) => OrderEvent)(args) };
}
