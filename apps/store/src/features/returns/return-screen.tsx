import { deliveryFailureReasons, type Actor, type DeliveryFailureReason, type IsoDate, type OrderIn, type Result } from '@repo/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { db, type OutboxEntry, type StaffMember } from '../../local-db/store-db.js';
import { giveFeedback, unlockAudio } from '../../scanner/feedback/scan-feedback.js';
import { readScan } from '../../scanner/read-scan.js';
import { OrderSyncChip, useSyncStates } from '../../sync-status/order-sync-chip.js';
import { BagLabel } from '../handoff/bag-label.js';
import { readBadgeScan } from '../handoff/badge-scan.js';
import { ClerkPicker } from '../handoff/clerk-picker.js';
import { HandoffFacts } from '../handoff/order-facts.js';
import { ScanProblem } from '../handoff/scan-problem.js';
import { useScanInput } from '../handoff/scan-input.js';
import { isBagLabelOf, readStoreLabel } from '../handoff/store-labels.js';
import { confirmReturn, recordReturnedItem, retryDelivery } from './return-actions.js';
import { isEveryProductBack, productsToCheck } from './return-check.js';
import '../handoff/handoff.css';

type StoreActor = Extract<Actor, { storeId: string }>;
type Returned = OrderIn<'returned_to_store'>;

export interface ReturnScreenProps {
  readonly orderId: string;
  readonly actor: StoreActor;
  readonly onBack: () => void;
  /** Finished here (sent out again, or left to head office): back to the inbox. */
  readonly onDone: () => void;
}

/**
 * A failed delivery back at the store: why it failed; the goods confirmed back by the bag label's QR
 * code (it must be THIS order's) or by scanning every product; then a new attempt with a clerk, or
 * the order waits for head office.
 */
