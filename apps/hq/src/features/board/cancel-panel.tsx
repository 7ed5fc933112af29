import { useState, type FormEvent } from 'react';
import { cancelOrderInput } from '@repo/domain';
import { toApiProblem, type ApiProblem } from '../../api/api-problem.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { ProblemAlert } from '../../shell/problem-alert.js';

interface CancelPanelProps {
  readonly orderId: string;
  readonly onCancelled: () => void;
  readonly onBack: () => void;
}

/** Cancels the order; the reason is kept on the order, so it is required. */
export function CancelPanel({ orderId, onCancelled, onBack }: CancelPanelProps) {
  const { t } = useI18n();
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);

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
      <label htmlFor="cancel-reason">{t('cancel.reason')}</label>
      <textarea
        id="cancel-reason"
        value={reason}
        maxLength={200}
        rows={2}
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={missingReason ? true : undefined}
        aria-describedby={missingReason ? 'cancel-reason-error' : undefined}
      />
      {missingReason && <p id="cancel-reason-error" role="alert" className="error">{t('cancel.reasonRequired')}</p>}
      <ProblemAlert problem={problem} />
      <div className="button-row">
        <button type="submit" className="danger" disabled={busy}>{t('cancel.confirm')}</button>
        <button type="button" onClick={onBack}>{t('cancel.back')}</button>
      </div>
    </form>
  );
}
