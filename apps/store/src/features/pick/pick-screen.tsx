import type { Actor, Order } from '@repo/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { db, type MetaRow } from '../../local-db/store-db.js';
import { CameraScanner } from '../../scanner/camera/camera-scanner.js';
import { unlockAudio } from '../../scanner/feedback/scan-feedback.js';
import { useWedgeScanner } from '../../scanner/use-wedge-scanner.js';
import { DecisionNotice, ReportShortPanel, ShortDialog, StopDialog } from './pick-dialogs.js';
import { PickLines, settledCount } from './pick-lines.js';
import { dropPick, startPick, thisDevice } from './pick-progress.js';
import { usePickSession, type PickNews } from './use-pick-session.js';
import './pick.css';

type StoreActor = Extract<Actor, { storeId: string }>;

export interface PickScreenProps {
  readonly orderId: string;
  readonly actor: StoreActor;
  readonly onBack: () => void;
  /** Called once the finish or the short report is queued on this device. */
  readonly onDone: () => void;
}

/**
 * 备货: picks one order by scan on this handheld. Opening it for an accepted order starts the pick
 * here ([PK10]); every other state says what it means for the person holding the device.
 */
export function PickScreen({ orderId, actor, onBack, onDone }: PickScreenProps) {
  const { t } = useI18n();
  // null: the order left this device (re-dispatched, cancelled, gone); undefined: still loading.
  const order = useLiveQuery(async () => (await db.orders.get(orderId)) ?? null, [orderId]);
  const device = useLiveQuery(async () => ((await db.meta.get('client')) as Extract<MetaRow, { key: 'client' }> | undefined)?.clientId ?? null, []);
  const departure = useLiveQuery(() => db.departures.get(orderId), [orderId]);
  const [startError, setStartError] = useState<string | undefined>(undefined);
  const isStarting = useRef(false);

  // A device that never queued anything has no sync id yet; a pick needs one to belong to.
  useEffect(() => {
    if (device === null) void thisDevice();
  }, [device]);
  useEffect(() => {
    if (order?.status !== 'accepted' || isStarting.current) return;
    isStarting.current = true;
    void startPick(orderId, actor).then((result) => {
      isStarting.current = false;
      if (!result.ok) setStartError(t(`rejection.${result.rejection.reason}`));
    });
  }, [order?.status, orderId, actor, t]);

  const frame = (title: string, body: ReactNode) => (
    <section className="screen pick-screen" aria-labelledby="pick-title" onPointerDown={unlockAudio}>
      <button type="button" className="back" onClick={onBack}>← {t('pick.back')}</button>
      <h2 id="pick-title">{title}</h2>
      {body}
    </section>
  );
  if (order === undefined || device === undefined || device === null) return null;
  if (order === null || order.status === 'cancelled' || order.status === 'received') {
    const why = order?.status === 'cancelled' || departure?.why === 'cancelled' ? 'cancelled' : departure?.why === 'redispatched' ? 'redispatched' : 'gone';
    return frame(t('pick.title', { number: order?.number ?? departure?.orderNumber ?? '' }), (
      <div className="pick-note pick-note-bad" role="alert">
        <p>{t(`pick.left.${why}`)}</p>
        <button type="button" className="primary big" onClick={() => void dropPick(orderId).then(onBack)}>{t('pick.left.ok')}</button>
      </div>
    ));
  }
  const title = t('pick.title', { number: order.number });
  switch (order.status) {
    case 'accepted':
      return frame(title, <p className="pick-note" role="status">{startError ?? t('pick.starting')}</p>);
    case 'short':
      return frame(title, <p className="pick-note pick-note-wait" role="status">{t('pick.waiting')}</p>);
    case 'picking':
      if (order.picker && order.picker.device !== device) {
        return frame(title, <p className="pick-note pick-note-bad" role="alert">{t('pick.otherDevice', { userId: order.picker.userId })}</p>);
      }
      return frame(title, <PickWorkspace order={order} actor={actor} device={device} onDone={onDone} />);
    case 'picked':
    case 'out_for_delivery':
    case 'returned_to_store':
    case 'delivered':
    case 'closed':
      return frame(title, <p className="pick-note pick-note-ok" role="status">{t('pick.done')}</p>);
    case 'offered':
      return frame(title, <p className="pick-note" role="status">{t('pick.notPickable', { status: t(`status.${order.status}`) })}</p>);
  }
}

