import { useI18n } from '../../i18n/i18n.js';
import { formatPrice } from '../../shell/format-price.js';
import type { ReviewItem } from './review-types.js';

/** What a reviewer or a caller needs to judge a web order: who, where, what, how much, and the note. */
export function ReviewOrderFacts({ item }: { item: ReviewItem }) {
  const { t, locale } = useI18n();
  const km = (m: number) => new Intl.NumberFormat(locale, { style: 'unit', unit: 'kilometer', maximumFractionDigits: 1 }).format(m / 1000);
  const store = item.nearestStore;
  return (
    <dl className="facts review-facts">
      <dt>{t('review.customer')}</dt>
      <dd>
        <strong>{item.customer.name}</strong> · <a href={`tel:${item.customer.phone}`}>{item.customer.phone}</a>{' '}
        <span className={item.customer.earlierOrders === 0 ? 'chip first-order' : 'chip'}>
          {item.customer.earlierOrders === 0 ? t('review.firstOrder') : t('review.earlierOrders', { count: item.customer.earlierOrders })}
        </span>
        {item.customer.nameInShop !== item.customer.name && <div className="muted hint">{t('review.nameInShop', { name: item.customer.nameInShop })}</div>}
      </dd>
      <dt>{t('review.address')}</dt>
      <dd>
        {item.address.text}
        {/* Beside the address, so a reviewer sees at once whether a store is near. */}
        <span className={store?.inRange ? 'nearest muted' : 'nearest warn hint'}>
          {store ? t('review.nearestStore', { store: store.name, distance: km(store.distanceM) }) : t('review.noStore')}
          {store && !store.inRange && <> · {t('review.outOfRange')}</>}
        </span>
      </dd>
      <dt>{t('review.items')}</dt>
      <dd>
        <ul className="review-lines">
          {item.lines.map((line) => (
            <li key={line.gtin}>
              <span>{line.name}</span> <span className="muted">× {line.quantity}</span>
              {line.unitPriceFen !== null && <span className="num">{formatPrice(line.unitPriceFen * line.quantity, locale)}</span>}
            </li>
          ))}
        </ul>
      </dd>
      <dt>{t('review.total')}</dt>
      <dd>
        <strong>{formatPrice(item.totalFen, locale)}</strong>{' '}
        <span className="chip">{item.paymentMethod === 'prepaid' ? t('review.prepaid') : t('review.onDelivery')}</span>
      </dd>
      {item.note && (
        <>
          <dt>{t('review.note')}</dt>
          <dd className="review-note">{item.note}</dd>
        </>
      )}
    </dl>
  );
}
