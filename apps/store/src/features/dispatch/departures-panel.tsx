import { useLiveQuery } from 'dexie-react-hooks';
import { declineReasons } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import { db, type Departure } from '../../local-db/store-db.js';

/** States in which the store may already have goods off the shelf for the order. */
const goodsOut = new Set(['picking', 'short', 'picked', 'out_for_delivery', 'returned_to_store']);

/** Orders that left this device's list, and why: nothing disappears without a word. */
export function DeparturesPanel() {
  const { t } = useI18n();
  const departures = useLiveQuery(() => db.departures.filter((d) => d.seenAt === undefined).toArray(), []) ?? [];
  if (departures.length === 0) return null;
  return (
    <section className="departures" aria-labelledby="departures-title">
      <h2 id="departures-title">{t('departure.title')}</h2>
      <ul>
        {departures.map((d) => (
          <li key={d.orderId}>
            <DepartureText departure={d} />
            <button type="button" aria-label={t('departure.dismiss', { number: d.orderNumber })}
              onClick={() => void db.departures.update(d.orderId, { seenAt: new Date().toISOString() })}>
              {t('departure.ok')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What happened to the order, the reason given, and what to do with goods already picked. */
export function DepartureText({ departure }: { departure: Departure }) {
  const { t } = useI18n();
  const reason = departure.reason && (declineReasons as readonly string[]).includes(departure.reason)
    ? t(`decline.${departure.reason as (typeof declineReasons)[number]}`)
    : departure.reason;
  return (
    <>
      <strong>{t(`departure.${departure.why}`, { number: departure.orderNumber })}</strong>
      {reason && <p>{t('departure.reason', { reason })}</p>}
      {departure.why !== 'reassigned' && departure.status && goodsOut.has(departure.status) && <p className="put-back">{t('departure.putBack')}</p>}
    </>
  );
}
