import { useState, type FormEvent } from 'react';
import type { Order } from '@repo/domain';
import { toApiProblem, type ApiProblem } from '../../api/api-problem.js';
import type { CandidateStore } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { useApiQuery } from '../../shell/use-api-query.js';

interface DispatchPanelProps {
  readonly order: Order;
  readonly onDispatched: (storeName: string) => void;
  readonly onBack: () => void;
}

/** Offers the order to one store, chosen from the server's candidates: full stock first, then nearest. */
export function DispatchPanel({ order, onDispatched, onBack }: DispatchPanelProps) {
  const { t } = useI18n();
  const candidates = useApiQuery(() => api.orders.candidateStores.query({ orderId: order.id }), [order.id]);
  const [storeId, setStoreId] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [needsChoice, setNeedsChoice] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const store = candidates.data?.find((c) => c.storeId === storeId);
    setNeedsChoice(!store);
    if (!store) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.orders.dispatch.mutate({ orderId: order.id, storeId: store.storeId });
      onDispatched(store.name);
    } catch (error) {
      setProblem(toApiProblem(error));
      candidates.reload();
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="dispatch-title">
      <h3 id="dispatch-title">{t('dispatch.title')}</h3>
      <fieldset>
        <legend>{t('dispatch.stores')}</legend>
        <ProblemAlert problem={candidates.problem} />
        {!candidates.data && !candidates.problem && <p className="muted">{t('dispatch.loading')}</p>}
        <ul className="store-options">
          {candidates.data?.map((store) => (
            <StoreOption key={store.storeId} store={store} checked={store.storeId === storeId} onChoose={() => { setStoreId(store.storeId); setNeedsChoice(false); }} />
          ))}
        </ul>
      </fieldset>
      <div className="panel-footer">
        {needsChoice && <p role="alert" className="error">{t('dispatch.chooseFirst')}</p>}
        <ProblemAlert problem={problem} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>{t('dispatch.confirm')}</button>
          <button type="button" onClick={onBack}>{t('dispatch.back')}</button>
        </div>
      </div>
    </form>
  );
}

function StoreOption({ store, checked, onChoose }: { store: CandidateStore; checked: boolean; onChoose: () => void }) {
  const { t } = useI18n();
  const id = `store-${store.storeId}`;
  return (
    <li>
      <label className={store.declined ? 'store-option declined' : 'store-option'} htmlFor={id}>
        {/* Named by the store alone, so "徐家汇店" finds it; distance and stock are its description. */}
        <input
          id={id}
          type="radio"
          name="store"
          value={store.storeId}
          checked={checked}
          disabled={store.declined}
          onChange={onChoose}
          aria-labelledby={`${id}-name`}
          aria-describedby={`${id}-facts`}
        />
        <span id={`${id}-name`} className="store-name">{store.name}</span>
        <span id={`${id}-facts`} className="store-facts">
          <span className="muted">{store.code}</span>
          <span>{t('dispatch.distance', { km: store.distanceKm.toFixed(1) })}</span>
          <span className={store.hasAllStock ? 'chip stock-ok' : 'chip stock-short'}>
            {t(store.hasAllStock ? 'dispatch.hasAllStock' : 'dispatch.missingStock')}
          </span>
          {store.declined && <span className="chip stock-short">{t('dispatch.declined')}</span>}
        </span>
      </label>
    </li>
  );
}
