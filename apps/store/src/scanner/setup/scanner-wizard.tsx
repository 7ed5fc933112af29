import { useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { db } from '../../local-db/store-db.js';
import { giveFeedback } from '../feedback/scan-feedback.js';
import { useWedgeScanner } from '../use-wedge-scanner.js';
import type { WedgeScan } from '../wedge/wedge-decoder.js';
import { defaultWedgeSettings, type WedgeSettings } from '../wedge/wedge-settings.js';
import { analyseTestScans, type ScannerFinding } from './analyse-test-scans.js';
import { testSheet } from './test-sheet.js';

// While learning, accept anything that looks remotely like a scan: the point is to see how it types.
const learning: WedgeSettings = { ...defaultWedgeSettings, maxAverageGapMs: 200, minLength: 1, separatorAliases: [], silenceMs: 250 };

/** Walks the manager through scanning the printed test sheet, then saves what it learnt for this device. */
export function ScannerWizard({ onDone }: { onDone: () => void }) {
  const { t } = useI18n();
  const [scans, setScans] = useState<WedgeScan[]>([]);
  const [saved, setSaved] = useState(false);
  const done = scans.length >= testSheet.length;
  useWedgeScanner((scan) => {
    if (done) return;
    giveFeedback('picked');
    setScans((s) => (s.length < testSheet.length ? [...s, scan] : s));
  }, learning);
  const report = done ? analyseTestScans(testSheet, scans) : null;
  const next = testSheet[scans.length];

  async function save() {
    if (!report) return;
    await db.meta.put({ key: 'scanner', settings: report.settings, testedAt: new Date().toISOString() });
    setSaved(true);
  }

  return (
    <section className="screen" aria-labelledby="wizard-title">
      <button type="button" className="back" onClick={onDone}>← {t('scanner.testTitle')}</button>
      <h2 id="wizard-title">{t('scanner.setupWizard')}</h2>
      <p><a href="/store/scanner-test-sheet.html" target="_blank" rel="noreferrer">{t('wizard.printSheet')}</a></p>
      {next && (
        <p className="wizard-step" role="status">
          {t('wizard.step', { n: scans.length + 1, total: testSheet.length, name: t(`wizard.code.${next.id}`) })}
        </p>
      )}
      {report && (
        <div role="status" className={report.ready ? 'wizard-ok' : 'wizard-problems'}>
          <p><strong>{report.ready ? t('wizard.ready') : t('wizard.notReady')}</strong></p>
          <ul>{report.findings.map((f, i) => <li key={i}>{findingText(t, f)}</li>)}</ul>
          {report.ready && !saved && <button type="button" className="primary big" onClick={() => void save()}>{t('wizard.save')}</button>}
          {saved && <p>{t('wizard.saved')}</p>}
          <button type="button" className="secondary" onClick={() => { setScans([]); setSaved(false); }}>{t('wizard.again')}</button>
        </div>
      )}
    </section>
  );
}

function findingText(t: ReturnType<typeof useI18n>['t'], finding: ScannerFinding): string {
  switch (finding.kind) {
    case 'no_suffix': return t('wizard.finding.no_suffix');
    case 'tab_suffix': return t('wizard.finding.tab_suffix');
    case 'prefix': return t('wizard.finding.prefix', { prefix: finding.prefix });
    case 'missing_separator': return t('wizard.finding.missing_separator');
    case 'separator_alias': return t('wizard.finding.separator_alias', { alias: finding.alias });
    case 'changed_characters': return t('wizard.finding.changed_characters', { name: t(`wizard.code.${finding.code}`), got: finding.got });
    case 'slow_keys': return t('wizard.finding.slow_keys', { ms: finding.averageGapMs });
    case 'missing_code': return t('wizard.finding.missing_code', { name: t(`wizard.code.${finding.code}`) });
  }
}
