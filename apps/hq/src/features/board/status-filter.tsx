import { orderStatuses, type Order, type OrderStatus } from '@repo/domain';
import { useI18n } from '../../i18n/i18n.js';

/** A status, every order, or 待结单: delivered orders waiting for head office to close them. */
export type StatusFilterValue = OrderStatus | 'all' | 'to_close';

interface StatusFilterProps {
  readonly orders: readonly Order[];
  readonly value: StatusFilterValue;
  readonly onChange: (value: StatusFilterValue) => void;
  /** How many delivered orders wait for 结单, over all of them, not only the page on the board. */
  readonly toCloseCount: number;
}

/** Toggle chips with counts; a status with no orders is left out unless it is the one chosen. */
export function StatusFilter({ orders, value, onChange, toCloseCount }: StatusFilterProps) {
  const { t } = useI18n();
  const counts = new Map<OrderStatus, number>();
  for (const order of orders) counts.set(order.status, (counts.get(order.status) ?? 0) + 1);
  const shown = orderStatuses.filter((s) => (counts.get(s) ?? 0) > 0 || s === value);

  return (
    <div className="status-filter" role="group" aria-labelledby="status-filter-label">
      <span id="status-filter-label" className="muted">{t('board.filter')}</span>
      <button type="button" className="filter-chip" aria-pressed={value === 'all'} onClick={() => onChange('all')}>
        {t('board.filterOption', { status: t('board.all'), count: orders.length })}
      </button>
      <button type="button" className="filter-chip to-close" aria-pressed={value === 'to_close'} onClick={() => onChange('to_close')}>
        {t('board.toClose', { count: toCloseCount })}
      </button>
      {shown.map((status) => (
        <button key={status} type="button" className={`filter-chip status-${status}`} aria-pressed={value === status} onClick={() => onChange(status)}>
          {t('board.filterOption', { status: t(`status.${status}`), count: counts.get(status) ?? 0 })}
        </button>
      ))}
    </div>
  );
}
