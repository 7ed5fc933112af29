import type { Order } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';
import { amountToCollectFen, bagContents, formatFen } from './order-summary.js';

/** What the clerk takes along: how many items, and the money to collect (or that there is none). */
export function HandoffFacts({ order }: { order: Order }) {
  const { t } = useI18n();
  const { units, lines } = bagContents(order);
  const due = amountToCollectFen(order);
  return (
    <div className="handoff-facts">
      <p className="items">{t('handoff.items', { units, lines })}</p>
      {due === null ? (
        <p className="prepaid">{t('handoff.prepaid')}</p>
      ) : (
        <p className="collect"><span>{t('handoff.collect')}</span><strong>{formatFen(due)}</strong></p>
      )}
      <p className="muted">{order.customerName} · {order.address.text}</p>
    </div>
  );
}
