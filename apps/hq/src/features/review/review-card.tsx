import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatDuration } from '../../shell/format-duration.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { routeHref } from '../../shell/use-route.js';
import { ReasonForm } from './reason-form.js';
import { ReviewOrderFacts } from './review-order-facts.js';
import type { ReviewItem } from './review-types.js';
import { useReviewDecision, type ReviewOutcome } from './use-review-decision.js';

export type { ReviewOutcome } from './use-review-decision.js';

/** Past this, a web order has waited long enough for its age to stand out. */
const longWaitSeconds = 10 * 60;

/** One web order waiting for review: its facts, and 审核通过 or 电话确认 (with why). */
export function ReviewCard({ item, onDecided }: { item: ReviewItem; onDecided: (outcome: ReviewOutcome, number: string) => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const { busy, problem, decide } = useReviewDecision(item.number, onDecided);

  const headingId = `review-${item.orderId}`;
  return (
    <li>
      <article className="card review-card" aria-labelledby={headingId}>
        <ReviewCardHead item={item} headingId={headingId} />
        <ReviewOrderFacts item={item} />
        <ProblemAlert problem={problem} />
        {asking ? (
          <ReasonForm
            label="review.reason" hint="review.reasonHint" required="review.reasonRequired" submit="review.sendToCallList" busy={busy}
            onBack={() => setAsking(false)}
            onSubmit={(reason) => void decide(() => api.review.confirmByPhone.mutate({ orderId: item.orderId, reason }), 'sentToCallList')}
          />
        ) : (
          <div className="actions">
            <button type="button" className="primary" disabled={busy} aria-label={t('review.approveLabel', { number: item.number })}
              onClick={() => void decide(() => api.review.approve.mutate({ orderId: item.orderId }), 'approved')}>
              {t('review.approve')}
            </button>
            <button type="button" disabled={busy} aria-label={t('review.confirmByPhoneLabel', { number: item.number })} onClick={() => setAsking(true)}>
              {t('review.confirmByPhone')}
            </button>
            <a className="inline-action" href={routeHref({ name: 'board', orderId: item.orderId })}>{t('review.open')}</a>
          </div>
        )}
      </article>
    </li>
  );
}

/** Number, the shop's own number and how long it has waited (by the server's clock). */
export function ReviewCardHead({ item, headingId, since }: { item: ReviewItem; headingId: string; since?: number }) {
  const { t, locale } = useI18n();
  const waited = since ?? item.waitingSeconds;
  return (
    <div className="review-head">
      <h4 id={headingId}>{t('review.order', { number: item.number })}</h4>
      <span className="muted">{t('review.webOrderNumber', { number: item.webOrderNumber })}</span>
      <span className={waited >= longWaitSeconds ? 'chip waiting long' : 'chip waiting'}>
        {t('review.waiting', { duration: formatDuration(waited * 1000, locale) })}
      </span>
    </div>
  );
}
