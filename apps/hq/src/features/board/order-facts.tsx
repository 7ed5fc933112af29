import type { Order } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import { formatTime } from '../../shell/format-time.js';

/** Who ordered, where it goes, which store holds it, and what each state adds (expiry, reasons). */
export function OrderFacts({ order, storeNames }: { order: Order; storeNames: ReadonlyMap<string, string> }) {
  const { t, locale } = useI18n();
  const storeId = 'storeId' in order ? order.storeId : null;
  const storeName = (id: string) => storeNames.get(id) ?? id;
  return (
    <dl className="facts">
      <dt>{t('order.customer')}</dt>
      <dd>{order.customerName}</dd>
      <dt>{t('order.phone')}</dt>
      <dd><a href={`tel:${order.customerPhone}`}>{order.customerPhone}</a></dd>
      <dt>{t('order.address')}</dt>
      <dd>{order.address.text}</dd>
      <dt>{t('order.store')}</dt>
      <dd>{storeId ? storeName(storeId) : t('order.noStore')}</dd>
      {order.status === 'offered' && (
        <>
          <dt>{t('order.offerExpires')}</dt>
          <dd><time dateTime={order.offerExpiresAt}>{formatTime(order.offerExpiresAt, locale)}</time></dd>
        </>
      )}
      {order.declinedBy.length > 0 && (
        <>
          <dt>{t('order.declinedBy')}</dt>
          <dd>{order.declinedBy.map(storeName).join('、')}</dd>
        </>
      )}
      {order.status === 'returned_to_store' && (
        <>
          <dt>{t('order.failureReason')}</dt>
          <dd>{order.failureReason}</dd>
        </>
      )}
      {order.status === 'cancelled' && (
        <>
          <dt>{t('order.cancelReason')}</dt>
          <dd>{order.cancelReason}</dd>
        </>
      )}
    </dl>
  );
}
