import { useState, type FormEvent } from 'react';
import { toApiProblem, type ApiProblem } from '../../api/api-problem.js';
import { useI18n } from '../../i18n/i18n.js';
import { api } from '../../session/session-store.js';
import { ProblemAlert } from '../../shell/problem-alert.js';
import { useApiQuery } from '../../shell/use-api-query.js';

/** Uploads a store's CSV count from the inventory system; it replaces that store's quantities (docs/dispatch.md DS14). */
export function StockImport() {
  const { t } = useI18n();
  const stores = useApiQuery(() => api.catalog.stores.query(), []);
  const [storeId, setStoreId] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [problem, setProblem] = useState<ApiProblem | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setMissing(!storeId || !file);
    if (!storeId || !file) return;
    setBusy(true);
    setProblem(null);
    setDone(null);
    try {
      const result = await api.dispatch.importStock.mutate({ storeId, csv: await file.text() });
      const name = stores.data?.find((s) => s.id === storeId)?.name ?? storeId;
      setDone(t('stockImport.done', { store: name, count: result.products, zeroed: result.zeroed }));
    } catch (error) {
      setProblem(toApiProblem(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <details className="stock-import">
      <summary>{t('stockImport.open')}</summary>
      <form className="panel" onSubmit={submit} aria-labelledby="stock-import-title">
        <h3 id="stock-import-title">{t('stockImport.title')}</h3>
        <p className="muted">{t('stockImport.help')}</p>
        <label>
          {t('stockImport.store')}
          <select value={storeId} onChange={(e) => setStoreId(e.target.value)}>
            <option value="" />
            {stores.data?.map((s) => <option key={s.id} value={s.id}>{s.name}</option>)}
          </select>
        </label>
        <label>
          {t('stockImport.file')}
          <input type="file" accept=".csv,text/csv,text/plain" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        {missing && <p role="alert" className="error">{t('stockImport.chooseFile')}</p>}
        <ProblemAlert problem={problem} />
        {done && <p role="status" className="success">{done}</p>}
        <button type="submit" className="primary" disabled={busy}>{t('stockImport.submit')}</button>
      </form>
    </details>
  );
}
