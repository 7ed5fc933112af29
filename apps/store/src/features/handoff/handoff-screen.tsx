import { clerkOf, type Actor } from '@repo/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { db, type StaffMember } from '../../local-db/store-db.js';
import { giveFeedback, unlockAudio } from '../../scanner/feedback/scan-feedback.js';
import { OrderSyncChip, useSyncStates } from '../../sync-status/order-sync-chip.js';
import { BagLabel } from './bag-label.js';
import { readBadgeScan, type BadgeProblem } from './badge-scan.js';
import { ClerkPicker } from './clerk-picker.js';
import { handOff } from './hand-off.js';
import { HandoffFacts } from './order-facts.js';
import { ScanProblem } from './scan-problem.js';
import { useScanInput } from './scan-input.js';
import './handoff.css';

type StoreActor = Extract<Actor, { storeId: string }>;

export interface HandoffScreenProps {
  readonly orderId: string;
  readonly actor: StoreActor;
  /** Back to the order, nothing done. */
  readonly onBack: () => void;
  /** The hand-off is saved and the manager is finished here: back to the inbox. */
  readonly onDone: () => void;
}

const problemText: Record<BadgeProblem, 'handoff.badgeUnknown' | 'handoff.badgeDamaged' | 'handoff.notBadge'> = {
  unknown_clerk: 'handoff.badgeUnknown',
  damaged_badge: 'handoff.badgeDamaged',
  not_a_badge: 'handoff.notBadge',
};

/**
 * 交接: a picked order goes to one of the store's clerks, chosen by scanning their badge (at once:
 * the clerk is at the counter) or by tapping a name and confirming. Then the bag label.
 */
export function HandoffScreen({ orderId, actor, onBack, onDone }: HandoffScreenProps) {
  const { t } = useI18n();
  const order = useLiveQuery(() => db.orders.get(orderId), [orderId]);
  const staff = useLiveQuery(() => db.staff.toArray(), []);
  const sync = useSyncStates();
  const [selected, setSelected] = useState<StaffMember | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [isLabelShown, setLabelShown] = useState(false);
  const busy = useRef(false);
  const latest = useRef({ order, staff });
  latest.current = { order, staff };

  async function assign(clerk: StaffMember) {
    // One hand-off per order: a second tap or scan while the first is saving does nothing.
    if (busy.current || latest.current.order?.status !== 'picked') return;
    busy.current = true;
    try {
      const result = await handOff(orderId, clerk, actor);
      setMessage(result.ok ? null : t(`rejection.${result.rejection.reason}`));
    } finally {
      busy.current = false;
    }
  }

  const scan = useScanInput(async (text) => {
    if (latest.current.order?.status !== 'picked') return;
    const read = readBadgeScan(text, latest.current.staff ?? []);
    if (!read.ok) {
      giveFeedback('unknown_code');
      setMessage(t(problemText[read.problem]));
      return;
    }
    giveFeedback('picked');
    setMessage(null);
    setSelected(read.clerk);
    await assign(read.clerk);
  });

  if (!order || !staff) return null;
  if (isLabelShown) return <BagLabel orderId={orderId} onBack={() => setLabelShown(false)} />;
  const clerkId = clerkOf(order);
  const clerkName = (id: string) => staff.find((s) => s.id === id)?.displayName ?? t('handoff.unknownClerk', { id });

  return (
    <section className="screen handoff" aria-labelledby="handoff-title" onPointerDown={unlockAudio}>
      <button type="button" className="back" onClick={onBack}>← {t('handoff.back')}</button>
      <h2 id="handoff-title">{t('handoff.title', { number: order.number })}</h2>
      <HandoffFacts order={order} />
      {order.status === 'picked' ? (
        <>
          <h3 id="handoff-clerks">{t('handoff.chooseClerk')}</h3>
          {staff.length === 0 ? <p className="warning">{t('handoff.noClerks')}</p> : <p className="muted">{t('handoff.scanBadge')}</p>}
          <ClerkPicker clerks={staff} selectedId={selected?.id ?? null} onSelect={setSelected} labelledBy="handoff-clerks" />
          {selected && (
            <button type="button" className="primary big" onClick={() => void assign(selected)}>{t('handoff.confirm', { name: selected.displayName })}</button>
          )}
          {/* Last: the handheld's own scanner needs no button, only phones without one use the camera. */}
          {scan.camera}
        </>
      ) : order.status === 'out_for_delivery' && clerkId ? (
        <div className="next-step" role="status">
          <p className="done">{t('handoff.done', { name: clerkName(clerkId) })}</p>
          <p className="muted"><OrderSyncChip state={sync.stateOf(order.id)} /> {t('handoff.saved')}</p>
          <p>{t('handoff.nextStep')}</p>
          <button type="button" className="primary big" onClick={() => setLabelShown(true)}>{t('handoff.printLabel')}</button>
          <button type="button" className="secondary big" onClick={onDone}>{t('handoff.toInbox')}</button>
        </div>
      ) : (
        <p className="warning" role="status">{t('handoff.notPicked', { status: t(`status.${order.status}`) })}</p>
      )}
      {message && <ScanProblem message={message} acknowledge={t('handoff.acknowledge')} onAcknowledge={() => setMessage(null)} />}
    </section>
  );
}
