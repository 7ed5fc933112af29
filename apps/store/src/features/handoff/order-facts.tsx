import type { Order } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import { amountToCollectFen, bagContents, formatFen } from './order-summary.js';

/** What the clerk takes along: how many items, and the money to collect (or that there is none). */
export function HandoffFacts({ order, compact = false }: { order: Order; compact?: boolean }) {
  const { t } = useI18n();
  const { units, lines } = bagContents(order);
  // Two counts, each with its own plural: "3 items (2 products)", "共 3 件（2 种商品）".
  const items = t('handoff.items', { units: t('handoff.units', { count: units }), lines: t('handoff.lines', { count: lines }) });
  const due = amountToCollectFen(order);
  // Where the choices matter more (a second attempt), one line: what to carry and what to collect.
  if (compact) {
    return <p className="handoff-facts compact">{items} · {due === null ? t('handoff.prepaid') : t('money.collect', { amount: formatFen(due) })}</p>;
  }
  return (
    <div className="handoff-facts">
      <p className="items">{items}</p>
      {due === null ? (
        <p className="prepaid">{t('handoff.prepaid')}</p>
      ) : (
        <p className="collect"><span>{t('handoff.collect')}</span><strong>{formatFen(due)}</strong></p>
      )}
      <p className="muted">{order.customerName} · {order.address.text}</p>
    </div>
  );
}
