import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useCallback, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { db, type StoredOrder } from '../../local-db/store-db.js';
import { useNow } from '../../shell/use-now.js';
import { OrderSyncChip, useSyncStates, type OrderSyncState } from '../../sync-status/order-sync-chip.js';
import { RejectedActions } from '../../sync-status/rejected-actions.js';
import { StorageWarnings } from '../../sync-status/storage-warnings.js';
import { serverNowMs } from '../../sync/device-clock.js';
import { DeparturesPanel } from './departures-panel.js';
import { inboxSections, type InboxSection } from './inbox-order.js';
import { useOfferAttention } from './offer-attention.js';

const sectionOrder: readonly InboxSection[] = ['now', 'waiting', 'done'];

/** The store's orders, straight from IndexedDB: works the same online and offline. */
export function InboxScreen({ storeId, onOpen }: { storeId: string; onOpen: (orderId: string) => void }) {
  const { t } = useI18n();
  const orders = useLiveQuery(() => db.orders.where('storeId').equals(storeId).sortBy('updatedAt'), [storeId]);
  const sync = useSyncStates();
  const attentionTitle = useCallback((count: number) => t('attention.title', { count }), [t]);
  const attention = useOfferAttention(storeId, attentionTitle, t('app.title'));
  // One clock for the whole list: a timer per card would cost thousands of timers on a busy day.
  const now = useNow(5_000);
  const [shown, setShown] = useState(pageSize);
  const open = useCallback((orderId: string) => {
    void attention.markSeen([orderId]);
    onOpen(orderId);
  }, [attention, onOpen]);
  if (!orders) return null;
  const sections = inboxSections(orders);
  let budget = shown;
  return (
    <section className="screen" aria-labelledby="inbox-title">
      {attention.unseen.length > 0 && (
        <div className="new-offers" role="alert">
          <strong>{t('attention.newOffers', { count: attention.unseen.length })}</strong>
          <button type="button" className="primary" onClick={() => void attention.markSeen(attention.unseen)}>{t('attention.seen')}</button>
        </div>
      )}
      <StorageWarnings />
      <RejectedActions />
      <DeparturesPanel />
      <h2 id="inbox-title">{t('inbox.title')} <span className="muted">{t('inbox.count', { count: orders.length })}</span></h2>
      {orders.length === 0 && <p className="empty">{t('inbox.empty')}</p>}
      {sectionOrder.map((section) => {
        const list = sections[section];
        if (list.length === 0) return null;
        // Cards are drawn a page at a time across sections, the urgent ones first.
        const visible = list.slice(0, Math.max(0, budget));
        budget -= visible.length;
        return (
          <section key={section} className={`inbox-section section-${section}`} aria-labelledby={`section-${section}`}>
            <h3 id={`section-${section}`}>{t(`inbox.section.${section}`)} <span className="muted">({list.length})</span></h3>
            <ul className="order-list">
              {visible.map((order) => (
                <OrderCard key={order.id} order={order} sync={sync.stateOf(order.id)} now={now} fresh={attention.unseen.includes(order.id)} onOpen={open} />
              ))}
            </ul>
          </section>
        );
      })}
      {orders.length > shown && (
        <button type="button" className="secondary" onClick={() => setShown((n) => n + pageSize)}>
          {t('inbox.showMore', { count: orders.length - shown })}
        </button>
      )}
    </section>
  );
}

interface OrderCardProps {
  readonly order: StoredOrder;
  readonly sync: OrderSyncState;
  readonly now: number;
  readonly fresh: boolean;
  readonly onOpen: (orderId: string) => void;
}

/** Cards are drawn a page at a time: a busy day's thousands would block the screen on every sync write. */
const pageSize = 50;

// Redrawn only when what it shows changed; the list query hands over new objects on every write.
const OrderCard = memo(OrderCardView, (a, b) =>
  a.order.id === b.order.id && a.order.updatedAt === b.order.updatedAt && a.order.status === b.order.status &&
  a.sync === b.sync && a.now === b.now && a.fresh === b.fresh && a.onOpen === b.onOpen);

function OrderCardView({ order, sync, now, fresh, onOpen }: OrderCardProps) {
  const { t } = useI18n();
  // No aria-label: the card's name is what it shows (so a screen reader and the eye agree), plus
  // what tapping does, read out but not drawn.
  return (
    <li>
      <button type="button" className={`order-card${fresh ? ' fresh' : ''}`} onClick={() => onOpen(order.id)}>
        <span className="row">
          <strong>{order.number}</strong>
          <span className="chips"><span className={`chip status-${order.status}`}>{t(`status.${order.status}`)}</span> <OrderSyncChip state={sync} /></span>
        </span>
        <span className="address">{order.address.text}</span>
        <span className="row muted">
          <span>{order.customerName} · {t('inbox.lines', { count: order.lines.length })}</span>
          {order.status === 'offered' && <OfferClock expiresAt={order.offerExpiresAt} now={now} />}
        </span>
        <span className="visually-hidden">{t('inbox.open', { number: order.number })}</span>
      </button>
    </li>
  );
}

/**
 * Minutes left to accept, by the server's clock as this device estimates it (a handheld's own clock
 * is often minutes off), rounded up as countdowns are ("within 15 minutes"), after two seconds'
 * allowance for the estimate's error so a fresh 15-minute offer never says 16.
 */
export function OfferClock({ expiresAt, now }: { expiresAt: string; now: number }) {
  const { t } = useI18n();
  const left = new Date(expiresAt).getTime() - (now + (serverNowMs() - Date.now()));
  if (left <= 0) return <span className="offer-clock expired">{t('inbox.expired')}</span>;
  if (left < 60_000) return <span className="offer-clock soon">{t('inbox.expiresSoon')}</span>;
  return <span className="offer-clock">{t('inbox.expiresIn', { minutes: Math.max(1, Math.ceil((left - 2_000) / 60_000)) })}</span>;
}
