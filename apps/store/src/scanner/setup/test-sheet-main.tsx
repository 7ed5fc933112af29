import '../../zod-without-eval.js';
import { pickCommandBarcodes } from '@repo/domain';
import { createBarcodeRenderer, type BarcodeModules } from '@repo/scan-decode/render-barcode';
import { StrictMode, useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import writerWasmUrl from 'zxing-wasm/writer/zxing_writer.wasm?url';
import { I18nProvider, useI18n } from '../../i18n/i18n.js';
import { GS } from '../wedge/wedge-settings.js';
import { testSheet } from './test-sheet.js';
import './test-sheet.css';

// Self-hosted and precached: the sheet prints offline too.
const renderer = createBarcodeRenderer({ wasm: { url: writerWasmUrl } });
/** GS1 data goes to the writer in bracketed form, so it places FNC1 itself (the reader adds ]C1). */
function writerInput(encoded: string): { text: string; gs1: boolean } {
  if (!encoded.startsWith(']C1')) return { text: encoded, gs1: false };
  const body = encoded.slice(3);
  return { text: gs1Brackets[body] ?? body, gs1: true };
}
// The sheet's one GS1 code, written out with its AIs: (01) GTIN, (10) lot, (17) expiry.
const gs1Brackets: Record<string, string> = { [`01069012345678921021A7${GS}17271231`]: '(01)06901234567892(10)21A7(17)271231' };
const writerFormat = { EAN_13: 'ean13', EAN_8: 'ean8', UPC_A: 'upca', ITF: 'itf', CODE_128: 'code128' } as const;

/** The printable sheet: the six codes the wizard asks for, then the pick command barcodes. */
function TestSheet() {
  const { t } = useI18n();
  return (
    <main>
      <h1>{t('wizard.printSheet')}</h1>
      <ol className="codes">
        {testSheet.map((code) => (
          <li key={code.id}>
            <h2>{t(`wizard.code.${code.id}`)}</h2>
            <Barcode {...writerInput(code.encoded)} format={writerFormat[code.symbology]} label={code.encoded.replace(/^\]C1/, '').replaceAll(GS, ' ')} />
          </li>
        ))}
      </ol>
      <h2>{t('sheet.commands')}</h2>
      <ul className="codes">
        {pickCommandBarcodes.map((c) => (
          <li key={c.command}>
            <h2>{t(`command.${c.command}`)}</h2>
            <Barcode text={c.payload} gs1={false} format="code128" label={c.payload} />
          </li>
        ))}
      </ul>
    </main>
  );
}

interface BarcodeProps {
  readonly text: string;
  readonly gs1: boolean;
  readonly format: (typeof writerFormat)[keyof typeof writerFormat];
  readonly label: string;
}

function Barcode({ text, gs1, format, label }: BarcodeProps) {
  const [modules, setModules] = useState<BarcodeModules | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    renderer.render(text, format, { gs1 }).then(setModules, (e: Error) => setError(e.message));
  }, [text, format, gs1]);
  if (error) return <p role="alert">{error}</p>;
  if (!modules) return <p>…</p>;
  return (
    <figure>
      <svg role="img" aria-label={label} viewBox={`0 0 ${modules.width} ${modules.height}`} preserveAspectRatio="none" shapeRendering="crispEdges">
        <rect width={modules.width} height={modules.height} fill="#fff" />
        {darkRuns(modules).map(([x, y, w]) => <rect key={`${x}-${y}`} x={x} y={y} width={w} height={1} fill="#000" />)}
      </svg>
      <figcaption>{label}</figcaption>
    </figure>
  );
}

/** Horizontal runs of dark modules: a few hundred rects instead of one per module. */
function darkRuns(m: BarcodeModules): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (let y = 0; y < m.height; y++) {
    for (let x = 0; x < m.width; ) {
      if (!m.isDark(x, y)) { x++; continue; }
      let end = x;
      while (end < m.width && m.isDark(end, y)) end++;
      runs.push([x, y, end - x]);
      x = end;
    }
  }
  return runs;
}

createRoot(document.getElementById('sheet')!).render(
  <StrictMode>
    <I18nProvider>
      <TestSheet />
    </I18nProvider>
  </StrictMode>,
);
