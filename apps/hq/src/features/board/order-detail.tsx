import { useState } from 'react';
import { allowedEvents, type Order } from '@repo/domain';
import type { Params } from '@repo/i18n';
import type { HqKey } from '../../i18n/hq-catalogs.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { useApiQuery } from '../../shell/use-api-query.js';
import { routeHref } from '../../shell/use-route.js';
import { DeliveryFailureSection } from '../proof/delivery-failure.js';
import { DeliveryProofSection } from '../proof/delivery-proof.js';
import { PickedLots } from '../proof/picked-lots.js';
import { ShortPanel } from '../short/short-panel.js';
import { OrderSource } from '../review/order-source.js';
import { CancelPanel } from './cancel-panel.js';
import { ClosePanel } from './close-panel.js';
import { DispatchPanel } from './dispatch-panel.js';
import { OrderFacts } from './order-facts.js';
import { OrderHistory } from './order-history.js';
import { OrderLinesTable } from './order-lines-table.js';
import { StatusChip } from './status-chip.js';
import { useStoreNames } from './use-store-names.js';

interface OrderDetailProps {
  readonly orderId: string;
  readonly actorId: string;
  /** Tells the board to refresh at once after an action, rather than on its next poll. */
  readonly onChanged: () => void;
}

type Panel = 'dispatch' | 'cancel' | 'close' | 'short' | null;

/** What just happened, kept as a key so it follows a change of language. */
interface Notice {
  readonly key: HqKey;
  readonly params?: Params;
  /** Shown only while the order is still offered to this store: a decline or an expiry ends it. */
  readonly whileOfferedTo?: string;
}

/** One order: facts, lines, history, and the actions head office may take on it now. */
export function OrderDetail({ orderId, actorId, onChanged }: OrderDetailProps) {
  const { t } = useI18n();
  const detail = useApiQuery(() => api.orders.get.query({ orderId }), [orderId], { refreshMs: 5_000 });
  const storeNames = useStoreNames();
  const [panel, setPanel] = useState<Panel>(null);
  const [notice, setNotice] = useState<Notice | null>(null);

  function changed(message: Notice) {
    setPanel(null);
    setNotice(message);
    detail.reload();
    onChanged();
  }

  const order = detail.data?.order;
  return (
    <section className="order-detail card" aria-labelledby="order-heading">
      <div className="detail-head">
        <h2 id="order-heading">{order ? t('order.heading', { number: order.number }) : t('order.loading')}</h2>
        {order && <StatusChip status={order.status} />}
        <a className="button close" href={routeHref({ name: 'board', orderId: null })}>{t('order.close')}</a>
      </div>
      <ProblemAlert problem={detail.problem} />
      {notice && stillTrue(notice, order) && <p role="status" className="success">{t(notice.key, notice.params)}</p>}
      {order && detail.data && (
        <>
          <OrderFacts order={order} deliveryCode={detail.data.deliveryCode} storeNames={storeNames} now={detail.refreshedAt ?? new Date()} />
          <OrderSource intake={detail.data.intake} open={order.status === 'received'} />
          {/* What the door recorded comes before the buttons: head office checks it, then closes. */}
          {(order.status === 'delivered' || order.status === 'closed') && <DeliveryProofSection order={order} />}
          {order.status === 'returned_to_store' && <DeliveryFailureSection order={order} />}
          <OrderActions order={order} actorId={actorId} underReview={Boolean(detail.data.intake?.review)} panel={panel} onPanel={(p) => { setPanel(p); setNotice(null); }} onChanged={changed} />
          <OrderLinesTable lines={order.lines} />
          <PickedLots order={order} />
          <OrderHistory history={detail.data.history} order={order} storeNames={storeNames} channel={detail.data.intake?.channel} />
        </>
      )}
    </section>
  );
}

interface OrderActionsProps {
  readonly order: Order;
  readonly actorId: string;
  /** A web order waiting for review is not dispatched (the server refuses it too). */
  readonly underReview: boolean;
  readonly panel: Panel;
  readonly onPanel: (panel: Panel) => void;
  readonly onChanged: (message: Notice) => void;
}

/** The lifecycle decides which buttons show; the server decides again when one is pressed. */
function OrderActions({ order, actorId, underReview, panel, onPanel, onChanged }: OrderActionsProps) {
  const { t } = useI18n();
  const allowed = allowedEvents(order, { role: 'hq', userId: actorId });
  const canDispatch = allowed.includes('offer') && !underReview;
  const canCancel = allowed.includes('cancel');
  const canResolveShort = allowed.includes('resolve_short');
  // The end-of-day batch closes orders still out for delivery; here head office closes what the door proved.
  const canClose = allowed.includes('close') && order.status === 'delivered';
  if (panel === 'dispatch') {
    return <DispatchPanel order={order} onDispatched={(store, storeId) => onChanged({ key: 'dispatch.done', params: { store }, whileOfferedTo: storeId })} onBack={() => onPanel(null)} />;
  }
  if (panel === 'cancel') {
    return <CancelPanel orderId={order.id} status={order.status} onCancelled={() => onChanged({ key: 'cancel.done' })} onBack={() => onPanel(null)} />;
  }
  if (panel === 'close') {
    return <ClosePanel order={order} onClosed={() => onChanged({ key: 'close.done' })} onBack={() => onPanel(null)} />;
  }
  if (panel === 'short') {
    return <ShortPanel order={order} onResolved={(key) => onChanged({ key })} onBack={() => onPanel(null)} />;
  }
  return (
    <div className="actions" role="group" aria-label={t('order.actions')}>
      {canDispatch && <button type="button" className="primary" onClick={() => onPanel('dispatch')}>{t('dispatch.open')}</button>}
      {canResolveShort && <button type="button" className="primary" onClick={() => onPanel('short')}>{t('short.open')}</button>}
      {canClose && <button type="button" className="primary" onClick={() => onPanel('close')}>{t('close.open')}</button>}
      {canCancel && <button type="button" className="danger" onClick={() => onPanel('cancel')}>{t('cancel.open')}</button>}
      {!canDispatch && !canCancel && !canClose && !canResolveShort && <p className="muted">{t('order.noActions')}</p>}
    </div>
  );
}

function stillTrue(notice: Notice, order: Order | undefined): boolean {
  return !notice.whileOfferedTo || (order?.status === 'offered' && order.storeId === notice.whileOfferedTo);
}
