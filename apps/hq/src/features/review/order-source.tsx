import type { OrderDetail } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { routeHref } from '../../shell/use-route.js';
import './review.css';

/** How the order came in (电话 / 网店), and for a web order its shop number, note and where review stands. */
export function OrderSource({ intake, open }: { intake: OrderDetail['intake']; open: boolean }) {
  const { t } = useI18n();
  if (!intake) return null;
  const review = open ? intake.review : null;
  return (
    <dl className="facts order-source">
      <dt>{t('orderSource.channel')}</dt>
      <dd>
        <span className="source-chips">
          <span className={intake.channel === 'web' ? 'chip channel-web' : 'chip'}>
            {intake.channel === 'web' ? t('orderSource.channelWeb') : t('orderSource.channelPhone')}
          </span>
          {review && (
            <span className="chip review-pending">{review === 'pending' ? t('orderSource.reviewPending') : t('orderSource.reviewConfirmByPhone')}</span>
          )}
        </span>
        {review && (
          <div className="muted hint">
            {t('orderSource.underReviewHint')} <a href={routeHref({ name: 'review' })}>{t('orderSource.goToReview')}</a>
          </div>
        )}
      </dd>
      {intake.callId && (
        <>
          <dt>{t('orderSource.callId')}</dt>
          <dd className="call-id">{intake.callId}</dd>
        </>
      )}
      {intake.webOrderNumber && (
        <>
          <dt>{t('orderSource.webOrderNumber')}</dt>
          <dd>{intake.webOrderNumber}</dd>
        </>
      )}
      {intake.note && (
        <>
          <dt>{t('orderSource.note')}</dt>
          <dd>{intake.note}</dd>
        </>
      )}
    </dl>
  );
}
