import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../i18n/i18n.js';
import { db } from '../../local-db/store-db.js';
import { QrCode } from './qr-code.js';
import { clerkBadgePayload } from './store-labels.js';
import './print.css';

/** A printable page of badges, one per clerk of this store: the name and the QR `CLERK:<userId>`. */
export function ClerkBadges({ onBack }: { onBack: () => void }) {
  const { t } = useI18n();
  const staff = useLiveQuery(() => db.staff.toArray(), []);
  if (!staff) return null;
  return (
    <section className="screen print-view" aria-labelledby="badges-title">
      <div className="print-toolbar no-print">
        <button type="button" className="back" onClick={onBack}>← {t('badges.back')}</button>
        <h2 id="badges-title">{t('badges.title')}</h2>
        <p className="muted">{t('badges.hint')}</p>
        {staff.length > 0 && <button type="button" className="primary big" onClick={() => window.print()}>{t('badges.print')}</button>}
      </div>
      {staff.length === 0 ? (
        <p className="warning">{t('badges.none')}</p>
      ) : (
        <ul className="print-sheet clerk-badges" aria-labelledby="badges-title">
          {staff.map((clerk) => (
            <li key={clerk.id} className="clerk-badge">
              <p className="badge-name">{clerk.displayName}</p>
              <p className="badge-role">{t('badges.role')}</p>
              <QrCode text={clerkBadgePayload(clerk.id)} label={t('badges.qr', { name: clerk.displayName })} className="badge-qr" />
              <p className="badge-id">{clerk.id}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
