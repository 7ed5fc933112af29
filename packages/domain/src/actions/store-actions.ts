import { z } from 'zod';
import { declineReasons } from '../order/decline-reasons.js';
import type { OrderEvent } from '../order/order-event.js';
import { blobRefSchema, deliveryFailureReasons, doorPositionSchema, pickedLineSchema } from '../order/order.js';
import { storableText } from '../storable-text.js';
import type { StoreActionName } from './store-action-names.js';

// Also from here, where they were first defined.
export { storeActionNames, type StoreActionName } from './store-action-names.js';

const orderId = storableText({ min: 1, max: 64 });
const device = storableText({ min: 1, max: 64 });
const at = z.iso.datetime({ offset: true });
const clerk = z.object({ userId: storableText({ min: 1, max: 64 }), storeId: storableText({ min: 1, max: 64 }) });

/** An action with one version so far: its args are already the current shape. */
function firstVersion<S extends z.ZodObject<{ orderId: typeof orderId }>>(schema: S, toEvent: (args: z.infer<S>) => OrderEvent) {
  return { current: 1, versions: { 1: schema }, upgrade: (_version: number, args: z.infer<S>) => args, toEvent };
}

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
  /** The manager starts picking on this handheld; the pick belongs to this device from now on. */
  'pick.start': firstVersion(z.object({ orderId, device }), (a) => ({ type: 'start_pick', device: a.device })),
  'pick.report_short': firstVersion(
    z.object({ orderId, device, available: z.array(z.object({ productId: orderId, quantity: z.number().int().min(0).max(999) })).min(1).max(100) }),
    (a) => ({ type: 'report_short', device: a.device, available: a.available }),
  ),
  /** The whole pick at once, with lots and expiry dates per line; the scans themselves stay on the device. */
  'pick.finish': firstVersion(z.object({ orderId, device, picked: z.array(pickedLineSchema).min(1).max(100) }), (a) => ({
    type: 'finish_pick', device: a.device, picked: a.picked,
  })),
  'handoff.assign': firstVersion(z.object({ orderId, clerk }), (a) => ({ type: 'hand_off', clerk: a.clerk })),
  /** Proof travels by reference: the photo and signature bytes upload on their own, by SHA-256. */
  'delivery.close': firstVersion(
    z.object({
      orderId,
      at,
      code: z.string().max(12).optional(),
      signature: blobRefSchema.optional(),
      photo: blobRefSchema.optional(),
      position: doorPositionSchema,
      collectedFen: z.number().int().min(0).max(10_000_000).optional(),
    }),
    ({ orderId: _orderId, ...proof }) => ({ type: 'deliver', ...proof }),
  ),
  'delivery.undo_close': firstVersion(z.object({ orderId, at }), (a) => ({ type: 'undo_deliver', at: a.at })),
  'delivery.fail': firstVersion(
    z.object({
      orderId,
      reason: z.enum(deliveryFailureReasons),
      note: storableText({ trim: true, max: 200 }).optional(),
      photo: blobRefSchema.optional(),
    }),
    ({ orderId: _orderId, ...failure }) => ({ type: 'fail_delivery', ...failure }),
  ),
  'return.confirm': firstVersion(z.object({ orderId, via: z.enum(['bag_label', 'items']), at }), (a) => ({ type: 'confirm_return', via: a.via, at: a.at })),
  'return.retry': firstVersion(z.object({ orderId, clerk }), (a) => ({ type: 'retry_delivery', clerk: a.clerk })),
} as const;

// store-action-names.ts lists the same actions: a name without a spec, or a spec without a name,
// fails to compile here.
type SameNames = [keyof typeof storeActions] extends [StoreActionName] ? ([StoreActionName] extends [keyof typeof storeActions] ? true : false) : false;
type MustBeTrue<T extends true> = T;
type _StoreActionNamesMatch = MustBeTrue<SameNames>;

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
