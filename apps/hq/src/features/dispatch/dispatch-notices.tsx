import { useEffect, useState } from 'react';
import type { DispatchNotice } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatTime } from '../../shell/format-time.js';
import { useApiQuery } from '../../shell/use-api-query.js';
import { routeHref } from '../../shell/use-route.js';

/** Fired on window for each notice, so the board refreshes at once rather than on its next poll. */
export const dispatchNoticeEvent = 'hq:dispatch-notice';

/** Notices kept on screen at most; older ones stay reachable through the waiting list. */
const maxShown = 4;

/**
 * Orders back from stores, live, on every screen of the console (docs/dispatch.md DS9): a decline
 * with its reason, an expired offer, and what the server did next. Server-sent events through
 * `dispatch.notices`; the orders still waiting for a person come from `dispatch.waiting`.
 */
export function DispatchNotices() {
  const { t } = useI18n();
  const [notices, setNotices] = useState<DispatchNotice[]>([]);
  const waiting = useApiQuery(() => api.dispatch.waiting.query(), [], { refreshMs: 30_000 });
  const reloadWaiting = waiting.reload;

  useEffect(() => {
    const subscription = api.dispatch.notices.subscribe({ since: new Date().toISOString() }, {
      onData: (notice) => {
        setNotices((shown) => [notice, ...shown.filter((n) => n.id !== notice.id)].slice(0, maxShown));
        reloadWaiting();
        window.dispatchEvent(new Event(dispatchNoticeEvent));
      },
    });
    return () => subscription.unsubscribe();
  }, [reloadWaiting]);

  const stillWaiting = (waiting.data ?? []).filter((w) => !notices.some((n) => n.orderId === w.orderId));
  if (notices.length === 0 && stillWaiting.length === 0) return null;
  return (
    <section className="dispatch-notices" aria-label={t('notice.region')} aria-live="polite">
      <ul>
        {notices.map((n) => (
          <NoticeItem key={n.id} notice={n} onDismiss={() => setNotices((shown) => shown.filter((s) => s.id !== n.id))} />
        ))}
      </ul>
      {stillWaiting.length > 0 && (
        <details>
          <summary>{t('notice.waiting', { count: stillWaiting.length })}</summary>
          <ul>{stillWaiting.map((n) => <NoticeItem key={n.id} notice={n} />)}</ul>
        </details>
      )}
    </section>
  );
}

function NoticeItem({ notice, onDismiss }: { notice: DispatchNotice; onDismiss?: () => void }) {
  const { t, locale } = useI18n();
  const reason = t(notice.reason ? (`reason.${notice.reason}` as 'reason.other') : 'reason.none');
  const what = t(`notice.${notice.kind}`, { store: notice.storeName, reason, number: notice.orderNumber });
  const next = t(`notice.${notice.outcome}`, { store: notice.nextStoreName ?? '' });
  return (
    <li className={notice.outcome === 'reoffered' ? 'notice-item' : 'notice-item needs-you'} role={notice.outcome === 'reoffered' ? undefined : 'alert'}>
      <span className="muted">{formatTime(notice.at, locale, false)}</span>
      <span>{what} {next}</span>
      <a className="button" href={routeHref({ name: 'board', orderId: notice.orderId })}>{t('notice.open', { number: notice.orderNumber })}</a>
      {onDismiss && <button type="button" onClick={onDismiss}>{t('notice.dismiss')}</button>}
    </li>
  );
}
