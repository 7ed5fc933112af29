import type { Order } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';

/** The lots and expiry dates the store scanned while picking, per product: what reached the customer. */
export function PickedLots({ order }: { order: Order }) {
  const { t, locale } = useI18n();
  if (!order.picked?.length) return null;
  const names = new Map(order.lines.map((l) => [l.productId, l.name]));
  const date = new Intl.DateTimeFormat(locale, { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
  const rows = order.picked.flatMap((line) =>
    line.lots.length === 0
      ? [{ key: line.productId, name: names.get(line.productId) ?? line.productId, lot: null, expiry: null, quantity: line.quantity }]
      : line.lots.map((lot, i) => ({ key: `${line.productId}-${i}`, name: names.get(line.productId) ?? line.productId, lot: lot.lot ?? null, expiry: lot.expiry ?? null, quantity: lot.quantity })),
  );
  return (
    <div className="table-scroll">
      <table className="lines">
        <caption>{t('proof.picked')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('order.product')}</th>
            <th scope="col">{t('proof.lot')}</th>
            <th scope="col">{t('proof.expiry')}</th>
            <th scope="col" className="num">{t('proof.lotQuantity')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <td>{row.name}</td>
              <td className="gtin">{row.lot ?? <span className="muted">{t('proof.noLot')}</span>}</td>
              <td>{row.expiry ? <time dateTime={row.expiry}>{date.format(new Date(`${row.expiry}T00:00:00Z`))}</time> : '—'}</td>
              <td className="num">{row.quantity}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
