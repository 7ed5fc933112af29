import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatTime } from '../../shell/format-time.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { useApiQuery } from '../../shell/use-api-query.js';
import { UnsentWork } from '../devices/unsent-work.js';
import { StockImport } from '../dispatch/stock-import.js';
import { OrderDetail } from './order-detail.js';
import { OrderTable } from './order-table.js';
import { StatusFilter, type StatusFilterValue } from './status-filter.js';

/** Stores answer offers on their own devices, so the board polls rather than waits to be told. */
const refreshMs = 5_000;

/** 派单/订单跟踪: every order by status, with one order's detail and actions beside it. */
export function DispatchBoard({ orderId, actorId }: { orderId: string | null; actorId: string }) {
  const { t, locale } = useI18n();
  const [filter, setFilter] = useState<StatusFilterValue>('all');
  // The chips and the table cover the 200 most recently changed orders, the server's page size.
  const list = useApiQuery(() => api.orders.list.query({ limit: 200 }), [], { refreshMs });
  // 待结单 has its own query: a delivered order waiting to be closed may be older than the board's page.
  const toClose = useApiQuery(() => api.orders.list.query({ statuses: ['delivered'], limit: 500 }), [], { refreshMs });
  const orders = list.data ?? [];
  const shown = filter === 'all' ? orders : filter === 'to_close' ? (toClose.data ?? []) : orders.filter((o) => o.status === filter);
  const reload = () => {
    list.reload();
    toClose.reload();
  };

  return (
    <div className={orderId ? 'screen board has-selection' : 'screen board'}>
      <section className="board-list" aria-labelledby="board-title">
        <div className="toolbar">
          <h2 id="board-title" className="screen-title">{t('board.title')}</h2>
          {list.refreshedAt && <span className="muted refreshed">{t('board.refreshedAt', { time: formatTime(list.refreshedAt, locale, false) })}</span>}
          <button type="button" onClick={reload}>{t('board.refresh')}</button>
        </div>
        <StatusFilter orders={orders} value={filter} onChange={setFilter} toCloseCount={toClose.data?.length ?? 0} />
        <ProblemAlert problem={list.problem} />
        {list.data ? <OrderTable orders={shown} selectedId={orderId} /> : <p className="muted">{t('board.loading')}</p>}
        <UnsentWork />
        <StockImport />
      </section>
      {orderId && <OrderDetail key={orderId} orderId={orderId} actorId={actorId} onChanged={reload} />}
    </div>
  );
}
