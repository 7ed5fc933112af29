import type { BarcodeModules, BarcodeRenderer } from '@repo/scan-decode/render-barcode';
import { useEffect, useState } from 'react';

let renderer: Promise<BarcodeRenderer> | null = null;

// Loaded on the first label, not with the app: the writer's .wasm (~640 KiB) is self-hosted and
// precached by the service worker, so labels and badges print offline too.
function qrRenderer(): Promise<BarcodeRenderer> {
  renderer ??= Promise.all([import('@repo/scan-decode/render-barcode'), import('zxing-wasm/writer/zxing_writer.wasm?url')]).then(
    ([module, wasm]) => module.createBarcodeRenderer({ wasm: { url: wasm.default } }),
  );
  return renderer;
}

/** A QR code drawn as SVG from zxing-wasm's writer (the same one the scanner test sheet prints with). */
export function QrCode({ text, label, className }: { text: string; label: string; className?: string }) {
  const [modules, setModules] = useState<BarcodeModules | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    qrRenderer()
      .then((r) => r.render(text, 'qrcode'))
      .then((m) => live && setModules(m), (e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [text]);
  if (error) return <p role="alert">{error}</p>;
  return (
    <svg role="img" aria-label={label} className={className} data-payload={text} viewBox={modules ? `0 0 ${modules.width} ${modules.height}` : '0 0 1 1'} shapeRendering="crispEdges" aria-busy={modules ? undefined : true}>
      <rect width="100%" height="100%" fill="#fff" />
      {modules && darkRuns(modules).map(([x, y, w]) => <rect key={`${x}-${y}`} x={x} y={y} width={w} height={1} fill="#000" />)}
    </svg>
  );
}

/** Horizontal runs of dark modules: a few hundred rects instead of one per module. */
function darkRuns(m: BarcodeModules): [number, number, number][] {
  const runs: [number, number, number][] = [];
  for (let y = 0; y < m.height; y++) {
    for (let x = 0; x < m.width; ) {
      if (!m.isDark(x, y)) {
        x++;
        continue;
      }
      let end = x;
      while (end < m.width && m.isDark(end, y)) end++;
      runs.push([x, y, end - x]);
      x = end;
    }
  }
  return runs;
}
