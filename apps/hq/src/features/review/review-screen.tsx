import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatTime } from '../../shell/format-time.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { useApiQuery } from '../../shell/use-api-query.js';
import { CallCard } from './call-card.js';
import { announceReviewChanged } from './review-changed.js';
import { ReviewCard, type ReviewOutcome } from './review-card.js';
import './review.css';

/** Web orders arrive on their own: both lists poll. */
const refreshMs = 10_000;

/** 网店审核: the web orders waiting for review, oldest first, and beside them the confirmation calls (待确认来电). */
export function ReviewScreen() {
  const { t, locale } = useI18n();
  const queue = useApiQuery(() => api.review.queue.query(), [], { refreshMs });
  const calls = useApiQuery(() => api.review.callList.query(), [], { refreshMs });
  const [done, setDone] = useState<{ outcome: ReviewOutcome; number: string } | null>(null);

  function decided(outcome: ReviewOutcome, number: string) {
    setDone({ outcome, number });
    queue.reload();
    calls.reload();
    announceReviewChanged();
  }
  const reload = () => {
    queue.reload();
    calls.reload();
  };

  return (
    <div className="screen review">
      <div className="toolbar">
        <h2 className="screen-title">{t('review.title')}</h2>
        {queue.refreshedAt && <span className="muted refreshed">{t('review.refreshedAt', { time: formatTime(queue.refreshedAt, locale, false) })}</span>}
        <button type="button" onClick={reload}>{t('review.refresh')}</button>
      </div>
      {done && <p role="status" className="success">{t(`review.${done.outcome}`, { number: done.number })}</p>}
      <div className="review-columns">
        <section aria-labelledby="review-queue-title">
          <h3 id="review-queue-title">{t('review.queue')} <span className="chip">{queue.data?.length ?? '…'}</span></h3>
          <p className="muted hint">{t('review.queueHint')}</p>
          <ProblemAlert problem={queue.problem} />
          {!queue.data ? <p className="muted">{t('review.loading')}</p> : queue.data.length === 0 ? <p className="empty">{t('review.queueEmpty')}</p> : (
            <ol className="review-list" aria-labelledby="review-queue-title">
              {queue.data.map((item) => <ReviewCard key={item.orderId} item={item} onDecided={decided} />)}
            </ol>
          )}
        </section>
        <section aria-labelledby="review-calls-title">
          <h3 id="review-calls-title">{t('review.callList')} <span className="chip">{calls.data?.length ?? '…'}</span></h3>
          <p className="muted hint">{t('review.callListHint')}</p>
          <ProblemAlert problem={calls.problem} />
          {!calls.data ? <p className="muted">{t('review.loading')}</p> : calls.data.length === 0 ? <p className="empty">{t('review.callListEmpty')}</p> : (
            <ol className="review-list" aria-labelledby="review-calls-title">
              {calls.data.map((item) => <CallCard key={item.orderId} item={item} now={calls.refreshedAt ?? new Date()} onDecided={decided} />)}
            </ol>
          )}
        </section>
      </div>
    </div>
  );
}
