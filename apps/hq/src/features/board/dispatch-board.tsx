import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatTime } from '../../shell/format-time.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { useApiQuery } from '../../shell/use-api-query.js';
import { UnsentWork } from '../devices/unsent-work.js';
import { dispatchNoticeEvent } from '../dispatch/dispatch-notices.js';
import { StockImport } from '../dispatch/stock-import.js';
import { serverOffsetMs } from './board-time.js';
import { HandOverDialog } from './hand-over-dialog.js';
import { LiveBoardFilters, allOpenOrders, type LiveBoardFilter } from './live-board-filters.js';
import { LiveBoardTable } from './live-board-table.js';
import { OrderDetail } from './order-detail.js';
import { OrderTable } from './order-table.js';
import { useStoreNames } from './use-store-names.js';

/** Stores answer offers on their own devices, so the board polls; a dispatch notice refreshes it at once. */
const refreshMs = 5_000;

/**
 * 派单看板 (docs/board.md): the open orders, late first, with filters, my orders and the
 * hand-over; one order's detail and actions beside it.
 */
export function DispatchBoard({ orderId, actorId }: { orderId: string | null; actorId: string }) {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<LiveBoardFilter>(allOpenOrders);
  const [handingOver, setHandingOver] = useState(false);
  const [handedOver, setHandedOver] = useState<{ moved: number; toName: string } | null>(null);
  const stores = useStoreNames();
  const board = useApiQuery(() => api.orders.board.query({
    ...(filter.status ? { statuses: [filter.status] } : {}),
    ...(filter.storeId ? { storeId: filter.storeId } : {}),
    ...(filter.ownerUserId ? { ownerUserId: filter.ownerUserId } : {}),
    mine: filter.mine, lateOnly: filter.lateOnly, limit: 200,
  }), [filter], { refreshMs, enabled: filter.view === 'open' });
  const finished = useApiQuery(() => api.orders.list.query({ statuses: ['closed', 'cancelled'], limit: 100 }), [], { enabled: filter.view === 'finished' });
  const owners = useApiQuery(() => api.orders.owners.query(), [], { refreshMs: 60_000 });
  const now = useServerNow(board.data?.now, board.refreshedAt);
  const reload = () => {
    board.reload();
    finished.reload();
    owners.reload();
  };
  const reloadBoard = board.reload;
  useEffect(() => {
    window.addEventListener(dispatchNoticeEvent, reloadBoard);
    return () => window.removeEventListener(dispatchNoticeEvent, reloadBoard);
  }, [reloadBoard]);

  const current = filter.view === 'open' ? board : finished;
  return (
    <div className={orderId ? 'screen board has-selection' : 'screen board'}>
      <section className="board-list" aria-labelledby="board-title">
        <div className="toolbar">
          <h2 id="board-title" className="screen-title">{t('board.title')}</h2>
          {board.data && filter.view === 'open' && (
            <span className="muted">{t('live.shownOf', { shown: board.data.rows.length, total: board.data.total })}</span>
          )}
          {current.refreshedAt && <span className="muted refreshed">{t('board.refreshedAt', { time: formatTime(current.refreshedAt, locale, false) })}</span>}
          <button type="button" onClick={reload}>{t('board.refresh')}</button>
          <button type="button" className="primary" onClick={() => { setHandedOver(null); setHandingOver(true); }}>{t('handover.open')}</button>
        </div>
        {handedOver && <p role="status" className="success">{t('handover.done', { count: handedOver.moved, name: handedOver.toName })}</p>}
        <LiveBoardFilters board={board.data} value={filter} onChange={setFilter} owners={owners.data ?? []} stores={stores} />
        <ProblemAlert problem={current.problem} />
        {filter.view === 'open'
          ? board.data ? <LiveBoardTable rows={board.data.rows} selectedId={orderId} now={now} myUserId={actorId} /> : <p className="muted">{t('board.loading')}</p>
          : finished.data ? <OrderTable orders={finished.data} selectedId={orderId} /> : <p className="muted">{t('board.loading')}</p>}
        <UnsentWork />
        <StockImport />
      </section>
      {orderId && <OrderDetail key={orderId} orderId={orderId} actorId={actorId} onChanged={reload} />}
      {handingOver && (
        <HandOverDialog
          myUserId={actorId} myOpenOrders={board.data?.mine ?? 0}
          onClose={() => setHandingOver(false)}
          onHandedOver={(result) => { setHandingOver(false); setHandedOver(result); reload(); }}
        />
      )}
    </div>
  );
}

/** The server's clock, ticking each second from its last answer: times in a state agree on every screen. */
function useServerNow(serverNow: string | undefined, receivedAt: Date | null): number {
  const offset = serverNow && receivedAt ? serverOffsetMs(serverNow, receivedAt) : 0;
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1_000);
    return () => clearInterval(timer);
  }, []);
  return now + offset;
}
