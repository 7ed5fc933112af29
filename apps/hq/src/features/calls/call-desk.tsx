import { useEffect, useState } from 'react';
import type { inferRouterOutputs } from '@trpc/server';
import { maskedCallerNumber } from '@repo/domain';
import type { AppRouter } from '@repo/server/app-router';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatTime } from '../../shell/format-time.js';
import { useApiQuery } from '../../shell/use-api-query.js';
import { useRoute } from '../../shell/use-route.js';
import { callHref } from './call-route.js';
import { useMyExtension } from './my-extension.js';
import { ringTone } from './ring-tone.js';

export type RecentCall = inferRouterOutputs<AppRouter>['cti']['recentCalls'][number];
export type ScreenPop = Omit<RecentCall, 'orderNumbers'>;

/**
 * The telephone desk on every screen (docs/cti.md CT7): while the agent is signed in at an
 * extension, a ringing call opens the intake screen with the caller's number and the call id, and
 * a banner says who is calling until dismissed. The recent calls show what came of each.
 */
export function CallDesk() {
  const { extension } = useMyExtension();
  const [ringing, setRinging] = useState<ScreenPop | null>(null);
  const recent = useApiQuery(() => api.cti.recentCalls.query(), [extension], { enabled: extension !== null, refreshMs: 60_000 });
  const reloadRecent = recent.reload;

  useEffect(() => {
    // Always listening: the server sends only the calls of this agent's extension, so signing in
    // at one needs no new connection, and a reconnect asks for what it missed by the last event id.
    const subscription = api.cti.pops.subscribe({ since: new Date().toISOString() }, {
      onData: ({ data: pop }) => {
        setRinging(pop);
        location.hash = callHref(pop.caller, pop.callId);
        ringTone();
        reloadRecent();
      },
    });
    return () => subscription.unsubscribe();
  }, [reloadRecent]);

  useRingingTitle(ringing);
  if (!extension && !ringing) return null;
  return (
    <section className="call-desk">
      {ringing && <IncomingCallBanner call={ringing} onDismiss={() => setRinging(null)} />}
      {extension && recent.data && recent.data.length > 0 && <RecentCalls calls={recent.data} />}
    </section>
  );
}

function IncomingCallBanner({ call, onDismiss }: { call: ScreenPop; onDismiss: () => void }) {
  const { t, locale } = useI18n();
  const number = maskedCallerNumber(call.caller);
  const route = useRoute();
  const isOpen = route.name === 'intake' && route.call === call.callId;
  return (
    <div className="incoming-call" role="alert" aria-label={t('calls.ringing')}>
      <span className="incoming-call-icon" aria-hidden="true">☎</span>
      <div className="incoming-call-text">
        <strong>{t('calls.ringingFrom', { number })}</strong>
        <span className="incoming-call-kind">{t(`calls.kind.${call.callerKind}`)}</span>
        <span className="incoming-call-facts">
          {t('calls.callFacts', { time: formatTime(call.receivedAt, locale, false), extension: call.extension, called: call.called })}
        </span>
      </div>
      {/* Once the file for this call is open, the strip above the file speaks for the call. */}
      {isOpen ? <span className="incoming-call-open">{t('calls.fileOpen')}</span>
        : <a className="button primary" href={callHref(call.caller, call.callId)}>{t('calls.openFile')}</a>}
      <button type="button" onClick={onDismiss}>{t('calls.dismiss')}</button>
    </div>
  );
}

function RecentCalls({ calls }: { calls: readonly RecentCall[] }) {
  const { t, locale } = useI18n();
  return (
    <details className="recent-calls">
      <summary>{t('calls.recent', { count: String(calls.length) })}</summary>
      <ul aria-label={t('calls.recentRegion')}>
        {calls.map((call) => {
          const number = maskedCallerNumber(call.caller);
          return (
            <li key={call.id}>
              <span className="muted">{formatTime(call.receivedAt, locale)}</span>
              <span className="recent-number">{number}</span>
              <span>{call.orderNumbers.length > 0 ? t('calls.orders', { numbers: call.orderNumbers.join('、') }) : <span className="muted">{t('calls.noOrder')}</span>}</span>
              <a href={callHref(call.caller, call.callId)}>{t('calls.open', { number })}</a>
            </li>
          );
        })}
      </ul>
    </details>
  );
}

/** The tab's title says a call is ringing, so an agent on another tab or window sees it. */
function useRingingTitle(call: ScreenPop | null) {
  const { t } = useI18n();
  useEffect(() => {
    if (!call) return;
    const prefix = t('calls.titleRinging', { number: maskedCallerNumber(call.caller) });
    const apply = () => { if (!document.title.startsWith(prefix)) document.title = prefix + document.title; };
    apply();
    // The console retitles on every navigation; keep the prefix on until the banner is dismissed.
    const timer = setInterval(apply, 1_000);
    return () => {
      clearInterval(timer);
      document.title = document.title.replace(prefix, '');
    };
  }, [call, t]);
}
