import { useLiveQuery } from 'dexie-react-hooks';
import { memo, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { db, type StoredOrder } from '../../local-db/store-db.js';
import { useNow } from '../../shell/use-now.js';
import { OrderSyncChip, useSyncStates, type OrderSyncState } from '../../sync-status/order-sync-chip.js';
import { RejectedActions } from '../../sync-status/rejected-actions.js';
import { offersFirst } from './inbox-order.js';

/** The store's orders, straight from IndexedDB: works the same online and offline. */
export function InboxScreen({ storeId, onOpen }: { storeId: string; onOpen: (orderId: string) => void }) {
  const { t } = useI18n();
  const orders = useLiveQuery(() => db.orders.where('storeId').equals(storeId).sortBy('updatedAt'), [storeId]);
  const sync = useSyncStates();
  // One clock for the whole list: a timer per card would cost thousands of timers on a busy day.
  const now = useNow(15_000);
  const [shown, setShown] = useState(pageSize);
  if (!orders) return null;
  const inOrder = offersFirst(orders);
  return (
    <section className="screen" aria-labelledby="inbox-title">
      <RejectedActions />
      <h2 id="inbox-title">{t('inbox.title')} <span className="muted">{t('inbox.count', { count: orders.length })}</span></h2>
      {orders.length === 0 ? <p className="empty">{t('inbox.empty')}</p> : (
        <ul className="order-list" aria-label={t('inbox.title')}>
          {inOrder.slice(0, shown).map((order) => <OrderCard key={order.id} order={order} sync={sync.stateOf(order.id)} now={now} onOpen={onOpen} />)}
        </ul>
      )}
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
  readonly onOpen: (orderId: string) => void;
}

/** Cards are drawn a page at a time: a busy day's thousands would block the screen on every sync write. */
const pageSize = 50;

// Redrawn only when what it shows changed; the list query hands over new objects on every write.
const OrderCard = memo(OrderCardView, (a, b) =>
  a.order.id === b.order.id && a.order.updatedAt === b.order.updatedAt && a.order.status === b.order.status &&
  a.sync === b.sync && a.now === b.now && a.onOpen === b.onOpen);

function OrderCardView({ order, sync, now, onOpen }: OrderCardProps) {
  const { t } = useI18n();
  return (
    <li>
      <button type="button" className="order-card" onClick={() => onOpen(order.id)} aria-label={t('inbox.open', { number: order.number })}>
        <span className="row">
          <strong>{order.number}</strong>
          <span className="chips"><span className={`chip status-${order.status}`}>{t(`status.${order.status}`)}</span> <OrderSyncChip state={sync} /></span>
        </span>
        <span className="address">{order.address.text}</span>
        <span className="row muted">
          <span>{order.customerName} · {t('inbox.lines', { count: order.lines.length })}</span>
          {order.status === 'offered' && <OfferClock expiresAt={order.offerExpiresAt} now={now} />}
        </span>
      </button>
    </li>
  );
}

function OfferClock({ expiresAt, now }: { expiresAt: string; now: number }) {
  const { t } = useI18n();
  const minutes = Math.ceil((new Date(expiresAt).getTime() - now) / 60_000);
  return minutes > 0 ? <span className="offer-clock">{t('inbox.expiresIn', { minutes })}</span> : <span className="offer-clock expired">{t('inbox.expired')}</span>;
}
