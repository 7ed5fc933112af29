// The names alone, apart from the versioned schemas (store-actions.ts checks that both list the
// same actions), for screens that name an action without loading zod.

/** Every action a store device can queue, by its versioned name. */
export const storeActionNames = [
  'offer.accept',
  'offer.decline',
  'pick.start',
  'pick.report_short',
  'pick.finish',
  'handoff.assign',
  'delivery.close',
  'delivery.undo_close',
  'delivery.fail',
  'return.confirm',
  'return.retry',
] as const;
export type StoreActionName = (typeof storeActionNames)[number];
