import { useEffect, useState } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { applyUpdate, onUpdateReady } from './register-service-worker.js';

/** Offers a waiting app update; nothing changes until the person taps it. */
export function UpdateBanner() {
  const { t } = useI18n();
  const [ready, setReady] = useState(false);
  useEffect(() => onUpdateReady(setReady), []);
  if (!ready) return null;
  return (
    <div className="update-banner" role="alert">
      <span>{t('update.available')}</span>
      <button type="button" onClick={() => void applyUpdate()}>{t('update.apply')}</button>
    </div>
  );
}
