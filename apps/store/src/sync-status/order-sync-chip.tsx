import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../i18n/i18n.js';
import { db } from '../local-db/store-db.js';

export type OrderSyncState = 'pending' | 'synced' | 'rejected';

export interface SyncStates {
  stateOf(orderId: string): OrderSyncState;
}

/**
 * Which orders have actions waiting or refused: two index reads for the whole screen, not two
 * live queries per card (an inbox can hold thousands of orders).
 */
export function useSyncStates(): SyncStates {
  const pending = useLiveQuery(() => db.outbox.orderBy('orderId').uniqueKeys(), []) ?? [];
  const rejected = useLiveQuery(() => db.rejections.orderBy('orderId').uniqueKeys(), []) ?? [];
  const pendingSet = new Set(pending.map(String));
  const rejectedSet = new Set(rejected.map(String));
  return { stateOf: (id) => (pendingSet.has(id) ? 'pending' : rejectedSet.has(id) ? 'rejected' : 'synced') };
}

/** Per-order sync state: 待同步 while an action waits, 被拒绝 after a refusal not yet dismissed, else 已同步. */
export function OrderSyncChip({ state }: { state: OrderSyncState }) {
  const { t } = useI18n();
  return <span className={`chip sync-${state}`}>{t(`chip.${state}`)}</span>;
}
