import type { Order } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import { formatTime } from '../../shell/format-time.js';
import { routeHref } from '../../shell/use-route.js';
import { StatusChip } from './status-chip.js';

/** The board's orders, newest change first; the order number opens its detail. */
export function OrderTable({ orders, selectedId }: { orders: readonly Order[]; selectedId: string | null }) {
  const { t, locale } = useI18n();
  if (orders.length === 0) return <p className="empty">{t('board.empty')}</p>;
  return (
    <div className="table-scroll">
      <table className="orders">
        <caption className="visually-hidden">{t('board.orders')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('board.number')}</th>
            <th scope="col">{t('board.status')}</th>
            <th scope="col">{t('board.customer')}</th>
            <th scope="col" className="col-address">{t('board.address')}</th>
            <th scope="col" className="col-lines num">{t('board.lineCount')}</th>
            <th scope="col" className="col-updated">{t('board.updatedAt')}</th>
          </tr>
        </thead>
        <tbody>
          {orders.map((order) => (
            <tr key={order.id} className={order.id === selectedId ? 'selected' : undefined}>
              <td>
                <a className="order-link" href={routeHref({ name: 'board', orderId: order.id })} aria-current={order.id === selectedId ? 'true' : undefined}>
                  {order.number}
                </a>
              </td>
              <td><StatusChip status={order.status} /></td>
              <td>{order.customerName}</td>
              <td className="col-address" title={order.address.text}>{order.address.text}</td>
              <td className="col-lines num">{t('board.lineCountValue', { count: order.lines.length })}</td>
              <td className="col-updated"><time dateTime={order.updatedAt}>{formatTime(order.updatedAt, locale)}</time></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
