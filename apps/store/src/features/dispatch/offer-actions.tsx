import { declineReasons, type Actor } from '@repo/domain';
import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import type { StoredOrder } from '../../local-db/store-db.js';
import { queueAction } from '../../sync/queue-action.js';

type StoreActor = Extract<Actor, { storeId: string }>;

/** Accept or decline an offer. Saved on the device first; the outbox takes it to the server. */
export function OfferActions({ order, actor }: { order: StoredOrder; actor: StoreActor }) {
  const { t } = useI18n();
  const [declining, setDeclining] = useState(false);
  const [reason, setReason] = useState<(typeof declineReasons)[number]>('out_of_stock');
  const [message, setMessage] = useState<string | null>(null);
  // The confirmation outlives the buttons: once accepted the order is no longer an offer.
  if (order.status !== 'offered' || actor.role !== 'store_manager') return message ? <p role="alert" className="saved">{message}</p> : null;

  async function run(name: 'offer.accept' | 'offer.decline') {
    const args = name === 'offer.accept' ? { orderId: order.id } : { orderId: order.id, reason };
    const result = await queueAction({ name, version: name === 'offer.accept' ? 1 : 2, args }, actor);
    setMessage(result.ok ? t('offer.saved') : t(`rejection.${result.rejection.reason}`));
  }

  return (
    <div className="offer-actions">
      {message && <p role="alert">{message}</p>}
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
