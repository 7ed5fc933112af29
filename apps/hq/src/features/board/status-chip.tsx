import type { OrderStatus } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';

/** An order's status in the shared words both apps use. */
export function StatusChip({ status }: { status: OrderStatus }) {
  const { t } = useI18n();
  return <span className={`chip status-${status}`}>{t(`status.${status}`)}</span>;
}
