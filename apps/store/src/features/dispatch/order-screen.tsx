import type { Actor } from '@repo/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../i18n/i18n.js';
import { db } from '../../local-db/store-db.js';
import { OrderSyncChip, useSyncStates } from '../../sync-status/order-sync-chip.js';
import { OfferActions } from './offer-actions.js';

/** One order as the store sees it: who, where, what, and what the store can do next. */
export function OrderScreen({ orderId, actor, onBack, onPick }: { orderId: string; actor: Extract<Actor, { storeId: string }>; onBack: () => void; onPick?: () => void }) {
  const { t } = useI18n();
  const order = useLiveQuery(() => db.orders.get(orderId), [orderId]);
  const sync = useSyncStates();
  return (
    <section className="screen" aria-labelledby="order-title">
      <button type="button" className="back" onClick={onBack}>← {t('order.back')}</button>
      {order && (
        <>
          <h2 id="order-title">{order.number}</h2>
          <p className="chips"><span className={`chip status-${order.status}`}>{t(`status.${order.status}`)}</span> <OrderSyncChip state={sync.stateOf(order.id)} /></p>
          <OfferActions order={order} actor={actor} />
          {onPick && actor.role === 'store_manager' && (order.status === 'accepted' || order.status === 'picking' || order.status === 'short') && (
            <button type="button" className="primary big" onClick={onPick}>{t(order.status === 'accepted' ? 'pick.start' : 'pick.continue')}</button>
          )}
          <dl className="facts">
            <dt>{t('order.customer')}</dt><dd>{order.customerName}</dd>
            <dt>{t('order.phone')}</dt><dd><a href={`tel:${order.customerPhone}`} aria-label={t('order.call', { phone: order.customerPhone })}>{order.customerPhone}</a></dd>
            <dt>{t('order.address')}</dt><dd>{order.address.text}</dd>
          </dl>
          <table className="lines">
            <caption>{t('order.lines')}</caption>
            <thead><tr><th scope="col">{t('order.product')}</th><th scope="col">{t('order.quantity')}</th></tr></thead>
            <tbody>
              {order.lines.map((line) => (
                <tr key={line.productId}><td>{line.name}<br /><span className="muted gtin">{line.gtin}</span></td><td className="qty">{line.quantity}</td></tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
