import { useState } from 'react';
import type { OrderLine } from '@repo/domain';
import type { CatalogProduct } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatPrice, formatPriceChange } from '../../shell/format-price.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { useApiQuery } from '../../shell/use-api-query.js';
import { useDebouncedValue } from '../intake/use-debounced-value.js';

/** A product chosen to make up a short line's missing units. */
export interface ChosenSubstitute {
  readonly product: CatalogProduct;
  readonly quantity: number;
}

interface SubstitutePickerProps {
  readonly line: OrderLine;
  readonly chosen: ChosenSubstitute | null;
  readonly onChange: (chosen: ChosenSubstitute | null) => void;
}

/** For one short line: search the catalogue, choose a product, set how many; shows the price difference. */
export function SubstitutePicker({ line, chosen, onChange }: SubstitutePickerProps) {
  const { t, locale } = useI18n();
  const missing = line.quantity - line.confirmedQuantity;
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim());
  const found = useApiQuery(() => api.catalog.products.query({ query, limit: 6 }), [query], { enabled: query !== '' && !chosen });
  const inputId = `substitute-${line.productId}`;

  if (chosen) {
    const difference = line.unitPriceFen === undefined ? null : chosen.product.priceFen * chosen.quantity - line.unitPriceFen * missing;
    return (
      <div className="substitute">
        <p className="substitute-for">{t('short.substituteFor', { name: line.name, missing })}</p>
        <div className="substitute-chosen">
          <span>{t('short.chosen', { name: chosen.product.name, price: formatPrice(chosen.product.priceFen, locale) })}</span>
          <label className="inline" htmlFor={`${inputId}-qty`}>
            {t('order.quantity')}{' '}
            <input
              id={`${inputId}-qty`} aria-label={t('short.quantity', { name: chosen.product.name })} className="quantity" type="number" min={1} max={999} inputMode="numeric" value={chosen.quantity}
              onChange={(e) => onChange({ ...chosen, quantity: Math.max(1, Math.min(999, Math.trunc(Number(e.target.value)) || 1)) })}
            />
          </label>
          {difference !== null && (
            <span className={difference === 0 ? 'chip' : difference > 0 ? 'chip stock-short' : 'chip stock-ok'}>
              {t('short.difference', { difference: formatPriceChange(difference, locale) })}
            </span>
          )}
          <button type="button" onClick={() => onChange(null)}>{t('short.change')}</button>
        </div>
      </div>
    );
  }
  return (
    <div className="substitute">
      <label htmlFor={inputId} className="substitute-for">{t('short.substituteFor', { name: line.name, missing })}</label>
      <input id={inputId} type="search" autoComplete="off" value={text} placeholder={t('short.search', { name: line.name })} onChange={(e) => setText(e.target.value)} />
      <ProblemAlert problem={found.problem} />
      {found.data && found.data.length > 0 && (
        <ul className="results" aria-label={t('short.results', { name: line.name })}>
          {found.data.filter((p) => p.id !== line.productId).map((p) => (
            <li key={p.id}>
              <div className="result-text">
                <strong>{p.name}</strong>
                <span className="muted">{formatPrice(p.priceFen, locale)}</span>
              </div>
              <button type="button" aria-label={t('short.pick', { name: p.name })} onClick={() => { onChange({ product: p, quantity: missing }); setText(''); }}>
                {t('short.pickShort')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
