import { useState, type FormEvent } from 'react';
import { resolveShortInput, type Order, type OrderLine, type ResolveShortInput } from '@repo/domain';
import { toApiProblem, type ApiProblem } from '../../api/api-problem.js';
import type { HqKey } from '../../i18n/hq-catalogs.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatPrice, formatPriceChange } from '../../shell/format-price.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { SubstitutePicker, type ChosenSubstitute } from './substitute-picker.js';

type Resolution = ResolveShortInput['resolution'];

const doneKeys = { partial: 'short.done.partial', substitute: 'short.done.substitute', redispatch: 'short.done.redispatch' } as const satisfies Record<Resolution, HqKey>;

interface ShortPanelProps {
  readonly order: Order;
  readonly onResolved: (done: HqKey) => void;
  readonly onBack: () => void;
}

/** The owner's decision on a short order (OL7): partial after a call, a substitute, or another store. */
export function ShortPanel({ order, onResolved, onBack }: ShortPanelProps) {
  const { t } = useI18n();
  const shortLines = order.lines.filter((l) => l.confirmedQuantity < l.quantity);
  const [resolution, setResolution] = useState<Resolution | null>(null);
  const [answer, setAnswer] = useState('');
  const [note, setNote] = useState('');
  const [substitutes, setSubstitutes] = useState<ReadonlyMap<string, ChosenSubstitute>>(new Map());
  const [invalid, setInvalid] = useState<HqKey | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!resolution) {
      setInvalid('short.chooseFirst');
      return;
    }
    const parsed = resolveShortInput.safeParse(inputFor(order.id, resolution, { answer, note, substitutes }));
    setInvalid(parsed.success ? null : resolution === 'partial' ? 'short.answerRequired' : 'short.substituteRequired');
    if (!parsed.success) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.orders.resolveShort.mutate(parsed.data);
      onResolved(doneKeys[parsed.data.resolution]);
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  const option = (value: Resolution, label: HqKey) => (
    <label className="choice">
      <input type="radio" name="short-resolution" value={value} checked={resolution === value} onChange={() => { setResolution(value); setInvalid(null); }} />
      <span>{t(label)}</span>
    </label>
  );

  return (
    <form className="panel short-panel" onSubmit={submit} aria-labelledby="short-title" noValidate>
      <h3 id="short-title">{t('short.title')}</h3>
      <ShortLinesTable lines={shortLines} />
      <fieldset>
        <legend>{t('short.choose')}</legend>
        {option('partial', 'short.partial')}
        {resolution === 'partial' && (
          <div className="choice-body">
            <p className="muted hint">{t('short.partialHint')}</p>
            <a className="button" href={`tel:${order.customerPhone}`}>{t('short.call', { phone: order.customerPhone })}</a>
            <label htmlFor="short-answer">{t('short.answer')}</label>
            <textarea
              id="short-answer" rows={2} maxLength={200} required value={answer} placeholder={t('short.answerPlaceholder')}
              onChange={(e) => { setAnswer(e.target.value); setInvalid(null); }}
              aria-invalid={invalid === 'short.answerRequired' ? true : undefined}
              aria-describedby={invalid === 'short.answerRequired' ? 'short-error' : undefined}
            />
            <AmountChange order={order} substitutes={new Map()} />
          </div>
        )}
        {option('substitute', 'short.substitute')}
        {resolution === 'substitute' && (
          <div className="choice-body">
            <p className="muted hint">{t('short.substituteHint')}</p>
            {shortLines.map((line) => (
              <SubstitutePicker
                key={line.productId}
                line={line}
                chosen={substitutes.get(line.productId) ?? null}
                onChange={(chosen) => { setSubstitutes((current) => withChoice(current, line.productId, chosen)); setInvalid(null); }}
              />
            ))}
            <AmountChange order={order} substitutes={substitutes} />
          </div>
        )}
        {option('redispatch', 'short.redispatch')}
        {resolution === 'redispatch' && <p className="choice-body muted hint">{t('short.redispatchHint')}</p>}
      </fieldset>
      {resolution && resolution !== 'partial' && (
        <>
          <label htmlFor="short-note">{t('short.note')}</label>
          <textarea id="short-note" rows={2} maxLength={200} value={note} onChange={(e) => setNote(e.target.value)} />
        </>
      )}
      <div className="panel-footer">
        {invalid && <p id="short-error" role="alert" className="error">{t(invalid)}</p>}
        <ProblemAlert problem={problem} />
        <div className="button-row">
          <button type="submit" className="primary" disabled={busy}>{t('short.confirm')}</button>
          <button type="button" onClick={onBack}>{t('short.back')}</button>
        </div>
      </div>
    </form>
  );
}

function ShortLinesTable({ lines }: { lines: readonly OrderLine[] }) {
  const { t } = useI18n();
  return (
    <div className="table-scroll">
      <table className="lines">
        <caption>{t('short.lines')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('order.product')}</th>
            <th scope="col" className="num">{t('short.ordered')}</th>
            <th scope="col" className="num">{t('short.available')}</th>
            <th scope="col" className="num">{t('short.missing')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line) => (
            <tr key={line.productId} className="short">
              <td>{line.name}</td>
              <td className="num">{line.quantity}</td>
              <td className="num">{line.confirmedQuantity}</td>
              <td className="num"><strong>{line.quantity - line.confirmedQuantity}</strong></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What the customer pays after the substitutes: the amount to collect before and after, or the difference on a prepaid order. */
function AmountChange({ order, substitutes }: { order: Order; substitutes: ReadonlyMap<string, ChosenSubstitute> }) {
  const { t, locale } = useI18n();
  if (order.lines.some((l) => l.unitPriceFen === undefined)) return null;
  const confirmed = order.lines.reduce((sum, l) => sum + l.unitPriceFen! * l.confirmedQuantity, 0);
  const added = [...substitutes.values()].reduce((sum, s) => sum + s.product.priceFen * s.quantity, 0);
  const ordered = order.lines.reduce((sum, l) => sum + l.unitPriceFen! * l.quantity, 0);
  const difference = confirmed + added - ordered;
  if (order.payment?.method === 'on_delivery') {
    return <p className="amount-change"><strong>{t('short.amount', { before: formatPrice(order.payment.amountDueFen, locale), after: formatPrice(confirmed + added, locale) })}</strong></p>;
  }
  return <p className="amount-change">{t('short.amountPrepaid', { difference: formatPriceChange(difference, locale) })}</p>;
}

function withChoice(current: ReadonlyMap<string, ChosenSubstitute>, productId: string, chosen: ChosenSubstitute | null): ReadonlyMap<string, ChosenSubstitute> {
  const next = new Map(current);
  if (chosen) next.set(productId, chosen);
  else next.delete(productId);
  return next;
}

interface Draft {
  readonly answer: string;
  readonly note: string;
  readonly substitutes: ReadonlyMap<string, ChosenSubstitute>;
}

/** The form as the procedure's input; the shared schema then says whether it is complete. */
function inputFor(orderId: string, resolution: Resolution, draft: Draft): unknown {
  const note = draft.note.trim() ? { note: draft.note } : {};
  switch (resolution) {
    case 'partial':
      return { orderId, resolution, note: draft.answer };
    case 'substitute':
      return {
        orderId, resolution, ...note,
        substitutes: [...draft.substitutes].map(([productId, s]) => ({ productId, replacementProductId: s.product.id, quantity: s.quantity })),
      };
    case 'redispatch':
      return { orderId, resolution, ...note };
  }
}

