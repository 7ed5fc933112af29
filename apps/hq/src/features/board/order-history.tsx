import { orderEventSchema, orderEventTypes, orderStatuses, type Order, type OrderEvent, type OrderEventType, type OrderStatus } from '@repo/domain';
import type { OrderHistoryEntry } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatDuration } from '../../shell/format-duration.js';
import { formatTime } from '../../shell/format-time.js';
import { HistoryReasons } from './history-reasons.js';
import { isReviewEventType, reviewReasonOf } from '../review/review-history.js';

/** Below this, the device's clock and the server's agree for a person's purposes: one time is shown. */
const sameMomentMs = 5_000;

interface OrderHistoryProps {
  readonly history: readonly OrderHistoryEntry[];
  readonly order: Order;
  readonly storeNames: ReadonlyMap<string, string>;
  /** How the order came in: a web order's first entry says the web shop took it, not an agent. */
  readonly channel?: 'phone' | 'web' | undefined;
}

/** The order's timeline, oldest first: what happened, who did it and where, when (phone and server), and why. */
export function OrderHistory({ history, order, storeNames, channel }: OrderHistoryProps) {
  const { t, locale } = useI18n();
  // History rows are stored text; a type or status this console does not know shows as written.
  const eventName = (type: string) =>
    type === 'create' && channel === 'web' ? t('reviewEvent.createdByWebShop')
      : isEventType(type) ? t(`event.${type}`) : isReviewEventType(type) ? t(`reviewEvent.${type}`) : type;
  const statusName = (status: string) => (isStatus(status) ? t(`status.${status}`) : status);
  return (
    <section aria-labelledby="history-heading">
      <h3 id="history-heading">{t('order.history')}</h3>
      <ol className="timeline">
        {history.map((entry, i) => {
          const delay = entry.deviceAt ? new Date(entry.at).getTime() - new Date(entry.deviceAt).getTime() : 0;
          const showDevice = entry.deviceAt !== null && Math.abs(delay) >= sameMomentMs;
          const event = eventOf(entry);
          return (
            <li key={i}>
              <div className="timeline-head">
                <strong>{eventName(entry.type)}</strong>
                {entry.fromStatus !== entry.toStatus && (
                  <span className="muted">{statusName(entry.fromStatus)} → {statusName(entry.toStatus)}</span>
                )}
              </div>
              <div className="timeline-meta">
                <span className="who">
                  {entry.actor
                    ? entry.actor.storeName ? t('timeline.actorAtStore', { name: entry.actor.name, store: entry.actor.storeName }) : entry.actor.name
                    : t('timeline.system')}
                </span>
                {showDevice ? (
                  <>
                    <time dateTime={entry.deviceAt!}>{t('timeline.deviceTime', { time: formatTime(entry.deviceAt!, locale) })}</time>
                    <time dateTime={entry.at}>{t('timeline.serverTime', { time: formatTime(entry.at, locale) })}</time>
                    <span className="chip delay">{t('timeline.syncDelay', { delay: formatDuration(delay, locale) })}</span>
                  </>
                ) : (
                  <time dateTime={entry.at}>{formatTime(entry.at, locale)}</time>
                )}
              </div>
              {event && <HistoryReasons event={event} clerkName={entry.clerkName} order={order} storeNames={storeNames} />}
              {isReviewEventType(entry.type) && reviewReasonOf(entry.details) && (
                <p className="timeline-why">{t('reviewEvent.reason', { reason: reviewReasonOf(entry.details)! })}</p>
              )}
            </li>
          );
        })}
      </ol>
    </section>
  );
}

/** The recorded step as the lifecycle's event, when it still reads as one (older rows may not). */
function eventOf(entry: OrderHistoryEntry): OrderEvent | null {
  if (!isEventType(entry.type) || entry.type === 'create') return null;
  const parsed = orderEventSchema.safeParse({ ...entry.details, type: entry.type });
  return parsed.success ? parsed.data : null;
}

/** The lifecycle's events plus the intake itself, which the server records as `create`. */
type HistoryEventType = OrderEventType | 'create';

function isEventType(type: string): type is HistoryEventType {
  return type === 'create' || (orderEventTypes as readonly string[]).includes(type);
}

function isStatus(status: string): status is OrderStatus {
  return (orderStatuses as readonly string[]).includes(status);
}
