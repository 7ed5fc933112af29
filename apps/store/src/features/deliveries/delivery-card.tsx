import type { OrderIn } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import { OrderSyncChip, type OrderSyncState } from '../../sync-status/order-sync-chip.js';
import { mapLinks } from './delivery-list.js';
import { useFormats } from './use-formats.js';

interface DeliveryCardProps {
  readonly order: OrderIn<'out_for_delivery'>;
  readonly now: number;
  readonly sync: OrderSyncState;
  readonly onClose: (orderId: string) => void;
  readonly onFail: (orderId: string) => void;
}

/** One delivery: when, where (with the map), who (with a big call button), what, and what to collect. */
export function DeliveryCard({ order, now, sync, onClose, onFail }: DeliveryCardProps) {
  const { t } = useI18n();
  const formats = useFormats();
  const at = new Date(now);
  const late = order.promisedAt !== undefined && Date.parse(order.promisedAt) < now;
  const links = mapLinks(order.address);
  const units = order.lines.reduce((sum, line) => sum + line.confirmedQuantity, 0);
  const headingId = `delivery-${order.id}`;
  return (
    <li className="delivery-card" aria-labelledby={headingId}>
      <p className="row">
        <strong id={headingId}>{order.number}</strong>
        <OrderSyncChip state={sync} />
      </p>
      <p className={late ? 'promise late' : 'promise'}>
        {order.promisedAt ? (
          <>
            {t('deliveries.promised', { time: formats.time(order.promisedAt, at) })}
            {' · '}
            {t(late ? 'deliveries.late' : 'deliveries.dueIn', { relative: formats.relative(order.promisedAt, at) })}
          </>
        ) : t('deliveries.noPromise')}
      </p>
      <p className="address">{order.address.text}</p>
      <p className="map-links">
        <a href={links.geo} aria-label={t('deliveries.mapAppLabel', { address: order.address.text })}>{t('deliveries.mapApp')}</a>
        <a href={links.web} target="_blank" rel="noreferrer" aria-label={t('deliveries.webMapLabel', { address: order.address.text })}>{t('deliveries.webMap')}</a>
      </p>
      <p className="recipient">{t('deliveries.recipient', { name: order.customerName })}</p>
      <a className="call" href={`tel:${order.customerPhone}`} aria-label={t('deliveries.call', { phone: order.customerPhone })}>
        ☎ {order.customerPhone}
      </a>
      <ul className="items" aria-label={t('deliveries.items')}>
        {order.lines.filter((line) => line.confirmedQuantity > 0).map((line) => (
          <li key={line.productId}><span>{line.name}</span> <strong>×{line.confirmedQuantity}</strong></li>
        ))}
      </ul>
      <p className="muted">{t('deliveries.itemCount', { count: units })}</p>
      <p className={order.payment?.method === 'on_delivery' ? 'collect' : 'muted'}>
        {order.payment?.method === 'on_delivery' ? t('deliveries.collect', { amount: formats.money(order.payment.amountDueFen) }) : t('deliveries.prepaid')}
      </p>
      <div className="card-actions">
        <button type="button" className="primary big" aria-label={t('deliveries.closeLabel', { number: order.number })} onClick={() => onClose(order.id)}>{t('deliveries.close')}</button>
        <button type="button" className="secondary" aria-label={t('deliveries.failLabel', { number: order.number })} onClick={() => onFail(order.id)}>{t('deliveries.fail')}</button>
      </div>
    </li>
  );
}
