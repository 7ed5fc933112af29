import { useEffect } from 'react';
import { DispatchBoard } from '../features/board/dispatch-board.js';
import { CallDesk } from '../features/calls/call-desk.js';
import { DispatchNotices } from '../features/dispatch/dispatch-notices.js';
import { IntakeScreen } from '../features/intake/intake-screen.js';
import { ReviewScreen } from '../features/review/review-screen.js';
import { useI18n } from '../i18n/i18n.js';
import { LoginScreen } from '../session/login-screen.js';
import { useSessionState, type HqSession } from '../session/session-store.js';
import { AppHeader } from './app-header.js';
import { useRoute } from './use-route.js';

/** Signed out: the login. Signed in: intake and the dispatch board. */
export function App() {
  const { session, expired } = useSessionState();
  const { locale } = useI18n();
  useEffect(() => {
    document.documentElement.lang = locale;
  }, [locale]);
  return session ? <Console session={session} /> : <LoginScreen expired={expired} />;
}

function Console({ session }: { session: HqSession }) {
  const route = useRoute();
  const { t } = useI18n();
  useEffect(() => {
    document.title = `${t(route.name === 'intake' ? 'nav.intake' : route.name === 'review' ? 'nav.review' : 'nav.board')} · ${t('app.title')}`;
  }, [route.name, t]);
  return (
    <div className="shell">
      <AppHeader session={session} route={route} />
      <main>
        <CallDesk />
        <DispatchNotices />
        {/* A new screen pop is a new caller: the screen starts afresh. */}
        {route.name === 'intake' && <IntakeScreen key={`${route.phone ?? ''}|${route.call ?? ''}`} phone={route.phone} call={route.call} />}
        {route.name === 'board' && <DispatchBoard orderId={route.orderId} actorId={session.user.id} />}
        {route.name === 'review' && <ReviewScreen />}
      </main>
    </div>
  );
}
