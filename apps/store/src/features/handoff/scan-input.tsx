import { useRef, useState } from 'react';
import { useI18n } from '../../i18n/i18n.js';
import { CameraScanner } from '../../scanner/camera/camera-scanner.js';
import { useScannerSettings, useWedgeScanner } from '../../scanner/use-wedge-scanner.js';
import { ScanQueue } from '../../scanner/wedge/scan-queue.js';
import type { WedgeSettings } from '../../scanner/wedge/wedge-settings.js';

export interface ScanInput {
  /** What the device's scanner setup says stands for GS, for `readScan`. */
  readonly separators: () => readonly string[];
  /** The camera, as a button while closed and a viewfinder while open. */
  readonly camera: React.ReactNode;
}

/**
 * The handheld's wedge scanner and the camera, both feeding one queue so scans are handled one at a
 * time and in order, whichever way they came in.
 */
export function useScanInput(handle: (text: string) => Promise<void>): ScanInput {
  const { t } = useI18n();
  const settings = useScannerSettings();
  const current = useRef<WedgeSettings | undefined>(settings);
  current.current = settings;
  const latest = useRef(handle);
  latest.current = handle;
  const [queue] = useState(() => new ScanQueue<string>((text) => latest.current(text)));
  const [isCameraOpen, setCameraOpen] = useState(false);
  useWedgeScanner((scan) => void queue.push(scan.text));
  const camera = isCameraOpen ? (
    <CameraScanner onRead={(text) => void queue.push(text)} onClose={() => setCameraOpen(false)} />
  ) : (
    <button type="button" className="secondary camera-open" onClick={() => setCameraOpen(true)}>{t('camera.open')}</button>
  );
  return { separators: () => current.current?.separatorAliases ?? [], camera };
}
