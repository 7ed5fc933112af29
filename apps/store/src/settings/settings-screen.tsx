import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import type { StoredSession } from '../local-db/store-db.js';
import { signOut } from '../session/session-store.js';
import { LanguagePicker } from './language-picker.js';

/** Language, who is signed in, storage and sign-out. */
export function SettingsScreen({ session }: { session: StoredSession }) {
  const { t } = useI18n();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <p>{t('settings.signedInAs', { name: session.user.displayName })}</p>
      <LanguagePicker />
      <p className="muted">{t('settings.storage')}: {persisted === null ? '…' : persisted ? '✓' : '—'}</p>
      <button type="button" className="danger" onClick={() => void signOut()}>{t('settings.signOut')}</button>
    </section>
  );
}
