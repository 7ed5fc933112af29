import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../i18n/i18n.js';
import { db, type MetaRow } from '../local-db/store-db.js';
import { forgetSession } from '../session/session-token.js';

/** When the server stops accepting the session, the queue waits and the person is asked to sign in. */
export function SessionExpiredBanner() {
  const { t } = useI18n();
  const status = useLiveQuery(() => db.meta.get('status'), []) as Extract<MetaRow, { key: 'status' }> | undefined;
  if (status?.state !== 'session_expired') return null;
  return (
    <div className="update-banner" role="alert">
      <span>{t('sync.sessionExpiredHelp')}</span>
      <button type="button" onClick={() => void forgetSession()}>{t('sync.signInAgain')}</button>
    </div>
  );
}
