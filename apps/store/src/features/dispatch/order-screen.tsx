import type { Actor } from '@repo/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../i18n/i18n.js';
import { db, type StoredOrder } from '../../local-db/store-db.js';
import { OrderSyncChip, useSyncStates } from '../../sync-status/order-sync-chip.js';
import { DepartureText } from './departures-panel.js';
import { OfferActions } from './offer-actions.js';
import { OrderNextStep, type OrderStep } from './order-steps.js';

type StoreActor = Extract<Actor, { storeId: string }>;

/** One order as the store sees it: who, where, what, and what the store can do next. */
export function OrderScreen({ orderId, actor, onBack, onStep }: {
  orderId: string;
  actor: StoreActor;
  onBack: () => void;
  onStep: (orderId: string, step: OrderStep) => void;
}) {
  const { t } = useI18n();
  const order = useLiveQuery(async () => (await db.orders.get(orderId)) ?? null, [orderId]);
  const departure = useLiveQuery(() => db.departures.get(orderId), [orderId]);
  const sync = useSyncStates();
  if (order === undefined) return null;
  return (
    <section className="screen" aria-labelledby="order-title">
      {order === null || order.storeId !== actor.storeId ? (
        <OrderGone departure={departure} onBack={onBack} />
      ) : (
        <>
          <button type="button" className="back" onClick={onBack}>← {t('order.back')}</button>
          <h2 id="order-title">{order.number}</h2>
          <p className="chips"><span className={`chip status-${order.status}`}>{t(`status.${order.status}`)}</span> <OrderSyncChip state={sync.stateOf(order.id)} /></p>
          <OfferActions order={order} actor={actor} pending={sync.stateOf(order.id) === 'pending'} onStep={(step) => onStep(order.id, step)} onBack={onBack} />
          <OrderNextStep order={order} actor={actor} onStep={(step) => onStep(order.id, step)} onBack={onBack} />
          <OrderFacts order={order} />
        </>
      )}
    </section>
  );
}

/** The order left this device (cancelled, re-dispatched, declined): say why, and lead back. */
function OrderGone({ departure, onBack }: { departure: Parameters<typeof DepartureText>[0]['departure'] | undefined; onBack: () => void }) {
  const { t } = useI18n();
  return (
    <div className="order-gone">
      <h2 id="order-title">{departure?.orderNumber ?? t('order.gone')}</h2>
      {departure ? <DepartureText departure={departure} /> : <p>{t('order.gone')}</p>}
      <button type="button" className="primary big" onClick={() => {
        if (departure) void db.departures.update(departure.orderId, { seenAt: new Date().toISOString() });
        onBack();
      }}>{t('departure.ok')}</button>
    </div>
  );
}

const money = new Map<string, Intl.NumberFormat>();

/** ¥12.50 in the person's language; amounts travel in fen. */
export function formatFen(fen: number, locale: string): string {
  let format = money.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency: 'CNY' });
    money.set(locale, format);
  }
  return format.format(fen / 100);
}

function OrderFacts({ order }: { order: StoredOrder }) {
  const { t, locale } = useI18n();
  const time = new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' });
  return (
    <>
      <dl className="facts">
        <dt>{t('order.customer')}</dt><dd>{order.customerName}</dd>
        <dt>{t('order.phone')}</dt><dd><a href={`tel:${order.customerPhone}`} aria-label={t('order.call', { phone: order.customerPhone })}>{order.customerPhone}</a></dd>
        <dt>{t('order.address')}</dt><dd>{order.address.text}</dd>
        {order.promisedAt && <><dt>{t('order.promised')}</dt><dd>{time.format(new Date(order.promisedAt))}</dd></>}
        {order.payment && (
          <>
            <dt>{t('order.payment')}</dt>
            <dd className={order.payment.method === 'on_delivery' ? 'collect' : undefined}>
              {order.payment.method === 'on_delivery' ? t('order.toCollect', { amount: formatFen(order.payment.amountDueFen, locale) }) : t('order.prepaid')}
            </dd>
          </>
        )}
      </dl>
      <table className="lines">
        <caption>{t('order.lines')}</caption>
        <thead><tr><th scope="col">{t('order.product')}</th><th scope="col">{t('order.quantity')}</th></tr></thead>
        <tbody>
          {order.lines.map((line) => (
            <tr key={line.productId}><td>{line.name}<br /><span className="muted gtin">{printedCode(line.gtin)}</span></td><td className="qty">{line.quantity}</td></tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** Barcodes as printed on the pack: an EAN-13 shows its 13 digits, not the GTIN-14 with a leading zero. */
export function printedCode(gtin14: string): string {
  return gtin14.startsWith('0') ? gtin14.slice(1) : gtin14;
}
