import type { LiveBoardRow } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { routeHref } from '../../shell/use-route.js';
import { formatElapsed, formatHourMinute, formatSpan, wholeMinutes } from './board-time.js';

interface LiveBoardTableProps {
  readonly rows: readonly LiveBoardRow[];
  readonly selectedId: string | null;
  /** The server's clock now, ticking every second. */
  readonly now: number;
  readonly myUserId: string;
}

/**
 * The live board (docs/board.md BD2): one row per open order, late first. The time in the state
 * ticks; a late order is red and says by how much and why; the promise says how long is left.
 */
export function LiveBoardTable({ rows, selectedId, now, myUserId }: LiveBoardTableProps) {
  const { t } = useI18n();
  if (rows.length === 0) return <p className="empty">{t('board.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="orders live-board">
        <caption className="visually-hidden">{t('board.orders')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('live.columnState')}</th>
            <th scope="col">{t('live.columnNumber')}</th>
            <th scope="col" className="col-customer">{t('live.columnCustomer')}</th>
            <th scope="col" className="col-store">{t('live.columnStore')}</th>
            <th scope="col" className="col-owner">{t('live.columnOwner')}</th>
            <th scope="col" className="col-in-state">{t('live.columnInState')}</th>
            <th scope="col" className="col-promise">{t('live.columnPromise')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => <LiveBoardLine key={row.id} row={row} selected={row.id === selectedId} now={now} mine={row.ownerUserId === myUserId} />)}
        </tbody>
      </table>
    </div>
  );
}

function LiveBoardLine({ row, selected, now, mine }: { row: LiveBoardRow; selected: boolean; now: number; mine: boolean }) {
  const { t, locale } = useI18n();
  const due = row.dueAt ? new Date(row.dueAt).getTime() : null;
  // The server decided at its last answer; between answers the ticking clock may cross the deadline first.
  const late = row.late || (due !== null && due <= now);
  const reason = row.lateReason === 'promise' ? t('live.reason.promise') : t(`live.reason.${row.status}`);
  const className = [selected ? 'selected' : '', late ? 'late' : ''].filter(Boolean).join(' ') || undefined;
  return (
    <tr className={className}>
      <td>
        <span className={`chip status-${row.status}`}>{row.status === 'delivered' ? t('live.toClose') : t(`status.${row.status}`)}</span>
        {/* Under review it cannot be dispatched yet: say so where the dispatcher looks first. */}
        {row.review && (
          <span className="chip review-pending">{t(row.review === 'pending' ? 'orderSource.reviewPending' : 'orderSource.reviewConfirmByPhone')}</span>
        )}
      </td>
      <td>
        <a className="order-link" href={routeHref({ name: 'board', orderId: row.id })} aria-current={selected ? 'true' : undefined}>{row.number}</a>
      </td>
      <td className="col-customer">{row.customerName}</td>
      <td className="col-store">{row.storeName ?? t('live.noStore')}</td>
      <td className={mine ? 'col-owner mine' : 'col-owner'}>{row.ownerName}</td>
      <td className="col-in-state">
        <time className="elapsed" dateTime={row.statusSince}>{formatElapsed(now - new Date(row.statusSince).getTime(), locale)}</time>
        {due !== null && late && (
          <span className="late-text">{t('live.late', { duration: formatSpan(lateBy(now - due), locale), reason })}</span>
        )}
      </td>
      <td className="col-promise">
        {row.promisedAt ? <PromiseCell promisedAt={row.promisedAt} now={now} binding={row.status !== 'delivered'} /> : <span className="muted">—</span>}
      </td>
    </tr>
  );
}

/** Seconds in the first minute (an order just gone late says so truly), then whole minutes that do not flicker. */
function lateBy(ms: number): number {
  return ms < 60_000 ? ms : wholeMinutes(ms) * 60_000;
}

/** The promised time and, until delivery, how long is left or how far past it is. */
function PromiseCell({ promisedAt, now, binding }: { promisedAt: string; now: number; binding: boolean }) {
  const { t, locale } = useI18n();
  const left = new Date(promisedAt).getTime() - now;
  const minutes = formatSpan(wholeMinutes(left) * 60_000, locale);
  return (
    <>
      <time dateTime={promisedAt}>{formatHourMinute(promisedAt, locale)}</time>
      {binding && (left >= 0
        ? <span className="promise-left">{t('live.promiseLeft', { duration: minutes })}</span>
        : <span className="promise-over">{t('live.promiseOver', { duration: minutes })}</span>)}
    </>
  );
}
