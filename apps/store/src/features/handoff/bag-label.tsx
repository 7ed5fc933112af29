import { clerkOf } from '@repo/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../i18n/i18n.js';
import { db } from '../../local-db/store-db.js';
import { amountToCollectFen, bagContents, formatFen } from './order-summary.js';
import { QrCode } from './qr-code.js';
import { bagLabelPayload } from './store-labels.js';
import './print.css';

/**
 * The bag label as printed (a 100 x 75 mm label, @page bag-label): the order number large enough to
 * read at the door, its QR code (scanned when the bag comes back), the recipient, the item count
 * and the money to collect. The screen around it is left out of the print.
 */
export function BagLabel({ orderId, onBack }: { orderId: string; onBack: () => void }) {
  const { t } = useI18n();
  const order = useLiveQuery(() => db.orders.get(orderId), [orderId]);
  const clerkId = order ? clerkOf(order) : null;
  const clerk = useLiveQuery(async () => (clerkId ? ((await db.staff.get(clerkId)) ?? null) : null), [clerkId]);
  if (!order) return null;
  const { units } = bagContents(order);
  const due = amountToCollectFen(order);
  return (
    <section className="screen print-view" aria-labelledby="label-title">
      <div className="print-toolbar no-print">
        <button type="button" className="back" onClick={onBack}>← {t('label.back')}</button>
        <h2 id="label-title">{t('label.title', { number: order.number })}</h2>
        <button type="button" className="primary big" onClick={() => window.print()}>{t('label.print')}</button>
      </div>
      <article className="print-sheet bag-label" aria-label={t('label.title', { number: order.number })}>
        <p className="label-number">{order.number}</p>
        <QrCode text={bagLabelPayload(order.number)} label={t('label.qr', { number: order.number })} className="label-qr" />
        <dl className="label-facts">
          <dt>{t('label.recipient')}</dt><dd className="label-name">{order.customerName}</dd>
          <dt>{t('label.address')}</dt><dd>{order.address.text}</dd>
          {clerk && <><dt>{t('label.clerk')}</dt><dd>{clerk.displayName}</dd></>}
        </dl>
        <p className="label-units">{t('label.units', { count: units })}</p>
        <p className={due === null ? 'label-money paid' : 'label-money due'}>{due === null ? t('label.prepaid') : t('money.collect', { amount: formatFen(due) })}</p>
      </article>
    </section>
  );
}
