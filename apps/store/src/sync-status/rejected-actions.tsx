import { orderStatuses, storeActionNames, type OrderStatus, type StoreActionName } from '@repo/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../i18n/i18n.js';
import { db } from '../local-db/store-db.js';

/** Actions the server refused: what, why, and what to do. Stays until the person dismisses it. */
export function RejectedActions() {
  const { t } = useI18n();
  const rejections = useLiveQuery(() => db.rejections.toArray(), []) ?? [];
  if (rejections.length === 0) return null;
  return (
    <section className="rejections" aria-labelledby="rejections-title">
      <h2 id="rejections-title">{t('rejected.title', { count: rejections.length })}</h2>
      <ul>
        {rejections.map((r) => (
          <li key={r.seq}>
            <strong>{t('rejected.what', { action: t(actionKey(r.name)), number: r.orderNumber })}</strong>
            <p>{firstBy(t, r.rejection.details) ?? t(reasonKey(r.rejection.reason))}{nowStatus(t, r.rejection.details)}</p>
            <p className="muted">{t('rejected.todo')}</p>
            <button type="button" aria-label={t('rejected.dismiss', { number: r.orderNumber })} onClick={() => r.seq !== undefined && void db.rejections.delete(r.seq)}>
              {t('rejected.ok')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** "The order is now cancelled": the fact that usually explains a refusal. */
function nowStatus(t: ReturnType<typeof useI18n>['t'], details: Record<string, string | number> | undefined): string {
  const status = details?.status;
  return typeof status === 'string' && (orderStatuses as readonly string[]).includes(status)
    ? ' ' + t('rejected.nowStatus', { status: t(`status.${status as OrderStatus}`) })
    : '';
}

/** "王店长 got to this order first": what happened when two handhelds acted on one order. */
function firstBy(t: ReturnType<typeof useI18n>['t'], details: Record<string, string | number> | undefined): string | undefined {
  if (details?.byYou === 1) return t('rejected.byYouElsewhere');
  return typeof details?.byName === 'string' ? t('rejected.byOther', { name: details.byName }) : undefined;
}

function actionKey(name: string) {
  return (storeActionNames as readonly string[]).includes(name) ? (`action.${name as StoreActionName}` as const) : ('action.unknown' as const);
}

function reasonKey(reason: string) {
  if (reason === 'INVALID_ACTION') return 'rejection.INVALID_INPUT' as const;
  // A replayed number under another action (docs/security.md SEC30): the device itself needs fixing.
  if (reason === 'MUTATION_ID_REUSED') return 'rejection.MUTATION_ID_REUSED' as const;
  return `rejection.${reason}` as 'rejection.INVALID_INPUT';
}
