import { deliveryCodeMatches, deliveryCodePattern, type Order } from '@repo/domain';
import { db } from '../../local-db/store-db.js';
import { afterWrongCode, codeEntryState } from './code-attempts.js';

export type CodeCheck =
  | { readonly outcome: 'matched' }
  | { readonly outcome: 'wrong'; readonly triesLeft: number }
  | { readonly outcome: 'paused'; readonly until: string }
  /** Not six digits: a slip of the finger, not a guess, so it does not count as a try. */
  | { readonly outcome: 'malformed' };

/**
 * Checks what the customer said against the order's salted hash, on the device and offline.
 * Wrong tries are written to IndexedDB first, so a reload does not hand out fresh tries.
 */
export function checkDeliveryCode(order: Order, code: string, now = new Date()): Promise<CodeCheck> {
  return db.transaction('rw', db.codeAttempts, async (): Promise<CodeCheck> => {
    const attempts = await db.codeAttempts.get(order.id);
    const state = codeEntryState(attempts, now);
    if (state.paused) return { outcome: 'paused', until: state.until };
    if (!deliveryCodePattern.test(code)) return { outcome: 'malformed' };
    if (order.deliveryCode && deliveryCodeMatches(code, order.deliveryCode)) {
      await db.codeAttempts.delete(order.id);
      return { outcome: 'matched' };
    }
    const next = afterWrongCode(order.id, attempts, now);
    await db.codeAttempts.put(next);
    const after = codeEntryState(next, now);
    return after.paused ? { outcome: 'paused', until: after.until } : { outcome: 'wrong', triesLeft: after.triesLeft };
  });
}
