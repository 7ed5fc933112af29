import { useState, type FormEvent } from 'react';
import type { Order } from '@repo/domain';
import { formatList, type Locale } from '@repo/i18n';
import { toApiProblem, type ApiProblem } from '../../api/api-problem.js';
import type { CandidateStore, LeftOutStore } from '../../api/router-types.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatKm } from '../../shell/format-distance.js';
import { formatTime } from '../../shell/format-time.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { useApiQuery } from '../../shell/use-api-query.js';

interface DispatchPanelProps {
  readonly order: Order;
  readonly onDispatched: (storeName: string, storeId: string) => void;
  readonly onBack: () => void;
}

/**
 * Offers the order to a store (docs/dispatch.md DS1-DS4): one button for the best store, or any
 * other candidate; each shows its distance, the lines it lacks by name and whether it is online.
 */
export function DispatchPanel({ order, onDispatched, onBack }: DispatchPanelProps) {
  const { t, locale } = useI18n();
  const ranking = useApiQuery(() => api.orders.candidateStores.query({ orderId: order.id }), [order.id], { refreshMs: 30_000 });
  const [storeId, setStoreId] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [needsChoice, setNeedsChoice] = useState(false);
  const [busy, setBusy] = useState(false);
  const candidates = ranking.data?.candidates ?? [];
  const best = candidates[0];

  async function offer(store: CandidateStore | undefined) {
    setNeedsChoice(!store);
    if (!store) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.orders.dispatch.mutate({ orderId: order.id, storeId: store.storeId });
      onDispatched(store.name, store.storeId);
    } catch (error) {
      setProblem(toApiProblem(error));
      ranking.reload();
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    void offer(candidates.find((c) => c.storeId === storeId));
  }

  return (
    <form className="panel dispatch-panel" onSubmit={submit} aria-labelledby="dispatch-title">
      <h3 id="dispatch-title">{t('candidates.title')}</h3>
      <p className="muted">{t('candidates.rule', { radius: best?.deliveryRadiusKm ?? 3 })}</p>
      <ProblemAlert problem={ranking.problem} />
      {!ranking.data && !ranking.problem && <p className="muted">{t('candidates.loading')}</p>}
      {ranking.data && !best && <p role="alert" className="error">{t('candidates.none')}</p>}
      {best && (
        <div className="best-offer">
          <button type="button" className="primary big" disabled={busy} onClick={() => void offer(best)} aria-describedby="best-hint">
            {t('candidates.best', { store: best.name })}
          </button>
          <p id="best-hint" className="muted">
            {t('candidates.bestHint', {
              store: best.code, km: formatKm(best.distanceKm, locale), stock: best.hasAllStock ? t('candidates.allStock') : lacks(best, t, locale), seen: seenText(best, t, locale),
            })}
          </p>
        </div>
      )}
      {candidates.length > 0 && (
        <fieldset>
          <legend>{t('candidates.orChoose')}</legend>
          <ul className="store-options">
            {candidates.map((store) => (
              <StoreOption key={store.storeId} store={store} checked={store.storeId === storeId} onChoose={() => { setStoreId(store.storeId); setNeedsChoice(false); }} />
            ))}
          </ul>
        </fieldset>
      )}
      {ranking.data && ranking.data.leftOut.length > 0 && <LeftOut stores={ranking.data.leftOut} />}
      <div className="panel-footer">
        {needsChoice && <p role="alert" className="error">{t('candidates.chooseFirst')}</p>}
        <ProblemAlert problem={problem} />
        <div className="button-row">
          {candidates.length > 0 && <button type="submit" disabled={busy}>{t('candidates.offerTo')}</button>}
          <button type="button" onClick={onBack}>{t('candidates.back')}</button>
        </div>
      </div>
    </form>
  );
}

type Translate = ReturnType<typeof useI18n>['t'];

function lacks(store: CandidateStore, t: Translate, locale: Locale): string {
  const items = store.missing.map((m) => t('candidates.lackItem', { name: m.name, ordered: m.ordered, free: m.free }));
  return t('candidates.lacks', { items: formatList(items, locale) });
}

/** Whether the store's devices are reachable now (DS4): an offline store may let the offer expire. */
function seenText(store: CandidateStore, t: Translate, locale: Locale): string {
  if (store.online) return t('candidates.online');
  return store.lastSeenAt ? t('candidates.lastSeen', { time: formatTime(store.lastSeenAt, locale) }) : t('candidates.neverSeen');
}

function StoreOption({ store, checked, onChoose }: { store: CandidateStore; checked: boolean; onChoose: () => void }) {
  const { t, locale } = useI18n();
  const id = `store-${store.storeId}`;
  const seen = seenText(store, t, locale);
  return (
    <li>
      <label className="store-option" htmlFor={id}>
        {/* Named by the store alone, so "徐家汇店" finds it; distance, stock and devices are its description. */}
        <input id={id} type="radio" name="store" value={store.storeId} checked={checked} onChange={onChoose}
          aria-labelledby={`${id}-name`} aria-describedby={`${id}-facts`} />
        <span id={`${id}-name`} className="store-name">{store.name}</span>
        <span id={`${id}-facts`} className="store-facts">
          <span className="muted">{store.code}</span>
          <span>{t('candidates.distance', { km: formatKm(store.distanceKm, locale) })}</span>
          <span className={store.hasAllStock ? 'chip stock-ok' : 'chip stock-short'}>{store.hasAllStock ? t('candidates.allStock') : lacks(store, t, locale)}</span>
          <span className={store.online ? 'chip online' : 'chip offline'}>{seen}</span>
        </span>
      </label>
    </li>
  );
}

function LeftOut({ stores }: { stores: readonly LeftOutStore[] }) {
  const { t, locale } = useI18n();
  return (
    <details className="left-out">
      <summary>{t('candidates.leftOut', { count: stores.length })}</summary>
      <ul>
        {stores.map((s) => (
          <li key={s.storeId}>{s.name} · {t('candidates.distance', { km: formatKm(s.distanceKm, locale) })} · {t(`candidates.why.${s.why}`)}</li>
        ))}
      </ul>
    </details>
  );
}
