import { orderEventTypes, orderStatuses, type OrderEventType, type OrderStatus } from '@repo/domain';
import type { OrderHistoryEntry } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatTime } from '../../shell/format-time.js';

/** The order's timeline, oldest first, as the server recorded each event. */
export function OrderHistory({ history }: { history: readonly OrderHistoryEntry[] }) {
  const { t, locale } = useI18n();
  // History rows are stored text; a type or status this console does not know shows as written.
  const eventName = (type: string) => (isEventType(type) ? t(`event.${type}`) : type);
  const statusName = (status: string) => (isStatus(status) ? t(`status.${status}`) : status);
  return (
    <section aria-labelledby="history-heading">
      <h3 id="history-heading">{t('order.history')}</h3>
      <ol className="timeline">
        {history.map((entry, i) => (
          <li key={i}>
            <time dateTime={entry.at}>{formatTime(entry.at, locale)}</time>
            <strong>{eventName(entry.type)}</strong>
            {entry.fromStatus !== entry.toStatus && (
              <span className="muted">{statusName(entry.fromStatus)} → {statusName(entry.toStatus)}</span>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** The lifecycle's events plus the intake itself, which the server records as `create`. */
type HistoryEventType = OrderEventType | 'create';

function isEventType(type: string): type is HistoryEventType {
  return type === 'create' || (orderEventTypes as readonly string[]).includes(type);
}

function isStatus(status: string): status is OrderStatus {
  return (orderStatuses as readonly string[]).includes(status);
}
