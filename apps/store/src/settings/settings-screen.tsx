import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { db, type StoredSession } from '../local-db/store-db.js';
import { signOut } from '../session/session-store.js';
import { LanguagePicker } from './language-picker.js';

/** Language, who is signed in, storage and sign-out. */
export function SettingsScreen({ session, onScanTest }: { session: StoredSession; onScanTest: () => void }) {
  const { t } = useI18n();
  const [persisted, setPersisted] = useState<boolean | null>(null);
  const [confirming, setConfirming] = useState(false);
  // Only this person's actions wait on their sign-out; other people's are theirs to send.
  const queued = useLiveQuery(() => db.outbox.filter((e) => e.userId === session.user.id && e.storeId === session.user.storeId).count(), [session]) ?? 0;
  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, []);
  return (
    <section className="screen" aria-labelledby="settings-title">
      <h2 id="settings-title">{t('settings.title')}</h2>
      <p>{t('settings.signedInAs', { name: session.user.displayName })}</p>
      <LanguagePicker />
      <button type="button" className="secondary field" onClick={onScanTest}>{t('scanner.testTitle')}</button>
      <p className="muted">{t('settings.storage')}: {persisted === null ? '…' : persisted ? t('settings.persisted') : t('settings.notPersisted')}</p>
      {confirming ? (
        <div role="alertdialog" aria-labelledby="sign-out-warning" className="warning">
          <p id="sign-out-warning">{t('settings.signOutWarning', { count: queued })}</p>
          <button type="button" className="danger" onClick={() => void signOut()}>{t('settings.signOutAnyway')}</button>
          <button type="button" onClick={() => setConfirming(false)}>{t('offer.cancel')}</button>
        </div>
      ) : (
        <button type="button" className="danger" onClick={() => (queued > 0 ? setConfirming(true) : void signOut())}>{t('settings.signOut')}</button>
      )}
    </section>
  );
}
