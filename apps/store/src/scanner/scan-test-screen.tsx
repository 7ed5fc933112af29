import { useRef, useState } from 'react';
import type { IsoDate } from '@repo/domain';
import { formatIsoDate } from '@repo/i18n';
import { useI18n } from '../i18n/i18n.js';
import { CameraScanner } from './camera/camera-scanner.js';
import { feedbackPatterns, giveFeedback, unlockAudio } from './feedback/scan-feedback.js';
import { readScan, type ScanReading } from './read-scan.js';
import { useScannerSettings, useWedgeScanner } from './use-wedge-scanner.js';
import { ScanQueue } from './wedge/scan-queue.js';
import { GS } from './wedge/wedge-settings.js';

/** Scan anything and see what the app makes of it: the proof on a device that scanning works. */
export function ScanTestScreen({ onBack, onSetup }: { onBack: () => void; onSetup: () => void }) {
  const { t } = useI18n();
  const current = useScannerSettings();
  const settings = useRef(current);
  settings.current = current;
  const [last, setLast] = useState<{ text: string; reading: ScanReading } | null>(null);
  const [count, setCount] = useState(0);
  const [blocked, setBlocked] = useState(false);
  const [isCameraOpen, setCameraOpen] = useState(false);
  const [queue] = useState(() => new ScanQueue<string>(async (text) => {
    const reading = await readScan(text, localToday(), settings.current?.separatorAliases ?? []);
    setLast({ text, reading });
    setCount((n) => n + 1);
    giveFeedback(reading.outcome);
    // A problem must be acknowledged; a command barcode (撤销 / 下一项) does that hands-free.
    const isCommand = reading.ok && reading.parsed.kind === 'command';
    setBlocked((was) => (isCommand ? false : was || feedbackPatterns[reading.outcome].blocking));
  }));
  useWedgeScanner((scan) => void queue.push(scan.text));

  return (
    <section className="screen" aria-labelledby="scan-test-title" onPointerDown={unlockAudio}>
      <button type="button" className="back" onClick={onBack}>← {t('settings.title')}</button>
      <h2 id="scan-test-title">{t('scanner.testTitle')} <span className="muted">{t('scanner.count', { count })}</span></h2>
      {isCameraOpen ? (
        <CameraScanner onRead={(text) => void queue.push(text)} onClose={() => setCameraOpen(false)} />
      ) : (
        <button type="button" className="secondary big camera-open" onClick={() => setCameraOpen(true)}>{t('camera.open')}</button>
      )}
      {!last && !isCameraOpen && <p className="empty">{t('scanner.prompt')}</p>}
      {last && <ScanResultView text={last.text} reading={last.reading} />}
      {blocked && last && (
        <div role="alertdialog" aria-labelledby="scan-problem" className="blocking">
          <p id="scan-problem">{t(`outcome.${last.reading.outcome}`)}</p>
          <button type="button" className="primary big" onClick={() => setBlocked(false)}>{t('scanner.acknowledge')}</button>
        </div>
      )}
      <button type="button" className="secondary" onClick={onSetup}>{t('scanner.setupWizard')}</button>
    </section>
  );
}

function ScanResultView({ text, reading }: { text: string; reading: ScanReading }) {
  const { t, locale } = useI18n();
  return (
    <div className={`scan-result outcome-${reading.outcome}`} role="status" aria-label={t(`outcome.${reading.outcome}`)}>
      <strong className="outcome">{t(`outcome.${reading.outcome}`)}</strong>
      <p><span className="muted">{t('scanner.raw')}</span><br /><code>{text.replaceAll(GS, '⟨GS⟩')}</code></p>
      {reading.ok ? (
        <>
          <p>{t(`scanner.kind.${reading.parsed.kind}`)}</p>
          {reading.product ? <p className="product">{reading.product.name}</p> : reading.outcome === 'unknown_code' && <p>{t('scanRejection.UNKNOWN_CODE')}</p>}
          {reading.product && <p>{reading.unitsPerScan > 1 ? t('scanner.case', { count: reading.unitsPerScan }) : t('scanner.unit')}</p>}
          {reading.parsed.kind === 'gs1' && reading.parsed.expiry && <p>{t('scanner.expiry', { date: formatIsoDate(reading.parsed.expiry, locale) })}</p>}
          {reading.parsed.kind === 'gs1' && (
            <ul className="elements">{reading.parsed.elements.map((e) => <li key={e.ai}>({e.ai}) {e.data}</li>)}</ul>
          )}
        </>
      ) : (
        <p>{t(`scanRejection.${reading.reason}`)}</p>
      )}
    </div>
  );
}

/** The store's calendar date (device local time), as GS1 dates are compared against it. */
function localToday(): IsoDate {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10) as IsoDate;
}
