import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../i18n/i18n.js';
import { db } from '../local-db/store-db.js';
import type { ConnectionState } from '../features/dispatch/inbox-refresh.js';

/** The device bar: online or offline, and when the inbox last arrived. */
export function ConnectionBar({ state }: { state: ConnectionState }) {
  const { t, locale } = useI18n();
  const meta = useLiveQuery(() => db.meta.get('inbox'), []);
  const label = state === 'online' ? t('status.online') : state === 'session_expired' ? t('status.sessionExpired') : state === 'connecting' ? t('status.connecting') : t('status.offline');
  const time = meta ? new Date(meta.refreshedAt).toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) : null;
  return (
    <div className={`connection-bar ${state}`} role="status" aria-live="polite" aria-label={label}>
      <span className="dot" aria-hidden="true" />
      <strong>{label}</strong>
      <span className="muted">{time ? t('status.lastRefresh', { time }) : t('status.neverRefreshed')}</span>
    </div>
  );
}
