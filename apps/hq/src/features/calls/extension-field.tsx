import { useEffect, useId, useState, type FormEvent } from 'react';
import { extensionSchema } from '@repo/domain';
import { toApiProblem } from '../../api/api-problem.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { loadMyExtension, setMyExtension, useMyExtension } from './my-extension.js';

type Problem = { readonly kind: 'invalid' } | { readonly kind: 'held'; readonly extension: string; readonly name: string } | { readonly kind: 'failed'; readonly message: string };

/** The header's 分机 control: the agent signs in at the desk phone's extension so its calls pop here (docs/cti.md CT4). */
export function ExtensionField() {
  const { t } = useI18n();
  const { extension, loaded } = useMyExtension();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<Problem | null>(null);
  const [busy, setBusy] = useState(false);
  const inputId = useId();
  const problemId = useId();

  useEffect(() => {
    const load = () => void loadMyExtension().catch(() => undefined);
    load();
    // Another agent may take the extension over (CT4): the header must not keep showing it as ours.
    const timer = setInterval(() => document.visibilityState === 'visible' && load(), 60_000);
    return () => clearInterval(timer);
  }, []);

  async function choose(next: string | null, takeOver = false) {
    setBusy(true);
    try {
      const result = await api.cti.setExtension.mutate({ extension: next, takeOver });
      if (result.ok) {
        setMyExtension(result.extension);
        setProblem(null);
        setDraft('');
      } else {
        setProblem({ kind: 'held', extension: next ?? '', name: result.heldBy });
      }
    } catch (error) {
      setProblem({ kind: 'failed', message: toApiProblem(error).message });
    } finally {
      setBusy(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const parsed = extensionSchema().safeParse(draft);
    if (!parsed.success) return setProblem({ kind: 'invalid' });
    void choose(parsed.data);
  }

  if (!loaded) return null;
  if (extension) {
    return (
      <div className="extension-field at-extension">
        <span className="extension-badge" title={t('calls.atExtensionHint')}>
          <span aria-hidden="true">☎ </span>{t('calls.atExtension', { extension })}
        </span>
        <button type="button" disabled={busy} onClick={() => void choose(null)}>{t('calls.signOut')}</button>
      </div>
    );
  }
  return (
    <form className="extension-field" onSubmit={submit} noValidate>
      <label htmlFor={inputId}>{t('calls.extension')}</label>
      <input
        id={inputId} value={draft} inputMode="numeric" autoComplete="off" maxLength={8} size={6}
        aria-invalid={problem ? true : undefined} aria-describedby={problem ? problemId : undefined}
        onChange={(event) => { setDraft(event.target.value); setProblem(null); }}
      />
      <button type="submit" disabled={busy}>{t('calls.signIn')}</button>
      {problem && (
        <p id={problemId} className="extension-problem" role="alert">
          {problem.kind === 'invalid' ? t('calls.invalid') : problem.kind === 'held' ? t('calls.heldBy', { extension: problem.extension, name: problem.name }) : problem.message}
          {problem.kind === 'held' && <button type="button" disabled={busy} onClick={() => void choose(problem.extension, true)}>{t('calls.takeOver')}</button>}
        </p>
      )}
    </form>
  );
}
