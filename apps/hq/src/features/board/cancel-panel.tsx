import { useState, type FormEvent } from 'react';
import { cancelOrderInput, type OrderStatus } from '@repo/domain';
import { toApiProblem, type ApiProblem } from '../../api/api-problem.js';
import type { HqKey } from '../../i18n/hq-catalogs.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { ProblemAlert } from '../../shell/problem-alert.js';

interface CancelPanelProps {
  readonly orderId: string;
  readonly status: OrderStatus;
  readonly onCancelled: () => void;
  readonly onBack: () => void;
}

/** Cancels the order; the reason travels to the store's handheld with it, so it is required. */
export function CancelPanel({ orderId, status, onCancelled, onBack }: CancelPanelProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const goodsWarning = goodsWarningFor(status);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsed = cancelOrderInput.safeParse({ orderId, reason });
    setMissingReason(!parsed.success);
    if (!parsed.success) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.orders.cancel.mutate(parsed.data);
      onCancelled();
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="cancel-title" noValidate>
      <h3 id="cancel-title">{t('cancel.title')}</h3>
      {goodsWarning && <p className="notice" role="note">{t(goodsWarning)}</p>}
      <label htmlFor="cancel-reason">{t('cancel.reason')}</label>
      <textarea
        id="cancel-reason"
        value={reason}
        maxLength={200}
        rows={2}
        required
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={missingReason ? true : undefined}
        aria-describedby={missingReason ? 'cancel-reason-error cancel-reason-hint' : 'cancel-reason-hint'}
      />
      <p id="cancel-reason-hint" className="muted hint">{t('cancel.reasonHint')}</p>
      {missingReason && <p id="cancel-reason-error" role="alert" className="error">{t('cancel.reasonRequired')}</p>}
      <ProblemAlert problem={problem} />
      <div className="button-row">
        <button type="submit" className="danger" disabled={busy}>{t('cancel.confirm')}</button>
        <button type="button" onClick={onBack}>{t('cancel.back')}</button>
      </div>
    </form>
  );
}

/** Goods already taken off the shelf must go back: the store is told with the cancellation. */
function goodsWarningFor(status: OrderStatus): HqKey | null {
  switch (status) {
    case 'picking': case 'short': case 'picked':
      return 'cancel.putBack';
    case 'out_for_delivery': case 'returned_to_store':
      return 'cancel.bringBack';
    default:
      return null;
  }
}
