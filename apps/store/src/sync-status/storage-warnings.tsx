import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState } from 'react';
import { formatList } from '@repo/i18n';
import { useI18n } from '../i18n/i18n.js';
import { db, type MetaRow } from '../local-db/store-db.js';

type UnsentRow = Extract<MetaRow, { key: 'unsentElsewhere' }>;

/**
 * Lost storage is never silent (SY48): when this person's other device, or this one before its data
 * was cleared, reported actions that never arrived, say which orders; and while actions wait on a
 * device whose storage the browser may clear, say so on the main screen, not only in Settings.
 */
export function StorageWarnings() {
  const { t, locale } = useI18n();
  const unsent = useLiveQuery(() => db.meta.get('unsentElsewhere') as Promise<UnsentRow | undefined>, []);
  const queued = useLiveQuery(() => db.outbox.count(), []) ?? 0;
  const [persisted, setPersisted] = useState<boolean | null>(null);
  useEffect(() => {
    void navigator.storage?.persisted?.().then(setPersisted);
  }, [queued]);
  return (
    <>
      {unsent && !unsent.seenAt && (
        <div className="lost-work" role="alert">
          <strong>{t('storage.unsentElsewhere', { count: unsent.orders.length })}</strong>
          <p>{formatList(unsent.orders.map((o) => o.orderNumber), locale)}</p>
          <p>{t('storage.unsentElsewhereTodo')}</p>
          <button type="button" className="primary" onClick={() => void db.meta.put({ ...unsent, seenAt: new Date().toISOString() })}>{t('storage.ok')}</button>
        </div>
      )}
      {persisted === false && queued > 0 && (
        <div className="not-persisted" role="note">
          <p>{t('storage.notPersisted', { count: queued })}</p>
          <button type="button" className="secondary" onClick={() => void requestPersistentStorage().then(setPersisted)}>{t('storage.keep')}</button>
        </div>
      )}
    </>
  );
}

/**
 * Asks the browser to keep this app's data even when space runs low. Chromium grants it to an
 * installed app or after engagement, and only from a person's tap: call it from one.
 */
export async function requestPersistentStorage(): Promise<boolean> {
  return (await navigator.storage?.persist?.()) ?? false;
}
