import { prepareZXingModule, writeBarcode, type WriterOptions } from 'zxing-wasm/writer';
import type { BarcodeFormat } from './barcode-decoder.js';
import { wasmOverrides, type WasmSource } from './wasm-source.js';

/** A barcode as modules (one per pixel), quiet zones included: scale it up to print. */
export interface BarcodeModules {
  readonly width: number;
  readonly height: number;
  isDark(x: number, y: number): boolean;
}

/** Renders barcodes for the printable test sheet and clerk badges. */
export interface BarcodeRenderer {
  /** With `gs1`, `text` is the bracketed form "(01)…(10)…" and FNC1 goes where GS1 requires it. */
  render(text: string, format: BarcodeFormat, options?: { gs1?: boolean }): Promise<BarcodeModules>;
}

// ZXing-C++'s writer, not @zxing/library's: the JS port (0.23) writes only QR, DataMatrix and
// Aztec, no EAN or Code 128.
const writerFormats = {
  ean13: 'EAN13',
  ean8: 'EAN8',
  upca: 'UPCA',
  upce: 'UPCE',
  itf: 'ITF',
  code128: 'Code128',
  qrcode: 'QRCode',
  datamatrix: 'DataMatrix',
} as const satisfies Record<BarcodeFormat, WriterOptions['format']>;

/** Creates a renderer on zxing-wasm's writer; its `.wasm` (~640 KiB) loads on the first render. */
export function createBarcodeRenderer(options: { wasm: WasmSource }): BarcodeRenderer {
  prepareZXingModule({ overrides: wasmOverrides(options.wasm) });
  return { render: renderBarcode };
}

async function renderBarcode(text: string, format: BarcodeFormat, options: { gs1?: boolean } = {}): Promise<BarcodeModules> {
  const { error, symbol } = await writeBarcode(text, { format: writerFormats[format], options: options.gs1 ? 'gs1' : '' });
  if (error) throw new Error(`Cannot render ${JSON.stringify(text)} as ${format}: ${error}`);
  const { width, height, data } = symbol;
  // One byte per module: 0 is a bar (dark), 255 a space.
  return { width, height, isDark: (x, y) => data[y * width + x] === 0 };
}
