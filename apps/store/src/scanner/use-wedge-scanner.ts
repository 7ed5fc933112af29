import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/i18n.js';
import { db, type MetaRow } from '../local-db/store-db.js';
import { attachWedge } from './wedge/attach-wedge.js';
import type { WedgeScan } from './wedge/wedge-decoder.js';
import { defaultWedgeSettings, type WedgeSettings } from './wedge/wedge-settings.js';

/** This device's scanner settings, as the setup wizard saved them (defaults until then). */
export function useScannerSettings(): WedgeSettings | undefined {
  return useLiveQuery(async () => {
    const row = (await db.meta.get('scanner')) as Extract<MetaRow, { key: 'scanner' }> | undefined;
    return row?.settings ?? defaultWedgeSettings;
  }, []);
}

/** Listens to the handheld's scanner while the calling screen is shown. */
export function useWedgeScanner(onScan: (scan: WedgeScan) => void, override?: WedgeSettings): void {
  const { t } = useI18n();
  const saved = useScannerSettings();
  const settings = override ?? saved;
  const latest = useRef(onScan);
  latest.current = onScan;
  useEffect(() => {
    if (!settings) return;
    return attachWedge({ settings, label: t('scanner.sink'), onScan: (scan) => latest.current(scan) });
  }, [settings, t]);
}
