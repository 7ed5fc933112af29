import type { Order } from '@repo/domain';
import { useLiveQuery } from 'dexie-react-hooks';
import { useI18n } from '../../i18n/i18n.js';
import { db } from '../../local-db/store-db.js';
import { useNow } from '../../shell/use-now.js';
import { useFormats } from '../deliveries/use-formats.js';
import { checkDeliveryCode, type CodeCheck } from './check-delivery-code.js';
import { codeEntryState } from './code-attempts.js';

interface CodeFieldProps {
  readonly order: Order;
  readonly code: string;
  readonly onCode: (code: string) => void;
  /** The last check of the code typed, lifted so the close button can check a code not yet checked. */
  readonly check: CodeCheck | null;
  readonly onCheck: (check: CodeCheck) => void;
}

/** 收货码: typed as the customer reads it out, checked on the phone; wrong tries pause the entry. */
export function CodeField({ order, code, onCode, check, onCheck }: CodeFieldProps) {
  const { t } = useI18n();
  const formats = useFormats();
  const now = useNow(5_000);
  const attempts = useLiveQuery(() => db.codeAttempts.get(order.id), [order.id]);
  const entry = codeEntryState(attempts, new Date(now));
  const matched = check?.outcome === 'matched';

  async function run() {
    onCheck(await checkDeliveryCode(order, code.trim()));
  }

  return (
    <div className="proof-field">
      <label htmlFor="delivery-code">{t('close.code')} <span className="muted">{t('close.required')}</span></label>
      <p className="muted hint" id="delivery-code-hint">{t('close.codeHint')}</p>
      <div className="code-row">
        <input
          id="delivery-code" className="code-input" inputMode="numeric" autoComplete="off" maxLength={6} aria-describedby="delivery-code-hint"
          value={entry.paused ? '' : code} disabled={entry.paused || matched} onChange={(e) => onCode(e.target.value.replace(/\D/g, ''))}
          onKeyDown={(e) => { if (e.key === 'Enter') void run(); }}
        />
        <button type="button" className="secondary" disabled={entry.paused || matched} onClick={() => void run()}>{t('close.checkCode')}</button>
      </div>
      {matched && <p role="status" className="code-ok">✓ {t('close.codeMatched')}</p>}
      {!matched && entry.paused && (
        <div role="alert" className="warning">
          <p>{t('close.codePaused', { time: formats.time(entry.until, new Date(now)) })}</p>
          <a className="call" href={`tel:${order.customerPhone}`}>{t('close.callCustomer', { phone: order.customerPhone })}</a>
        </div>
      )}
      {!matched && !entry.paused && check?.outcome === 'wrong' && <p role="alert" className="error">{t('close.codeWrong', { count: check.triesLeft })}</p>}
      {!matched && !entry.paused && check?.outcome === 'malformed' && <p role="alert" className="error">{t('close.codeMalformed')}</p>}
    </div>
  );
}