export function ReturnScreen({ orderId, actor, onBack, onDone }: ReturnScreenProps) {
  const { t, locale } = useI18n();
  const order = useLiveQuery(() => db.orders.get(orderId), [orderId]);
  const staff = useLiveQuery(() => db.staff.toArray(), []);
  const sync = useSyncStates();
  const check = useLiveQuery(() => db.returnChecks.get(orderId), [orderId]);
  const scanned: ReadonlySet<string> = new Set(check?.productIds ?? []);
  const [problem, setProblem] = useState<string | null>(null);
  const [selected, setSelected] = useState<StaffMember | null>(null);
  const [isLabelShown, setLabelShown] = useState(false);
  // "Sent out again" is said only after this screen did it, not for any order out for delivery.
  const [hasRetried, setRetried] = useState(false);
  const busy = useRef(false);
  const latest = useRef({ order, staff, scanned });
  latest.current = { order, staff, scanned };

  const retry = (clerk: StaffMember) => run(async () => {
    const result = await retryDelivery(orderId, clerk, actor);
    if (result.ok) setRetried(true);
    return result;
  });

  async function run(action: () => Promise<Result<OutboxEntry>>) {
    // One action at a time: a second tap or scan while the first is saving does nothing.
    if (busy.current) return;
    busy.current = true;
    try {
      const result = await action();
      if (!result.ok) setProblem(t(`rejection.${result.rejection.reason}`));
    } finally {
      busy.current = false;
    }
  }

  const fail = (message: string) => {
    giveFeedback('not_on_order');
    setProblem(message);
  };

  const scan = useScanInput(async (text) => {
    const current = latest.current.order;
    if (current?.status !== 'returned_to_store') return;
    if (current.goodsBackAt) return retryByBadge(text);
    const label = readStoreLabel(text);
    if (label?.kind === 'bag_label') {
      if (!isBagLabelOf(label.orderNumber, current)) return fail(t('returns.wrongLabel', { scanned: label.orderNumber, number: current.number }));
      giveFeedback('picked');
      setProblem(null);
      return run(() => confirmReturn(orderId, 'bag_label', actor));
    }
    if (label?.kind === 'clerk_badge') return fail(t('returns.badgeTooEarly'));
    if (label?.kind === 'malformed') return fail(t('returns.damagedLabel'));
    await checkItem(current, text);
  });

  async function checkItem(current: Returned, text: string) {
    const reading = await readScan(text, localToday(), scan.separators());
    if (reading.ok && reading.parsed.kind === 'command') return setProblem(null);
    if (!reading.ok || !reading.product) return fail(t('returns.unknownCode'));
    const product = reading.product;
    if (!productsToCheck(current).includes(product.id)) return fail(t('returns.notOnOrder', { name: product.name }));
    giveFeedback('picked');
    setProblem(null);
    const next = await recordReturnedItem(orderId, product.id);
    if (isEveryProductBack(current, next)) await run(() => confirmReturn(orderId, 'items', actor));
  }

  async function retryByBadge(text: string) {
    const read = readBadgeScan(text, latest.current.staff ?? []);
    if (!read.ok) return fail(t(read.problem === 'unknown_clerk' ? 'handoff.badgeUnknown' : read.problem === 'damaged_badge' ? 'handoff.badgeDamaged' : 'handoff.notBadge'));
    giveFeedback('picked');
    setSelected(read.clerk);
    setProblem(null);
    await retry(read.clerk);
  }

  if (!order || !staff) return null;
  if (isLabelShown) return <BagLabel orderId={orderId} onBack={() => setLabelShown(false)} />;
  const nameOf = (id: string) => staff.find((s) => s.id === id)?.displayName ?? t('handoff.unknownClerk', { id });
  const time = (iso: string) => new Intl.DateTimeFormat(locale, { hour: '2-digit', minute: '2-digit' }).format(new Date(iso));

  return (
    <section className="screen returns" aria-labelledby="returns-title" onPointerDown={unlockAudio}>
      <button type="button" className="back" onClick={onBack}>← {t('returns.back')}</button>
      <h2 id="returns-title">{t('returns.title')} · <span className="order-no">{order.number}</span></h2>
      {order.status === 'returned_to_store' ? (
        <>
          <FailureFacts order={order} clerkName={nameOf(order.clerkId)} />
          {!order.goodsBackAt ? (
            <>
              <h3>{t('returns.step1')}</h3>
              <p>{t('returns.scanPrompt')}</p>
              <ItemChecklist order={order} scanned={scanned} />
              {scan.camera}
            </>
          ) : (
            <>
              <p className="done" role="status">{t('returns.goodsBack', { time: time(order.goodsBackAt) })}</p>
              <p className="muted"><OrderSyncChip state={sync.stateOf(order.id)} /> {t('returns.saved')}</p>
              <h3 id="returns-step2">{t('returns.step2')}</h3>
              <HandoffFacts order={order} compact />
              <p className="muted">{t('returns.retryHint')}</p>
              <ClerkPicker
                clerks={[...staff].sort((a, b) => Number(b.id === order.clerkId) - Number(a.id === order.clerkId))}
                selectedId={selected?.id ?? null}
                onSelect={setSelected}
                labelledBy="returns-step2"
                nameOf={(c) => (c.id === order.clerkId ? t('returns.originalClerk', { name: c.displayName }) : c.displayName)}
              />
              {selected && (
                <button type="button" className="primary big" onClick={() => void retry(selected)}>
                  {t('returns.retryConfirm', { name: selected.displayName })}
                </button>
              )}
              <button type="button" className="secondary big" onClick={onDone}>{t('returns.leaveForHq')}</button>
              <p className="muted">{t('returns.leaveForHqHint')}</p>
              {scan.camera}
            </>
          )}
        </>
      ) : order.status === 'out_for_delivery' && hasRetried ? (
        <div className="next-step" role="status">
          <p className="done">{t('returns.retried', { name: nameOf(order.clerkId) })}</p>
          <p className="muted"><OrderSyncChip state={sync.stateOf(order.id)} /> {t('returns.saved')}</p>
          <button type="button" className="secondary big" onClick={() => setLabelShown(true)}>{t('returns.printLabel')}</button>
          <button type="button" className="primary big" onClick={onDone}>{t('returns.toInbox')}</button>
        </div>
      ) : (
        <p className="warning" role="status">{t('returns.notReturned', { status: t(`status.${order.status}`) })}</p>
      )}
      {problem && <ScanProblem message={problem} acknowledge={t('returns.acknowledge')} onAcknowledge={() => setProblem(null)} />}
    </section>
  );
}

function FailureFacts({ order, clerkName }: { order: Returned; clerkName: string }) {
  const { t } = useI18n();
  const reason = (deliveryFailureReasons as readonly string[]).includes(order.failureReason)
    ? t(`returns.reason.${order.failureReason as DeliveryFailureReason}`)
    : order.failureReason; // older orders: free text
  return (
    <dl className="facts failure">
      <dt>{t('returns.reason')}</dt><dd className="failure-reason">{reason}</dd>
      {order.failureNote && <><dt>{t('returns.note')}</dt><dd>{order.failureNote}</dd></>}
      <dt>{t('returns.clerk')}</dt><dd>{clerkName}</dd>
    </dl>
  );
}

function ItemChecklist({ order, scanned }: { order: Returned; scanned: ReadonlySet<string> }) {
  const { t } = useI18n();
  const needed = productsToCheck(order);
  const seen = needed.filter((id) => scanned.has(id)).length;
  return (
    <>
      <p className="muted" role="status">{t('returns.itemsProgress', { seen, total: needed.length })}</p>
      <ul className="return-items">
        {order.lines.filter((l) => needed.includes(l.productId)).map((line) => (
          <li key={line.productId} className={scanned.has(line.productId) ? 'seen' : undefined}>
            <span>{line.name}</span>
            <span className="chip">{scanned.has(line.productId) ? t('returns.itemSeen') : t('returns.itemMissing')}</span>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The store's calendar date (device local time), as GS1 dates are compared against it. */
function localToday(): IsoDate {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10) as IsoDate;
}
