import { memo, useEffect, useRef } from 'react';
import { formatIsoDate, formatList } from '@repo/i18n';
import { useI18n } from '../../i18n/i18n.js';
import { useCount } from './pick-numbers.js';
import { isSettled, type LineTally } from './pick-tally.js';

/** The order's lines, big: what is picked, what is left, which line is current ([PK1]). */
export function PickLines({ lines, current, onSelect }: { lines: readonly LineTally[]; current: string | undefined; onSelect: (productId: string) => void }) {
  const { t } = useI18n();
  return (
    <ul className="pick-lines" aria-label={t('pick.lines')}>
      {lines.map((line) => (
        <PickLineRow key={line.productId} line={line} isCurrent={line.productId === current} onSelect={onSelect} />
      ))}
    </ul>
  );
}

// A scan changes one line; the others keep their rendering (the tally rebuilds every line object).
const PickLineRow = memo(PickLineRowView, (a, b) =>
  a.isCurrent === b.isCurrent && a.onSelect === b.onSelect && a.line.picked === b.line.picked && a.line.wanted === b.line.wanted
  && a.line.short === b.line.short && a.line.name === b.line.name && JSON.stringify(a.line.lots) === JSON.stringify(b.line.lots));

function PickLineRowView({ line, isCurrent, onSelect }: { line: LineTally; isCurrent: boolean; onSelect: (productId: string) => void }) {
  const { t, locale } = useI18n();
  const count = useCount();
  const row = useRef<HTMLLIElement>(null);
  useEffect(() => {
    if (!isCurrent) return;
    // In the next frame, whose layout it then shares, instead of forcing one while the scan is answered.
    const frame = requestAnimationFrame(() => row.current?.scrollIntoView?.({ block: 'nearest' }));
    return () => cancelAnimationFrame(frame);
  }, [isCurrent]);
  const state = line.picked >= line.wanted ? 'done' : line.short !== undefined ? 'short' : 'open';
  return (
    <li ref={row} className={`pick-line pick-line-${state}${isCurrent ? ' pick-line-current' : ''}`} aria-current={isCurrent ? 'true' : undefined} data-product={line.productId}>
      <button type="button" className="pick-line-select" onClick={() => onSelect(line.productId)}>
        <span className="pick-line-name">{line.name}</span>
        <span className="pick-line-counts">
          <span className="pick-line-picked">
            {t('pick.line.picked')} <strong>{count(line.picked)}</strong>/{count(line.wanted)}
          </span>
          <span className="pick-line-state">
            {state === 'done' ? `✓ ${t('pick.line.done')}`
              : state === 'short' ? t('pick.line.short', { count: line.short ?? 0 })
                : t('pick.line.left', { count: line.wanted - line.picked })}
          </span>
        </span>
        {isCurrent && <span className="pick-line-marker">▶ {t('pick.line.current')}</span>}
        {line.lots.length > 0 && (
          <span className="pick-line-lots muted">
            {formatList(line.lots.map((lot) => [lot.lot && t('pick.line.lot', { lot: lot.lot }), lot.expiry && t('pick.line.expiry', { date: formatIsoDate(lot.expiry, locale) }), `×${count(lot.quantity)}`].filter(Boolean).join(' · ')), locale)}
          </span>
        )}
      </button>
    </li>
  );
}

/** Lines done or marked short, for the header. */
export function settledCount(lines: readonly LineTally[]): number {
  return lines.filter(isSettled).length;
}
