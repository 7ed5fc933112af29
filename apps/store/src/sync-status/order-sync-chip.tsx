import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../i18n/i18n.js';
import { db } from '../local-db/store-db.js';

/** Per-order sync state: 待同步 while an action waits, 被拒绝 after a refusal not yet dismissed, else 已同步. */
export function OrderSyncChip({ orderId }: { orderId: string }) {
  const { t } = useI18n();
  const pending = useLiveQuery(() => db.outbox.where('orderId').equals(orderId).count(), [orderId]) ?? 0;
  const rejected = useLiveQuery(() => db.rejections.where('orderId').equals(orderId).count(), [orderId]) ?? 0;
  const state = pending > 0 ? 'pending' : rejected > 0 ? 'rejected' : 'synced';
  return <span className={`chip sync-${state}`}>{t(`chip.${state}`)}</span>;
}
