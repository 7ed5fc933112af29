import { useEffect, useRef, useState } from 'react';
import { toApiProblem, type ApiProblem } from '../../api/api-problem.js';
import type { OrderOwner } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { useApiQuery } from '../../shell/use-api-query.js';

interface HandOverDialogProps {
  readonly myUserId: string;
  /** How many open orders the signed-in agent owns: all of them move, unless `only` names one. */
  readonly myOpenOrders: number;
  /** Hand over just this order (from its detail), not all of one's orders. */
  readonly only?: { readonly id: string; readonly number: string };
  readonly onClose: () => void;
  readonly onHandedOver: (result: { moved: number; toName: string }) => void;
}

/**
 * 交班 (docs/board.md BD9): pick a colleague, see how many open orders move, confirm. One call
 * moves them all or none; each order's history records who handed it to whom.
 */
export function HandOverDialog({ myUserId, myOpenOrders, only, onClose, onHandedOver }: HandOverDialogProps) {
  const { t } = useI18n();
  const owners: readonly OrderOwner[] = useApiQuery(() => api.orders.owners.query(), []).data ?? [];
  const count = only ? 1 : myOpenOrders;
  const dialog = useRef<HTMLDialogElement>(null);
  const [toUserId, setToUserId] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const colleagues = owners.filter((o) => o.userId !== myUserId);
  const chosen = colleagues.find((c) => c.userId === toUserId);

  useEffect(() => {
    // A modal <dialog>: focus moves in, the page behind is inert, Escape closes it.
    dialog.current?.showModal();
  }, []);

  async function confirm() {
    if (!chosen) return;
    setBusy(true);
    setProblem(null);
    try {
      const result = await api.orders.handOver.mutate({ toUserId: chosen.userId, ...(only ? { orderIds: [only.id] } : {}) });
      onHandedOver({ moved: result.moved, toName: result.toName });
    } catch (error) {
      setProblem(toApiProblem(error));
      setBusy(false);
    }
  }

  return (
    <dialog ref={dialog} className="hand-over panel" aria-labelledby="hand-over-title" onClose={onClose}>
      <h2 id="hand-over-title">{only ? t('handover.titleOne', { number: only.number }) : t('handover.title')}</h2>
      {count === 0 ? (
        <p>{t('handover.none')}</p>
      ) : colleagues.length === 0 ? (
        <p>{t('handover.noColleague')}</p>
      ) : (
        <>
          <label htmlFor="hand-over-to">{t('handover.to')}</label>
          <select id="hand-over-to" value={toUserId} onChange={(e) => setToUserId(e.target.value)}>
            <option value="">{t('handover.choose')}</option>
            {colleagues.map((c) => <option key={c.userId} value={c.userId}>{t('handover.colleague', { name: c.name, count: c.openOrders })}</option>)}
          </select>
          <p className="hand-over-summary">
            {only
              ? chosen ? t('handover.summaryOne', { number: only.number, name: chosen.name }) : t('handover.choose')
              : chosen ? t('handover.summary', { count, name: chosen.name }) : t('handover.summaryNoOne', { count })}
          </p>
        </>
      )}
      <ProblemAlert problem={problem} />
      <div className="button-row">
        {count > 0 && colleagues.length > 0 && (
          <button type="button" className="primary" disabled={!chosen || busy} onClick={() => void confirm()}>{t('handover.confirm')}</button>
        )}
        <button type="button" onClick={() => dialog.current?.close()}>{t('handover.cancel')}</button>
      </div>
    </dialog>
  );
}
