import type { CustomerMatch } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatTime } from '../../shell/format-time.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { useApiQuery } from '../../shell/use-api-query.js';
import { useDebouncedValue } from '../intake/use-debounced-value.js';
import { formatPhone } from './customer-format.js';
import { MemberChip } from './member-chip.js';

interface CustomerSearchProps {
  readonly text: string;
  readonly onText: (text: string) => void;
  readonly onOpen: (customerId: string) => void;
  readonly onNew: () => void;
}

/** Finds the caller by the whole number, its last four digits, or a name; a new caller gets a file here. */
export function CustomerSearch({ text, onText, onOpen, onNew }: CustomerSearchProps) {
  const { t } = useI18n();
  const query = useDebouncedValue(text.trim());
  const found = useApiQuery(() => api.customers.search.query({ query, limit: 10 }), [query], { enabled: query !== '' });
  return (
    <div className="customer-search">
      <label htmlFor="customer-search">{t('customers.search')}</label>
      <div className="search-row">
        <input
          id="customer-search"
          type="search"
          value={text}
          autoComplete="off"
          aria-describedby="customer-search-hint"
          onChange={(e) => onText(e.target.value)}
          onKeyDown={(e) => {
            if (e.key !== 'Enter') return;
            // Enter opens the only match, as a screen pop would.
            e.preventDefault();
            const only = found.data?.length === 1 && query === text.trim() ? found.data[0] : undefined;
            if (only) onOpen(only.id);
          }}
        />
        <button type="button" onClick={onNew}>{t('customers.new')}</button>
      </div>
      <p id="customer-search-hint" className="hint">{t('customers.searchHint')}</p>
      <ProblemAlert problem={found.problem} />
      {query !== '' && found.loading && !found.data && <p className="muted" role="status">{t('intake.searching')}</p>}
      {found.data?.length === 0 && <p className="muted" role="status">{t('customers.noMatch', { query })}</p>}
      {found.data && found.data.length > 0 && (
        <ul className="results customer-results" aria-label={t('customers.results')}>
          {found.data.map((c) => <MatchRow key={c.id} match={c} onOpen={() => onOpen(c.id)} />)}
        </ul>
      )}
    </div>
  );
}

function MatchRow({ match, onOpen }: { match: CustomerMatch; onOpen: () => void }) {
  const { t, locale } = useI18n();
  const phone = formatPhone(match.phone);
  return (
    <li>
      <div className="result-text">
        <strong>{match.name}</strong>
        <span className="phone">{phone}</span>
        <MemberChip level={match.memberLevel} hideUnknown />
        <span className="muted">
          {match.firstAddress ?? ''}
          {' · '}{t('customers.addresses', { count: match.addressCount })}
          {' · '}{match.lastOrderAt ? t('customers.lastOrder', { time: formatTime(match.lastOrderAt, locale) }) : t('customers.neverOrdered')}
        </span>
      </div>
      <button type="button" onClick={onOpen} aria-label={t('customers.openFile', { name: match.name, phone })}>{t('customers.open')}</button>
    </li>
  );
}
