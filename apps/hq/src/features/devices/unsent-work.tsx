import { formatList } from '@repo/i18n';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatTime } from '../../shell/format-time.js';
import { useApiQuery } from '../../shell/use-api-query.js';

/**
 * Work store devices said they still had to send (docs/sync-protocol.md SY48): nothing a store's
 * device loses goes unseen by head office. Shown only when there is some.
 */
export function UnsentWork() {
  const { t, locale } = useI18n();
  const unsent = useApiQuery(() => api.devices.unsentWork.query(), [], { refreshMs: 30_000 });
  if (!unsent.data || unsent.data.length === 0) return null;
  return (
    <section className="unsent-work" aria-labelledby="unsent-title">
      <h3 id="unsent-title">{t('unsent.title')}</h3>
      <p className="muted">{t('unsent.help')}</p>
      <ul>
        {unsent.data.map((row) => (
          <li key={`${row.storeId}-${row.reportedAt}-${row.userName ?? ''}`}>
            {t('unsent.row', {
              store: row.storeName, user: row.userName ?? t('unsent.unknownUser'), count: row.depth,
              orders: formatList(row.orderNumbers, locale), time: formatTime(new Date(row.reportedAt), locale, false),
            })}
          </li>
        ))}
      </ul>
    </section>
  );
}
