import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatTime } from '../../shell/format-time.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { ReasonForm } from './reason-form.js';
import { ReviewCardHead } from './review-card.js';
import { useReviewDecision, type ReviewOutcome } from './use-review-decision.js';
import { ReviewOrderFacts } from './review-order-facts.js';
import type { ReviewItem } from './review-types.js';

/** One order on the call list (待确认来电): why to call, the number to dial, and what the customer said. */
export function CallCard({ item, now, onDecided }: { item: ReviewItem; now: Date; onDecided: (outcome: ReviewOutcome, number: string) => void }) {
  const { t, locale } = useI18n();
  const [cancelling, setCancelling] = useState(false);
  const { busy, problem, decide: record } = useReviewDecision(item.number, onDecided);

  const headingId = `call-${item.orderId}`;
  // On the call list the wait that matters is since the reviewer asked for the call.
  const since = item.reviewedAt ? Math.max(0, Math.round((now.getTime() - new Date(item.reviewedAt).getTime()) / 1000)) : item.waitingSeconds;
  return (
    <li>
      <article className="card review-card call-card" aria-labelledby={headingId}>
        <ReviewCardHead item={item} headingId={headingId} since={since} />
        <div className="call-reason">
          <strong>{t('review.confirmReason')}：</strong>{item.confirmReason}
          {item.reviewedByName && item.reviewedAt && (
            <div className="muted hint">{t('review.askedBy', { name: item.reviewedByName, time: formatTime(item.reviewedAt, locale) })}</div>
          )}
        </div>
        <a className="button call-button" href={`tel:${item.customer.phone}`}>{t('review.callCustomer', { phone: item.customer.phone })}</a>
        <ReviewOrderFacts item={item} />
        <ProblemAlert problem={problem} />
        {cancelling ? (
          <ReasonForm
            label="review.cancelReason" hint="review.cancelReasonHint" required="review.cancelReasonRequired" submit="review.confirmCancel" danger busy={busy}
            onBack={() => setCancelling(false)}
            onSubmit={(reason) => void record(() => api.review.recordCall.mutate({ orderId: item.orderId, outcome: 'cancel', reason }), 'cancelledDone')}
          />
        ) : (
          <div className="actions">
            <button type="button" className="primary" disabled={busy} aria-label={t('review.callConfirmedLabel', { number: item.number })}
              onClick={() => void record(() => api.review.recordCall.mutate({ orderId: item.orderId, outcome: 'confirmed' }), 'confirmedDone')}>
              {t('review.callConfirmed')}
            </button>
            <button type="button" className="danger" disabled={busy} aria-label={t('review.callCancelLabel', { number: item.number })} onClick={() => setCancelling(true)}>
              {t('review.callCancel')}
            </button>
          </div>
        )}
      </article>
    </li>
  );
}
