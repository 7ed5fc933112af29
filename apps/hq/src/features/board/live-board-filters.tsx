import { openStatuses, type OpenStatus } from '@repo/domain';
import type { LiveBoard, OrderOwner } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';

/** What the board shows: open orders by state (or all), or the orders finished lately; and the narrowing toggles. */
export interface LiveBoardFilter {
  readonly view: 'open' | 'finished';
  readonly status: OpenStatus | null;
  readonly lateOnly: boolean;
  readonly mine: boolean;
  readonly ownerUserId: string | null;
  readonly storeId: string | null;
}

export const allOpenOrders: LiveBoardFilter = { view: 'open', status: null, lateOnly: false, mine: false, ownerUserId: null, storeId: null };

interface LiveBoardFiltersProps {
  readonly board: LiveBoard | undefined;
  readonly value: LiveBoardFilter;
  readonly onChange: (value: LiveBoardFilter) => void;
  readonly owners: readonly OrderOwner[];
  readonly stores: ReadonlyMap<string, string>;
}

/** State chips with the header's counts, then late only, my orders, owner and store (BD7). */
export function LiveBoardFilters({ board, value, onChange, owners, stores }: LiveBoardFiltersProps) {
  const { t } = useI18n();
  const counts = board?.counts ?? {};
  const all = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
  const shown = openStatuses.filter((s) => (counts[s] ?? 0) > 0 || s === value.status || s === 'delivered');
  const set = (change: Partial<LiveBoardFilter>) => onChange({ ...value, ...change });
  const open = value.view === 'open';
  return (
    <div className="board-filters">
      <div className="status-filter" role="group" aria-labelledby="status-filter-label">
        <span id="status-filter-label" className="muted">{t('board.filter')}</span>
        <button type="button" className="filter-chip" aria-pressed={open && value.status === null} onClick={() => set({ view: 'open', status: null })}>
          {t('board.filterOption', { status: t('board.all'), count: all })}
        </button>
        {shown.map((status) => (
          <button
            key={status} type="button" className={status === 'delivered' ? 'filter-chip to-close' : `filter-chip status-${status}`}
            aria-pressed={open && value.status === status} onClick={() => set({ view: 'open', status })}
          >
            {status === 'delivered'
              ? t('board.toClose', { count: counts.delivered ?? 0 })
              : t('board.filterOption', { status: t(`status.${status}`), count: counts[status] ?? 0 })}
          </button>
        ))}
        <button type="button" className="filter-chip" aria-pressed={!open} onClick={() => set({ view: 'finished', status: null })}>{t('live.finished')}</button>
      </div>
      {open && (
        <div className="narrow-filters" role="group" aria-label={t('live.filters')}>
          <button type="button" className="filter-chip late-chip" aria-pressed={value.lateOnly} onClick={() => set({ lateOnly: !value.lateOnly })}>
            {t('live.lateOnly', { count: board?.late ?? 0 })}
          </button>
          <button type="button" className="filter-chip" aria-pressed={value.mine} onClick={() => set({ mine: !value.mine, ownerUserId: null })}>
            {t('live.mine', { count: board?.mine ?? 0 })}
          </button>
          <label className="inline-select">
            <span>{t('live.owner')}</span>
            <select value={value.ownerUserId ?? ''} onChange={(e) => set({ ownerUserId: e.target.value || null, mine: false })}>
              <option value="">{t('live.anyOwner')}</option>
              {owners.map((o) => <option key={o.userId} value={o.userId}>{o.name}</option>)}
            </select>
          </label>
          <label className="inline-select">
            <span>{t('live.store')}</span>
            <select value={value.storeId ?? ''} onChange={(e) => set({ storeId: e.target.value || null })}>
              <option value="">{t('live.anyStore')}</option>
              {[...stores].map(([id, name]) => <option key={id} value={id}>{name}</option>)}
            </select>
          </label>
        </div>
      )}
    </div>
  );
}
