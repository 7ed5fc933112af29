import { useState } from 'react';
import type { CatalogProduct } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatPrice } from '../../shell/format-price.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { useApiQuery } from '../../shell/use-api-query.js';
import { useDebouncedValue } from './use-debounced-value.js';

/** Finds products by name or barcode (a handheld scanner types the barcode here too). */
export function ProductSearch({ onAdd }: { onAdd: (product: CatalogProduct) => void }) {
  const { t, locale } = useI18n();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim());
  const found = useApiQuery(() => api.catalog.products.query({ query, limit: 8 }), [query], { enabled: query !== '' });

  return (
    <section className="card" aria-labelledby="products-heading">
      <h2 id="products-heading">{t('intake.products')}</h2>
      <label htmlFor="product-search">{t('intake.productSearch')}</label>
      <input
        id="product-search"
        type="search"
        value={text}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          // Enter searches, it does not submit the order; a scanner's Enter adds the scanned product.
          e.preventDefault();
          const first = found.data?.[0];
          if (first && query === text.trim()) {
            onAdd(first);
            setText('');
          }
        }}
      />
      <ProblemAlert problem={found.problem} />
      {query !== '' && found.loading && !found.data && <p className="muted" role="status">{t('intake.searching')}</p>}
      {found.data?.length === 0 && <p className="muted" role="status">{t('intake.noProducts')}</p>}
      {found.data && found.data.length > 0 && (
        <ul className="results" aria-label={t('intake.productResults')}>
          {found.data.map((p) => (
            <li key={p.id}>
              <div className="result-text">
                <strong>{p.name}</strong>
                <span className="muted"><span className="gtin">{p.gtin}</span> · {formatPrice(p.priceFen, locale)}</span>
              </div>
              <button type="button" onClick={() => onAdd(p)} aria-label={t('intake.addProduct', { name: p.name })}>{t('intake.add')}</button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
