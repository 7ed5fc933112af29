import type { Order } from '@repo/domain';
import { formatList } from '@repo/i18n';
import { useI18n } from '../../i18n/i18n.js';
import { formatPrice } from '../../shell/format-price.js';
import { formatTime } from '../../shell/format-time.js';

interface OrderFactsProps {
  readonly order: Order;
  /** The plain delivery code (收货码), which only head office holds. */
  readonly deliveryCode: string | null;
  readonly storeNames: ReadonlyMap<string, string>;
  readonly now: Date;
  /** Who owns the order (一单责任制, docs/board.md BD1). */
  readonly owner?: { readonly name: string } | null;
}

/** Who ordered, where it goes, what was promised and is to be collected, which store holds it, and what each state adds. */
export function OrderFacts({ order, deliveryCode, storeNames, now, owner }: OrderFactsProps) {
  const { t, locale } = useI18n();
  const storeId = 'storeId' in order ? order.storeId : null;
  const storeName = (id: string) => storeNames.get(id) ?? id;
  const open = order.status !== 'delivered' && order.status !== 'closed' && order.status !== 'cancelled';
  const late = open && order.promisedAt !== undefined && new Date(order.promisedAt) < now;
  return (
    <dl className="facts">
      <dt>{t('order.customer')}</dt>
      <dd>{order.customerName}</dd>
      <dt>{t('order.phone')}</dt>
      <dd><a href={`tel:${order.customerPhone}`}>{order.customerPhone}</a></dd>
      <dt>{t('order.address')}</dt>
      <dd>{order.address.text}</dd>
      <dt>{t('order.deliveryCode')}</dt>
      <dd>
        {deliveryCode
          ? <><strong className="delivery-code">{deliveryCode}</strong> <span className="muted hint">{t('order.deliveryCodeHint')}</span></>
          : <span className="muted">{t('order.noDeliveryCode')}</span>}
      </dd>
      {order.promisedAt && (
        <>
          <dt>{t('order.promisedAt')}</dt>
          <dd>
            <time dateTime={order.promisedAt}>{formatTime(order.promisedAt, locale)}</time>
            {late && <> <span className="chip stock-short">{t('order.promiseLate')}</span></>}
          </dd>
        </>
      )}
      {order.payment && (
        <>
          <dt>{t('order.payment')}</dt>
          <dd>
            {order.payment.method === 'prepaid'
              ? t('order.paymentPrepaid')
              : <strong>{t('order.paymentOnDelivery', { amount: formatPrice(order.payment.amountDueFen, locale) })}</strong>}
          </dd>
        </>
      )}
      <dt>{t('order.store')}</dt>
      <dd>{storeId ? storeName(storeId) : t('order.noStore')}</dd>
      {owner && (
        <>
          <dt>{t('order.owner')}</dt>
          <dd>{owner.name}</dd>
        </>
      )}
      {order.status === 'offered' && (
        <>
          <dt>{t('order.offerExpires')}</dt>
          <dd><time dateTime={order.offerExpiresAt}>{formatTime(order.offerExpiresAt, locale)}</time></dd>
        </>
      )}
      {order.declinedBy.length > 0 && (
        <>
          <dt>{t('order.declinedBy')}</dt>
          <dd>{formatList(order.declinedBy.map(storeName), locale)}</dd>
        </>
      )}
      {order.status === 'closed' && (
        <>
          <dt>{t('order.closedAt')}</dt>
          <dd><time dateTime={order.closedAt}>{formatTime(order.closedAt, locale)}</time></dd>
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
