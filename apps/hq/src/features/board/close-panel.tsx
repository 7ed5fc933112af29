import { useState } from 'react';
import type { Order } from '@repo/domain';
import { toApiProblem, type ApiProblem } from '../../api/api-problem.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatPriceChange } from '../../shell/format-price.js';
import { ProblemAlert } from '../../shell/problem-alert.js';

interface ClosePanelProps {
  readonly order: Order;
  readonly onClosed: () => void;
  readonly onBack: () => void;
}

/** 结单: head office confirms the order ended in the customer's hands (OL13). */
export function ClosePanel({ order, onClosed, onBack }: ClosePanelProps) {
  const { t, locale } = useI18n();
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const proof = order.status === 'delivered' ? order.proof : undefined;
  const cashDifference = order.payment?.method === 'on_delivery' && proof?.collectedFen !== undefined ? proof.collectedFen - order.payment.amountDueFen : 0;

  async function close() {
    setBusy(true);
    setProblem(null);
    try {
      await api.orders.close.mutate({ orderId: order.id });
      onClosed();
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="panel" aria-labelledby="close-title">
      <h3 id="close-title">{t('close.title')}</h3>
      <p>{t('close.explain')}</p>
      {cashDifference !== 0 && <p className="notice" role="note">{t('close.cashWarning', { difference: formatPriceChange(cashDifference, locale) })}</p>}
      <ProblemAlert problem={problem} />
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void close()}>{t('close.confirm')}</button>
        <button type="button" onClick={onBack}>{t('close.back')}</button>
      </div>
    </section>
  );
}
