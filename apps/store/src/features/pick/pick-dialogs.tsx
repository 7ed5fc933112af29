import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { formatIsoDate } from '@repo/i18n';
import { useI18n } from '../../i18n/i18n.js';
import type { PickProgress } from '../../local-db/store-db.js';
import type { LineTally } from './pick-tally.js';
import type { PickStop } from './use-pick-session.js';

/** A hard stop ([PK3]): what is wrong, big, and one big button; nothing counts until it is pressed. */
export function StopDialog({ stop, onAcknowledge }: { stop: PickStop; onAcknowledge: () => void }) {
  const { t, locale } = useI18n();
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => button.current?.focus({ preventScroll: true }), [stop]);
  const { verdict, name } = stop;
  const text = verdict.kind === 'unknown_code' ? t('pick.stop.unknown_code')
    : verdict.kind === 'over_pick' ? t('pick.stop.over_pick', { name, left: verdict.left, units: verdict.units })
      : verdict.kind === 'not_on_order' ? t('pick.stop.not_on_order', { name })
        : t(`pick.stop.${verdict.kind}`, { name, date: verdict.expiry ? formatIsoDate(verdict.expiry, locale) : '' });
  return (
    <div role="alertdialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} className={`pick-stop pick-stop-${verdict.kind}`}>
      <p id={`${id}-title`} className="pick-stop-title">{t('pick.stop.title')}</p>
      <p id={`${id}-text`} className="pick-stop-text">{text}</p>
      <p className="pick-stop-hint">{t('pick.stop.hint')}</p>
      <button ref={button} type="button" className="primary big" onClick={onAcknowledge}>{t('pick.acknowledge')}</button>
    </div>
  );
}

/** Marks one line short with the units the store can supply (0 up to one less than wanted). */
export function ShortDialog({ line, onSave, onClose }: { line: LineTally; onSave: (available: number | null) => void; onClose: () => void }) {
  const { t } = useI18n();
  const id = useId();
  const max = line.wanted - 1;
  const [value, setValue] = useState(String(line.short ?? Math.min(line.picked, max)));
  const [isInvalid, setInvalid] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(value);
    if (!/^\d{1,3}$/.test(value.trim()) || n > max) return setInvalid(true);
    onSave(n);
  };
  return (
    <div role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} className="pick-panel">
      <h3 id={`${id}-title`}>{t('pick.short.title', { name: line.name })}</h3>
      <form onSubmit={submit}>
        <label htmlFor={`${id}-n`}>{t('pick.short.available', { max })}</label>
        <input id={`${id}-n`} inputMode="numeric" autoComplete="off" value={value} aria-invalid={isInvalid} aria-describedby={isInvalid ? `${id}-error` : undefined}
          onChange={(e) => { setValue(e.target.value); setInvalid(false); }} />
        {isInvalid && <p id={`${id}-error`} className="error" role="alert">{t('pick.short.invalid', { max })}</p>}
        <div className="pick-panel-actions">
          <button type="submit" className="danger big">{t('pick.short.confirm')}</button>
          {line.short !== undefined && <button type="button" className="secondary" onClick={() => onSave(null)}>{t('pick.short.clear')}</button>}
          <button type="button" className="secondary" onClick={onClose}>{t('pick.short.cancel')}</button>
        </div>
      </form>
    </div>
  );
}

/** Before a short goes to head office: what happens next, in plain words ([PK9]). */
export function ReportShortPanel({ onSend, onCancel }: { onSend: () => void; onCancel: () => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div role="dialog" aria-modal="true" aria-labelledby={`${id}-title`} aria-describedby={`${id}-text`} className="pick-panel">
      <h3 id={`${id}-title`}>{t('pick.report.title')}</h3>
      <p id={`${id}-text`}>{t('pick.report.explain')}</p>
      <div className="pick-panel-actions">
        <button type="button" className="danger big" onClick={onSend}>{t('pick.report.send')}</button>
        <button type="button" className="secondary" onClick={onCancel}>{t('pick.short.cancel')}</button>
      </div>
    </div>
  );
}

/** Head office's decision on a short, as it changed this pick ([PK11]). */
export function DecisionNotice({ decision, onRead }: { decision: NonNullable<PickProgress['decision']>; onRead: () => void }) {
  const { t } = useI18n();
  const id = useId();
  return (
    <div role="alert" aria-labelledby={`${id}-title`} className="pick-decision">
      <h3 id={`${id}-title`}>{t(`pick.decision.${decision.resolution}`)}</h3>
      <ul>
        {decision.changes.map((c) => (
          <li key={c.productId}>
            {t(`pick.change.${c.kind}`, { name: c.name, from: c.from, to: c.to })}
            {c.putBack > 0 && <strong> — {t('pick.change.putBack', { count: c.putBack })}</strong>}
          </li>
        ))}
      </ul>
      <button type="button" className="primary big" onClick={onRead}>{t('pick.decision.ok')}</button>
    </div>
  );
}
