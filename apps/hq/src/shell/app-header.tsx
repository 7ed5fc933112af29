import { useI18n } from '../i18n/i18n.js';
import { signOut, type HqSession } from '../session/session-store.js';
import { ReviewNavLink } from '../features/review/review-nav-link.js';
import { ExtensionField } from '../features/calls/extension-field.js';
import { LanguagePicker } from './language-picker.js';
import { routeHref, type Route } from './use-route.js';

/** Title, the two screens, who is signed in, language and sign-out. */
export function AppHeader({ session, route }: { session: HqSession; route: Route }) {
  const { t } = useI18n();
  return (
    <header className="app-header">
      <h1>{t('app.title')}</h1>
      <nav aria-label={t('nav.label')}>
        <a href={routeHref({ name: 'intake' })} aria-current={route.name === 'intake' ? 'page' : undefined}>{t('nav.intake')}</a>
        <a href={routeHref({ name: 'board', orderId: null })} aria-current={route.name === 'board' ? 'page' : undefined}>{t('nav.board')}</a>
        <ReviewNavLink current={route.name === 'review'} />
      </nav>
      <div className="account">
        <ExtensionField />
        <span className="who" title={session.user.displayName}>
          {/* On a phone only the name shows; the words stay for screen readers. */}
          <span className="who-label">{t('header.signedIn')}</span>
          {session.user.displayName}
        </span>
        <LanguagePicker />
        <button type="button" onClick={() => void signOut()}>{t('header.signOut')}</button>
      </div>
    </header>
  );
}
