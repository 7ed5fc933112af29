import { declineReasons, type Actor } from '@repo/domain';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import type { StoredOrder } from '../../local-db/store-db.js';
import { queueAction } from '../../sync/queue-action.js';
import type { OrderStep } from './order-steps.js';

type StoreActor = Extract<Actor, { storeId: string }>;

/**
 * Accept or decline an offer. Saved on the device first; the outbox takes it to the server. After a
 * tap the screen says where the action is (on this device, or with head office) and what comes next.
 */
export function OfferActions({ order, actor, pending, onBack }: {
  order: StoredOrder;
  actor: StoreActor;
  /** Whether an action of this order is still waiting on this device. */
  pending: boolean;
  onStep: (step: OrderStep) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState<(typeof declineReasons)[number]>('out_of_stock');
  const [done, setDone] = useState<'accepted' | 'declined' | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const where = done && <p role="alert" className={pending ? 'saved' : 'synced'}>{pending ? t('offer.saved') : t('order.synced')}</p>;

  if (done === 'declined' || (order.status === 'received')) {
    return (
      <div className="offer-actions">
        <p className="step-note">{t('departure.declined', { number: order.number })}</p>
        {where}
        <button type="button" className="primary big" onClick={onBack}>{t('departure.ok')}</button>
      </div>
    );
  }
  if (order.status !== 'offered' || actor.role !== 'store_manager') return where || null;

  async function run(name: 'offer.accept' | 'offer.decline') {
    const args = name === 'offer.accept' ? { orderId: order.id } : { orderId: order.id, reason };
    const result = await queueAction({ name, version: name === 'offer.accept' ? 1 : 2, args }, actor);
    if (result.ok) setDone(name === 'offer.accept' ? 'accepted' : 'declined');
    setRefusal(result.ok ? null : t(`rejection.${result.rejection.reason}`));
  }

  return (
    <div className="offer-actions">
      {refusal && <p role="alert">{refusal}</p>}
      {!declining ? (
        <>
          <button type="button" className="primary big" onClick={() => void run('offer.accept')}>{t('offer.accept')}</button>
          <button type="button" className="secondary big" onClick={() => setDeclining(true)}>{t('offer.decline')}</button>
        </>
      ) : (
        <>
          <label htmlFor="decline-reason">{t('offer.declineReason')}</label>
          <select id="decline-reason" value={reason} onChange={(e) => setReason(e.target.value as typeof reason)}>
            {declineReasons.map((r) => <option key={r} value={r}>{t(`decline.${r}`)}</option>)}
          </select>
          <button type="button" className="danger big" onClick={() => void run('offer.decline')}>{t('offer.confirmDecline')}</button>
          <button type="button" className="secondary" onClick={() => setDeclining(false)}>{t('offer.cancel')}</button>
        </>
      )}
    </div>
  );
}
