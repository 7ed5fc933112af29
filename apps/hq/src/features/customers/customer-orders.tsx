import type { CustomerFileOrder } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { formatPrice } from '../../shell/format-price.js';
import { formatTime } from '../../shell/format-time.js';
import { routeHref } from '../../shell/use-route.js';
import { StatusChip } from '../board/status-chip.js';

/** Open or past orders of the caller, each a link to it on the board. */
export function CustomerOrders({ id, title, empty, orders }: { id: string; title: string; empty: string; orders: readonly CustomerFileOrder[] }) {
  const { t, locale } = useI18n();
  return (
    <section className="customer-orders" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      {orders.length === 0 ? <p className="muted">{empty}</p> : (
        <div className="table-scroll">
          <table aria-labelledby={id}>
            <thead>
              <tr>
                <th scope="col">{t('customers.orderNumber')}</th>
                <th scope="col">{t('customers.orderStatus')}</th>
                <th scope="col">{t('customers.orderTime')}</th>
                <th scope="col">{t('customers.orderStore')}</th>
                <th scope="col" className="num">{t('customers.orderTotal')}</th>
              </tr>
            </thead>
            <tbody>
              {orders.map((o) => (
                <tr key={o.id}>
                  <td><a className="order-link" href={routeHref({ name: 'board', orderId: o.id })}>{o.number}</a></td>
                  <td><StatusChip status={o.status} /></td>
                  <td>{formatTime(o.createdAt, locale)}</td>
                  <td>{o.storeName ?? <span className="muted">{t('customers.noStore')}</span>}</td>
                  <td className="num">{formatPrice(o.totalFen, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
