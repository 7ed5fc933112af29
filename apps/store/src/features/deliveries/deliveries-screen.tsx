import type { Actor, OrderIn } from '@repo/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { db } from '../../local-db/store-db.js';
import { useNow } from '../../shell/use-now.js';
import { serverNowMs } from '../../sync/device-clock.js';
import { OrderSyncChip, useSyncStates } from '../../sync-status/order-sync-chip.js';
import { RejectedActions } from '../../sync-status/rejected-actions.js';
import { undoClose } from '../close/fail-delivery.js';
import { DeliveryCard } from './delivery-card.js';
import { deliveryList, undoSecondsLeft } from './delivery-list.js';
import { useFormats } from './use-formats.js';

interface DeliveriesScreenProps {
  readonly actor: Extract<Actor, { storeId: string }>;
  readonly onClose: (orderId: string) => void;
  readonly onFail: (orderId: string) => void;
}

/** 我的配送: the orders handed to this clerk, soonest promise first, then today's deliveries. */
export function DeliveriesScreen({ actor, onClose, onFail }: DeliveriesScreenProps) {
  const { t } = useI18n();
  const orders = useLiveQuery(() => db.orders.where('storeId').equals(actor.storeId).toArray(), [actor.storeId]);
  const sync = useSyncStates();
  // One clock for the list: promises and undo countdowns move with it, by the server's clock as
  // this phone estimates it (a phone minutes off would otherwise offer an undo the server refuses).
  useNow(1_000);
  const now = serverNowMs();
  if (!orders) return null;
  // Pull already sends a clerk only their orders; the filter keeps a shared phone honest too.
  const mine = orders.filter((o) => !('clerkId' in o) || o.clerkId === actor.userId);
  const list = deliveryList(mine, new Date(now));
  return (
    <section className="screen deliveries" aria-labelledby="deliveries-title">
      <RejectedActions />
      <h2 id="deliveries-title">{t('deliveries.title')} <span className="muted">{t('deliveries.count', { count: list.toDeliver.length })}</span></h2>
      {list.toDeliver.length === 0 ? <p className="empty">{t('deliveries.empty')}</p> : (
        <ul className="delivery-list" aria-labelledby="deliveries-title">
          {list.toDeliver.map((order) => (
            <DeliveryCard key={order.id} order={order} now={now} sync={sync.stateOf(order.id)} onClose={onClose} onFail={onFail} />
          ))}
        </ul>
      )}
      {list.deliveredToday.length > 0 && (
        <>
          <h3 id="delivered-today">{t('deliveries.deliveredToday')}</h3>
          <ul className="delivered-list" aria-labelledby="delivered-today">
            {list.deliveredToday.map((order) => <DeliveredRow key={order.id} order={order} now={now} actor={actor} sync={sync.stateOf(order.id)} />)}
          </ul>
        </>
      )}
    </section>
  );
}

function DeliveredRow({ order, now, actor, sync }: { order: OrderIn<'delivered'>; now: number; actor: DeliveriesScreenProps['actor']; sync: ReturnType<ReturnType<typeof useSyncStates>['stateOf']> }) {
  const { t } = useI18n();
  const formats = useFormats();
  const [problem, setProblem] = useState<string | null>(null);
  const left = undoSecondsLeft(order, now);
  async function undo() {
    const result = await undoClose(order.id, actor);
    if (!result.ok) setProblem(t(`rejection.${result.rejection.reason}`));
  }
  return (
    <li className="delivered-row">
      <span className="row"><strong>{order.number}</strong> <OrderSyncChip state={sync} /></span>
      <span className="muted">{order.customerName} · {t('deliveries.deliveredAt', { time: formats.time(order.deliveredAt, new Date(now)) })}</span>
      {left > 0 && (
        <button type="button" className="danger" aria-label={t('deliveries.undoLabel', { number: order.number, left: formats.countdown(left) })} onClick={() => void undo()}>
          {t('deliveries.undo', { left: formats.countdown(left) })}
        </button>
      )}
      {problem && <p role="alert" className="error">{problem}</p>}
    </li>
  );
}
