import { useLiveQuery } from 'dexie-react-hooks';
import type { Actor } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import { db, type StoredOrder } from '../../local-db/store-db.js';

/** The store's next step for an order, wherever its screen is opened. */
export type OrderStep = 'pick' | 'handoff' | 'label' | 'return';

/**
 * What the manager does next with this order, as one big button, and a sentence when the next move
 * is someone else's (head office deciding a shortage, a clerk on the road). Every state leads on.
 */
export function OrderNextStep({ order, actor, onStep, onBack }: {
  order: StoredOrder;
  actor: Extract<Actor, { storeId: string }>;
  onStep: (step: OrderStep) => void;
  onBack: () => void;
}) {
  const { t } = useI18n();
  const clerk = useLiveQuery(async () => ('clerkId' in order ? await db.staff.get(order.clerkId) : undefined), [order]);
  if (actor.role !== 'store_manager') return null;
  // The screen's own back button leads to the inbox; the step offers only what comes next.
  void onBack;
  switch (order.status) {
    case 'accepted':
      return <Step note={t('step.accepted')}><button type="button" className="primary big" onClick={() => onStep('pick')}>{t('step.startPick')}</button></Step>;
    case 'picking':
      return <Step><button type="button" className="primary big" onClick={() => onStep('pick')}>{t('step.continuePick')}</button></Step>;
    case 'short':
      return <Step note={t('step.waitShort')}></Step>;
    case 'picked':
      return (
        <Step>
          <button type="button" className="primary big" onClick={() => onStep('handoff')}>{t('step.handoff')}</button>
          <button type="button" className="secondary big" onClick={() => onStep('label')}>{t('step.label')}</button>
          
        </Step>
      );
    case 'out_for_delivery':
      return <Step note={t('step.outForDelivery', { clerk: clerk?.displayName ?? order.clerkId })}></Step>;
    case 'returned_to_store':
      return (
        <Step note={t('step.returned')}>
          <button type="button" className="primary big" onClick={() => onStep('return')}>{t('step.return')}</button>
          
        </Step>
      );
    case 'delivered':
      return <Step note={t('step.delivered')}></Step>;
    default:
      return null;
  }
}

function Step({ note, children }: { note?: string; children?: React.ReactNode }) {
  return (
    <div className="next-step">
      {note && <p className="step-note">{note}</p>}
      {children}
    </div>
  );
}
