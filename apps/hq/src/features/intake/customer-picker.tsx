import { useState } from 'react';
import type { CatalogCustomer } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { useApiQuery } from '../../shell/use-api-query.js';
import { useDebouncedValue } from './use-debounced-value.js';

interface CustomerPickerProps {
  readonly customer: CatalogCustomer | null;
  readonly onChoose: (customer: CatalogCustomer | null) => void;
  readonly error: string | undefined;
}

/** Finds the caller by name or phone and shows the address on file, where the order will go. */
export function CustomerPicker({ customer, onChoose, error }: CustomerPickerProps) {
  const { t } = useI18n();
  return (
    <section className="card" aria-labelledby="customer-heading">
      <h2 id="customer-heading">{t('intake.customer')}</h2>
      {customer ? (
        <div className="chosen-customer">
          <dl className="facts">
            <dt>{t('intake.customer')}</dt>
            <dd><strong>{customer.name}</strong></dd>
            <dt>{t('intake.phone')}</dt>
            <dd>{customer.phone}</dd>
            <dt>{t('intake.addressOnFile')}</dt>
            <dd>{customer.address}</dd>
          </dl>
          <button type="button" onClick={() => onChoose(null)}>{t('intake.changeCustomer')}</button>
        </div>
      ) : (
        <CustomerSearch onChoose={onChoose} error={error} />
      )}
    </section>
  );
}

function CustomerSearch({ onChoose, error }: { onChoose: (customer: CatalogCustomer) => void; error: string | undefined }) {
  const { t } = useI18n();
  const [text, setText] = useState('');
  const query = useDebouncedValue(text.trim());
  const found = useApiQuery(() => api.catalog.customers.query({ query, limit: 8 }), [query], { enabled: query !== '' });

  return (
    <>
      <label htmlFor="customer-search">{t('intake.customerSearch')}</label>
      <input
        id="customer-search"
        type="search"
        value={text}
        autoComplete="off"
        onChange={(e) => setText(e.target.value)}
        // Enter searches, it does not submit the order.
        onKeyDown={(e) => e.key === 'Enter' && e.preventDefault()}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? 'customer-error' : undefined}
      />
      {error && <p id="customer-error" className="error">{error}</p>}
      <ProblemAlert problem={found.problem} />
      {query !== '' && found.loading && !found.data && <p className="muted" role="status">{t('intake.searching')}</p>}
      {found.data?.length === 0 && <p className="muted" role="status">{t('intake.noCustomers')}</p>}
      {found.data && found.data.length > 0 && (
        <ul className="results" aria-label={t('intake.customerResults')}>
          {found.data.map((c) => (
            <li key={c.id}>
              <div className="result-text">
                <strong>{c.name}</strong> <span className="phone">{c.phone}</span>
                <span className="muted">{c.address}</span>
              </div>
              <button type="button" onClick={() => onChoose(c)} aria-label={t('intake.chooseCustomer', { name: c.name, phone: c.phone })}>
                {t('intake.choose')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
