import { useId, useState, type FormEvent } from 'react';
import type { HqKey } from '../../i18n/hq-catalogs.js';
import { useI18n } from '../../i18n/i18n.js';

interface ReasonFormProps {
  readonly label: HqKey;
  readonly hint: HqKey;
  readonly required: HqKey;
  readonly submit: HqKey;
  readonly danger?: boolean;
  readonly busy: boolean;
  readonly onSubmit: (reason: string) => void;
  readonly onBack: () => void;
}

/** A short required reason (why call, why cancel): the next person reads it, so it may not be blank. */
export function ReasonForm({ label, hint, required, submit, danger = false, busy, onSubmit, onBack }: ReasonFormProps) {
  const { t } = useI18n();
  const id = useId();
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);

  function send(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = reason.trim();
    setMissing(trimmed === '');
    if (trimmed) onSubmit(trimmed);
  }

  return (
    <form className="reason-form" onSubmit={send} noValidate>
      <label htmlFor={`${id}-reason`}>{t(label)}</label>
      <textarea
        id={`${id}-reason`}
        value={reason}
        maxLength={200}
        rows={2}
        required
        autoFocus
        onChange={(e) => setReason(e.target.value)}
        aria-invalid={missing ? true : undefined}
        aria-describedby={missing ? `${id}-error ${id}-hint` : `${id}-hint`}
      />
      <p id={`${id}-hint`} className="muted hint">{t(hint)}</p>
      {missing && <p id={`${id}-error`} role="alert" className="error">{t(required)}</p>}
      <div className="button-row">
        <button type="submit" className={danger ? 'danger' : 'primary'} disabled={busy}>{t(submit)}</button>
        <button type="button" onClick={onBack}>{t('review.back')}</button>
      </div>
    </form>
  );
}
