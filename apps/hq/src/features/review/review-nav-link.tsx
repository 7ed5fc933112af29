import { useEffect, useRef } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { useApiQuery } from '../../shell/use-api-query.js';
import { routeHref } from '../../shell/use-route.js';
import { onReviewChanged } from './review-changed.js';

/** Web orders arrive without anyone in the console doing anything: the badge polls. */
const refreshMs = 15_000;

/** 网店审核 in the navigation, with how many web orders wait for a review or a call. */
export function ReviewNavLink({ current }: { current: boolean }) {
  const { t } = useI18n();
  const counts = useApiQuery(() => api.review.counts.query(), [], { refreshMs });
  const reload = useRef(counts.reload);
  reload.current = counts.reload;
  useEffect(() => onReviewChanged(() => reload.current()), []);
  const waiting = counts.data ? counts.data.pending + counts.data.confirmByPhone : 0;
  return (
    <a
      href={routeHref({ name: 'review' })}
      aria-current={current ? 'page' : undefined}
      aria-label={waiting > 0 ? t('nav.reviewWaiting', { count: waiting }) : undefined}
    >
      {t('nav.review')}
      {waiting > 0 && <span className="nav-badge" aria-hidden="true">{waiting}</span>}
    </a>
  );
}
