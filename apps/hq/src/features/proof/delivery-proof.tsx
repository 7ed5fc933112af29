import type { DeliveryProof, DoorPosition, Order } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import { formatPrice, formatPriceChange } from '../../shell/format-price.js';
import { formatTime } from '../../shell/format-time.js';
import { ProofImage } from './proof-image.js';

type DeliveredOrder = Extract<Order, { status: 'delivered' | 'closed' }>;

/** What the clerk recorded at the door, laid out for a dispatcher checking it before 结单. */
export function DeliveryProofSection({ order }: { order: DeliveredOrder }) {
  const { t, locale } = useI18n();
  const proof = order.proof;
  return (
    <section className="proof" aria-labelledby="proof-heading">
      <h3 id="proof-heading">{t('proof.title')}</h3>
      {!proof ? <p className="muted">{t('proof.none')}</p> : (
        <>
          <dl className="facts">
            {order.deliveredAt && (
              <>
                <dt>{t('proof.deliveredAt')}</dt>
                <dd><time dateTime={order.deliveredAt}>{formatTime(order.deliveredAt, locale)}</time></dd>
              </>
            )}
            <dt>{t('proof.code')}</dt>
            <dd>{proof.code === 'matched' ? <span className="chip stock-ok">{t('proof.codeMatched')}</span> : t('proof.codeNotRequired')}</dd>
            <dt>{t('proof.position')}</dt>
            <dd><DoorPositionText position={proof.position} /></dd>
            {order.payment?.method === 'on_delivery' && (
              <>
                <dt>{t('proof.cash')}</dt>
                <dd><CashCheck proof={proof} dueFen={order.payment.amountDueFen} /></dd>
              </>
            )}
          </dl>
          <div className="proof-images">
            {proof.photo && (
              <figure>
                <figcaption>{t('proof.photo')}</figcaption>
                <ProofImage blob={proof.photo} alt={t('proof.photoAlt', { number: order.number })} onDeviceText={t('proof.photoOnDevice')} />
              </figure>
            )}
            {proof.signature && (
              <figure>
                <figcaption>{t('proof.signature')}</figcaption>
                <ProofImage blob={proof.signature} alt={t('proof.signatureAlt', { number: order.number })} onDeviceText={t('proof.signatureOnDevice')} />
              </figure>
            )}
          </div>
        </>
      )}
    </section>
  );
}

/** Coordinates with their accuracy and a map link, or why the phone could not tell. */
export function DoorPositionText({ position }: { position: DoorPosition }) {
  const { t, locale } = useI18n();
  if ('unavailable' in position) {
    return <span className="warn-text">{t('proof.positionUnavailable', { why: t(`proof.unavailable.${position.unavailable}`) })}</span>;
  }
  const coordinate = new Intl.NumberFormat(locale, { minimumFractionDigits: 5, maximumFractionDigits: 5 });
  const metres = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  // The phone reports WGS-84; the map service is told so, or the pin lands a few hundred metres off in China.
  const map = `https://uri.amap.com/marker?position=${position.lng},${position.lat}&coordinate=wgs84`;
  return (
    <span className="position">
      <span className="coordinates">
        {t('proof.positionValue', { lat: coordinate.format(position.lat), lng: coordinate.format(position.lng), accuracy: metres.format(position.accuracyM) })}
      </span>{' '}
      <a className="inline-action" href={map} target="_blank" rel="noreferrer">{t('proof.openMap')}</a>
    </span>
  );
}

/** Cash collected against what was due; a difference stands out, since it has to be settled with the store. */
function CashCheck({ proof, dueFen }: { proof: DeliveryProof; dueFen: number }) {
  const { t, locale } = useI18n();
  if (proof.collectedFen === undefined) return <span className="warn-text">{t('proof.cashNotRecorded')}</span>;
  const difference = proof.collectedFen - dueFen;
  return (
    <span className="cash">
      {t('proof.cashValue', { due: formatPrice(dueFen, locale), collected: formatPrice(proof.collectedFen, locale) })}{' '}
      {difference === 0
        ? <span className="chip stock-ok">{t('proof.cashMatches')}</span>
        : <strong className="chip stock-short">{t('proof.cashDifference', { difference: formatPriceChange(difference, locale) })}</strong>}
    </span>
  );
}
