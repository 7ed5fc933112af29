import type { OrderLine } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';

/** What the customer asked for and what the store has confirmed it can supply. */
export function OrderLinesTable({ lines }: { lines: readonly OrderLine[] }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="lines">
        <caption>{t('order.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('order.product')}</th>
            <th scope="col" className="col-gtin">{t('order.gtin')}</th>
            <th scope="col" className="num">{t('order.quantity')}</th>
            <th scope="col" className="num">{t('order.confirmed')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.productId} className={line.confirmedQuantity < line.quantity ? 'short' : undefined}>
              <td>{line.name}</td>
              <td className="col-gtin gtin">{line.gtin}</td>
              <td className="num">{line.quantity}</td>
              <td className="num">{line.confirmedQuantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
