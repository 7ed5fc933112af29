import { deliveryFailureReasons, type DeliveryFailureReason, type Order } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import { formatTime } from '../../shell/format-time.js';
import { ProofImage } from './proof-image.js';

type ReturnedOrder = Extract<Order, { status: 'returned_to_store' }>;

/** Why the delivery failed, in the clerk's words and photo, and whether the goods are back in the store. */
export function DeliveryFailureSection({ order }: { order: ReturnedOrder }) {
  const { t, locale } = useI18n();
  return (
    <section className="proof failure" aria-labelledby="failure-heading">
      <h3 id="failure-heading">{t('failure.title')}</h3>
      <dl className="facts">
        <dt>{t('failure.reason')}</dt>
        <dd><strong>{isFailureReason(order.failureReason) ? t(`failure.${order.failureReason}`) : order.failureReason}</strong></dd>
        {order.failureNote && (
          <>
            <dt>{t('failure.note')}</dt>
            <dd>{order.failureNote}</dd>
          </>
        )}
        <dt>{t('failure.goods')}</dt>
        <dd>
          {order.goodsBackAt
            ? t('failure.goodsBack', { time: formatTime(order.goodsBackAt, locale) })
            : <span className="warn-text">{t('failure.goodsNotBack')}</span>}
        </dd>
      </dl>
      {order.failurePhoto && (
        <figure>
          <figcaption>{t('failure.photo')}</figcaption>
          <ProofImage blob={order.failurePhoto} alt={t('proof.failurePhotoAlt', { number: order.number })} onDeviceText={t('proof.photoOnDevice')} />
        </figure>
      )}
    </section>
  );
}

/** Older clients sent free text; it shows as written. */
export function isFailureReason(reason: string): reason is DeliveryFailureReason {
  return (deliveryFailureReasons as readonly string[]).includes(reason);
}