/** The pick itself: lines, the last scan's news, and the buttons a scanner's command barcodes mirror. */
function PickWorkspace({ order, actor, device, onDone }: { order: Extract<Order, { status: 'picking' }>; actor: StoreActor; device: string; onDone: () => void }) {
  const { t } = useI18n();
  const session = usePickSession(order, actor, device, onDone);
  const [isCameraOpen, setCameraOpen] = useState(false);
  const [typed, setTyped] = useState('');
  useWedgeScanner((scan) => session.scan(scan.text));
  if (!session.progress) return null;

  const shortLine = session.lines.find((l) => l.productId === session.shortFor);
  const open = session.lines.length - settledCount(session.lines);
  const anyShort = session.lines.some((l) => l.short !== undefined);
  const submitTyped = (event: FormEvent) => {
    event.preventDefault();
    if (typed.trim()) session.scan(typed.trim());
    setTyped('');
  };
  return (
    <>
      <p className="pick-progress">{t('pick.progress', { done: settledCount(session.lines), count: session.lines.length })}</p>
      {session.progress.decision && <DecisionNotice decision={session.progress.decision} onRead={session.readDecision} />}
      <News news={session.news} />
      <PickLines lines={session.lines} current={session.current} onSelect={session.select} />
      <div className="pick-actions">
        <button type="button" className="secondary" onClick={() => session.command('undo')}>{t('pick.undo')}</button>
        <button type="button" className="secondary" onClick={() => session.command('next_line')}>{t('pick.next')}</button>
        <button type="button" className="secondary" disabled={!session.current} onClick={() => session.openShort(undefined)}>{t('pick.markShort')}</button>
        <button type="button" className={`${open === 0 && anyShort ? 'danger big' : 'primary'} pick-finish`} onClick={() => session.command('finish_pick')}>
          {open === 0 && anyShort ? t('pick.reportShort') : t('pick.finish')}
        </button>
      </div>
      <form className="pick-type" onSubmit={submitTyped}>
        <label htmlFor="pick-typed">{t('pick.typeCode')}</label>
        <div className="pick-type-row">
          <input id="pick-typed" inputMode="numeric" autoComplete="off" value={typed} onChange={(e) => setTyped(e.target.value)} />
          <button type="submit" className="secondary">{t('pick.typeCode.submit')}</button>
        </div>
      </form>
      {isCameraOpen
        ? <CameraScanner onRead={session.scan} onClose={() => setCameraOpen(false)} />
        : <button type="button" className="secondary pick-camera" onClick={() => setCameraOpen(true)}>{t('pick.camera')}</button>}
      {shortLine && <ShortDialog line={shortLine} onSave={(n) => session.saveShort(shortLine.productId, n)} onClose={session.closeShort} />}
      {session.isConfirmingReport && <ReportShortPanel onSend={() => session.command('finish_pick')} onCancel={session.cancelReport} />}
      {session.stop && <StopDialog stop={session.stop} onAcknowledge={session.acknowledge} />}
    </>
  );
}

/** What the last scan or button did, announced politely; problems are the stop dialog's job. */
function News({ news }: { news: PickNews | undefined }) {
  const { t } = useI18n();
  const text = !news ? t('pick.prompt')
    : news.kind === 'counted' ? (news.verdict.kind === 'case' ? t('pick.counted.case', { count: news.verdict.units, name: news.name }) : t('pick.counted.unit', { name: news.name }))
      : news.kind === 'undone' ? t('pick.undone', { name: news.name, count: news.units })
        : news.kind === 'nothing_to_undo' ? t('pick.nothingToUndo')
          : news.kind === 'open_lines' ? t('pick.finish.open', { count: news.count })
            : t(`rejection.${news.reason}`);
  const tone = !news ? 'idle' : news.kind === 'counted' ? news.verdict.kind : news.kind;
  return <p className={`pick-news pick-news-${tone}`} role="status" data-seq={news?.seq ?? 0}>{text}</p>;
}
