import { useState } from 'react';
import { updateNotesInput } from '@repo/domain';
import { toApiProblem, type ApiProblem } from '../../api/api-problem.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { formatTime } from '../../shell/format-time.js';
import { ProblemAlert } from '../../shell/problem-alert.js';

interface CustomerNotesProps {
  readonly customerId: string;
  readonly notes: string;
  readonly updatedAt: string | null;
  readonly onSaved: () => void;
}

/** What every agent should know on the next call; edited in place. */
export function CustomerNotes({ customerId, notes, updatedAt, onSaved }: CustomerNotesProps) {
  const { t, locale } = useI18n();
  const [editing, setEditing] = useState<string | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [busy, setBusy] = useState(false);
  const parsed = editing === null ? null : updateNotesInput.safeParse({ customerId, notes: editing });

  async function save() {
    if (!parsed?.success) return;
    setBusy(true);
    setProblem(null);
    try {
      await api.customers.updateNotes.mutate(parsed.data);
      setEditing(null);
      onSaved();
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="customer-notes" aria-labelledby="notes-heading">
      <h3 id="notes-heading">{t('customers.notes')}</h3>
      {editing === null ? (
        <div className="notes-view">
          {notes ? <p className="notes-text">{notes}</p> : <p className="muted">{t('customers.noNotes')}</p>}
          {notes && updatedAt && <p className="hint">{t('customers.notesUpdated', { time: formatTime(updatedAt, locale) })}</p>}
          <button type="button" onClick={() => setEditing(notes)}>{t('customers.editNotes')}</button>
        </div>
      ) : (
        <div className="notes-edit">
          <label htmlFor="notes-editor" className="visually-hidden">{t('customers.notes')}</label>
          <textarea id="notes-editor" rows={3} value={editing} maxLength={500} onChange={(e) => setEditing(e.target.value)}
            aria-describedby="notes-editor-hint" aria-invalid={parsed && !parsed.success ? true : undefined} />
          <p id="notes-editor-hint" className="hint">{t('customers.notesHint')}</p>
          {parsed && !parsed.success && <p className="error">{t('customers.errors.notes')}</p>}
          <ProblemAlert problem={problem} />
          <div className="button-row">
            <button type="button" className="primary" onClick={() => void save()} disabled={busy}>{t('customers.saveNotes')}</button>
            <button type="button" onClick={() => setEditing(null)}>{t('customers.cancel')}</button>
          </div>
        </div>
      )}
    </section>
  );
}
