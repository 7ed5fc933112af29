import { prepareZXingModule, readBarcodes, type ReaderOptions, type ReadResult } from 'zxing-wasm/reader';
import type { BarcodeDecoder, BarcodeFormat, DecodedBarcode, ImageDataLike } from './barcode-decoder.js';
import { flattenOntoWhite } from './flatten-onto-white.js';
import { wasmOverrides, type WasmSource } from './wasm-source.js';

// The retail set only: every extra format is another chance of a false read on a shelf photo.
const firstPass: ReaderOptions = {
  formats: ['EAN13', 'EAN8', 'UPCA', 'UPCE', 'ITF', 'Code128', 'QRCode', 'DataMatrix'],
  maxNumberOfSymbols: 1,
  // Plain keeps GS1 data as transmitted (FNC1 as GS, no "(01)" brackets), like zxing's Java text.
  textMode: 'Plain',
};

// Blurred 1D photos that local thresholding misses can still read at a fixed threshold
// (upca-1/18). Linear formats only, no rotation: it costs about 2 ms on a frame with no code.
const blurredLinearPass: ReaderOptions = {
  ...firstPass,
  formats: ['EAN13', 'EAN8', 'UPCA', 'UPCE', 'ITF', 'Code128'],
  binarizer: 'FixedThreshold',
  tryRotate: false,
  tryInvert: false,
};

/**
 * The chosen decoder: ZXing-C++ compiled to WebAssembly. Its module is one per JS realm, so
 * create one decoder per worker; the `.wasm` loads on the first decode.
 */
export function createZxingWasmDecoder(options: { wasm: WasmSource }): BarcodeDecoder {
  prepareZXingModule({ overrides: wasmOverrides(options.wasm) });
  return { name: 'zxing-wasm', decode: decodeWithZxingWasm };
}

async function decodeWithZxingWasm(image: ImageDataLike): Promise<DecodedBarcode | null> {
  // Structurally an ImageData: zxing-wasm only reads width, height and data.
  const pixels = flattenOntoWhite(image) as ImageData;
  for (const pass of [firstPass, blurredLinearPass]) {
    const [result] = await readBarcodes(pixels, pass);
    if (result) return toDecodedBarcode(result);
  }
  return null;
}

/** Reports what is printed under the bars: UPC-A as 12 digits, UPC-E as its 8. */
function toDecodedBarcode(result: ReadResult): DecodedBarcode | null {
  const format = ourFormat(result);
  if (!format) return null;
  const symbologyIdentifier = result.symbologyIdentifier ? { symbologyIdentifier: result.symbologyIdentifier } : {};
  return { text: printedText(result, format), format, ...symbologyIdentifier };
}

function ourFormat(result: ReadResult): BarcodeFormat | null {
  switch (result.format) {
    case 'EAN13':
      // A UPC-A is an EAN-13 whose first digit is 0: the bars are the same, ZXing-C++ says EAN13.
      return /^0\d{12}$/.test(result.text) ? 'upca' : 'ean13';
    case 'UPCA':
      return 'upca';
    case 'EAN8':
      return 'ean8';
    case 'UPCE':
      return 'upce';
    case 'ITF':
    case 'ITF14':
      return 'itf';
    case 'Code128':
      return 'code128';
    case 'QRCode':
    case 'QRCodeModel2':
      return 'qrcode';
    case 'DataMatrix':
      return 'datamatrix';
    default:
      return null;
  }
}

function printedText(result: ReadResult, format: BarcodeFormat): string {
  if (format === 'upca') return result.text.slice(-12);
  if (format !== 'upce') return result.text;
  // ZXing-C++ returns UPC-E expanded to 13 digits and keeps the 8 printed ones in `extra`.
  const printed: unknown = result.extra ? (JSON.parse(result.extra) as Record<string, unknown>)['UPCE'] : undefined;
  if (typeof printed !== 'string') throw new Error(`zxing-wasm returned UPC-E ${result.text} without its 8 digits`);
  return printed;
}
