import type { Actor, OrderIn } from '@repo/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { db } from '../../local-db/store-db.js';
import { useNow } from '../../shell/use-now.js';
import { serverNowMs } from '../../sync/device-clock.js';
import { undoSecondsLeft } from '../deliveries/delivery-list.js';
import { useFormats } from '../deliveries/use-formats.js';
import { undoClose } from './fail-delivery.js';
import { ProofUploadState as ProofBlobState } from '../../proof/proof-upload-state.js';

interface DeliveredScreenProps {
  readonly orderId: string;
  readonly actor: Extract<Actor, { storeId: string }>;
  readonly onBack: () => void;
  /** After an undo: back to the close screen of the same order. */
  readonly onCloseAgain: (orderId: string) => void;
}

/** 已送达: what was recorded, each proof's upload state, and an undo while the window is open. */
export function DeliveredScreen({ orderId, actor, onBack, onCloseAgain }: DeliveredScreenProps) {
  const { t } = useI18n();
  const order = useLiveQuery(() => db.orders.get(orderId), [orderId]);
  const pending = useLiveQuery(() => db.outbox.where('orderId').equals(orderId).count(), [orderId]);
  return (
    <section className="screen delivered-screen" aria-labelledby="delivered-title">
      {order?.status === 'delivered' && <Delivered order={order} actor={actor} synced={pending === 0} />}
      {order?.status === 'out_for_delivery' && (
        <>
          <h2 id="delivered-title">{t('delivered.order', { number: order.number })}</h2>
          <p role="status" className="undone">{t('delivered.undone')}</p>
          <button type="button" className="primary big" onClick={() => onCloseAgain(order.id)}>{t('delivered.closeAgain')}</button>
        </>
      )}
      {order && order.status !== 'delivered' && order.status !== 'out_for_delivery' && (
        <h2 id="delivered-title">{order.number} · {t(`status.${order.status}`)}</h2>
      )}
      <button type="button" className={order?.status === 'delivered' ? 'primary big' : 'secondary'} onClick={onBack}>{t('close.back')}</button>
    </section>
  );
}

function Delivered({ order, actor, synced }: { order: OrderIn<'delivered'>; actor: DeliveredScreenProps['actor']; synced: boolean }) {
  const { t } = useI18n();
  const formats = useFormats();
  useNow(1_000);
  // The window closes by the server's clock, as this phone estimates it.
  const now = serverNowMs();
  const [problem, setProblem] = useState<string | null>(null);
  const left = undoSecondsLeft(order, now);
  const proofs = [order.proof?.photo, order.proof?.signature].filter((p) => p !== undefined);

  async function undo() {
    const result = await undoClose(order.id, actor);
    if (!result.ok) setProblem(t(`rejection.${result.rejection.reason}`));
  }

  return (
    <>
      <div className="delivered-banner" role="status">
        <span aria-hidden="true" className="tick">✓</span>
        <h2 id="delivered-title">{t('delivered.title')}</h2>
        <p>{t('delivered.order', { number: order.number })}</p>
      </div>
      {order.proof?.collectedFen !== undefined && <p className="collected">{t('delivered.collected', { amount: formats.money(order.proof.collectedFen) })}</p>}
      <p>{t(synced ? 'delivered.synced' : 'delivered.saved')}</p>
      {proofs.length > 0 && <p className="chips proof-states">{proofs.map((p) => <ProofBlobState key={p.sha256} sha256={p.sha256} />)}</p>}
      {left > 0 ? (
        <div className="undo-box">
          <p className="muted">{t('delivered.undoHint')}</p>
          <button type="button" className="danger" onClick={() => void undo()}>{t('delivered.undo', { left: formats.countdown(left) })}</button>
        </div>
      ) : <p className="muted">{t('delivered.undoPassed')}</p>}
      {problem && <p role="alert" className="error">{problem}</p>}
    </>
  );
}
