import * as zxingExports from '@zxing/library';
import type { BarcodeFormat as ZxingFormat, DecodeHintType as ZxingHint, MultiFormatReader, Result, RGBLuminanceSource } from '@zxing/library';
import type { BarcodeDecoder, BarcodeFormat, DecodedBarcode, ImageDataLike } from './barcode-decoder.js';
import { flattenOntoWhite } from './flatten-onto-white.js';

// Node loads the package's CommonJS build, whose names its ESM loader cannot see: they sit on
// `default`. Bundlers load the ESM build, which has no `default`.
const zxing = (zxingExports as { default?: typeof zxingExports }).default ?? zxingExports;
const { BarcodeFormat, DecodeHintType } = zxing;

const noCodeRead = [zxing.NotFoundException, zxing.ChecksumException, zxing.FormatException, zxing.ReaderException];

const ourFormats = new Map<ZxingFormat, BarcodeFormat>([
  [BarcodeFormat.EAN_13, 'ean13'],
  [BarcodeFormat.EAN_8, 'ean8'],
  [BarcodeFormat.UPC_A, 'upca'],
  [BarcodeFormat.UPC_E, 'upce'],
  [BarcodeFormat.ITF, 'itf'],
  [BarcodeFormat.CODE_128, 'code128'],
  [BarcodeFormat.QR_CODE, 'qrcode'],
  [BarcodeFormat.DATA_MATRIX, 'datamatrix'],
]);

/**
 * The pure-JS port (@zxing/library): the camera's fallback where the wasm reader cannot load (a
 * WebView or policy without WebAssembly), and the measured baseline. It reads no UPC-E and no
 * rectangular DataMatrix, and costs about 135 ms on a frame with no code (TRY_HARDER).
 */
export function createZxingLibraryDecoder(): BarcodeDecoder {
  const reader = new zxing.MultiFormatReader();
  const hints = new Map<ZxingHint, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, [...ourFormats.keys()]],
    [DecodeHintType.TRY_HARDER, true],
    // Without it Code 128 drops a leading FNC1, and GS1-128 could not be told from plain Code 128.
    [DecodeHintType.ASSUME_GS1, true],
  ]);
  reader.setHints(hints);
  return {
    name: '@zxing/library',
    decode: (image) => Promise.resolve(decodeWithZxingLibrary(reader, image)),
  };
}

function decodeWithZxingLibrary(reader: MultiFormatReader, image: ImageDataLike): DecodedBarcode | null {
  const bitmap = new zxing.BinaryBitmap(new zxing.HybridBinarizer(toLuminanceSource(flattenOntoWhite(image))));
  try {
    return toDecodedBarcode(withoutWarnings(() => reader.decodeWithState(bitmap)));
  } catch (error) {
    // Each means "no code read in this image". Unlike Java, the port does not derive them from
    // ReaderException, so they are named one by one.
    if (noCodeRead.some((kind) => error instanceof kind)) return null;
    throw error;
  }
}

function toDecodedBarcode(result: Result): DecodedBarcode | null {
  const format = ourFormats.get(result.getBarcodeFormat());
  return format ? withSymbologyIdentifier(result.getText(), format) : null;
}

const GS = '\u001d';

/**
 * The port records no symbology identifier, so it is worked out as ZXing-C++ reports it, from
 * what the port does leave: GS1-128 text starts with "]C1" (ASSUME_GS1), a GS1 DataMatrix with
 * a GS for its leading FNC1. ITF gets ]I0, as zxing Java says (the port verifies no check digit).
 * A QR code carries no sign of GS1 in the port's output: it goes without one, read by its shape.
 */
function withSymbologyIdentifier(text: string, format: BarcodeFormat): DecodedBarcode {
  switch (format) {
    case 'ean13':
    case 'upca':
    case 'upce':
      return { text, format, symbologyIdentifier: ']E0' };
    case 'ean8':
      return { text, format, symbologyIdentifier: ']E4' };
    case 'itf':
      return { text, format, symbologyIdentifier: ']I0' };
    case 'code128': {
      // With ASSUME_GS1 the port also turns a check character whose value is FNC1's (102) into a
      // trailing GS (code128-3/2.png); ZXing-C++ drops it. A trailing FNC1 carries no data (BC12).
      const data = text.endsWith(GS) ? text.slice(0, -1) : text;
      return data.startsWith(']C1') ? { text: data.slice(3), format, symbologyIdentifier: ']C1' } : { text: data, format, symbologyIdentifier: ']C0' };
    }
    case 'datamatrix':
      return text.startsWith(GS) ? { text: text.slice(1), format, symbologyIdentifier: ']d2' } : { text, format, symbologyIdentifier: ']d1' };
    case 'qrcode':
      return { text, format };
  }
}

function toLuminanceSource(image: ImageDataLike): RGBLuminanceSource {
  const luminance = new Uint8ClampedArray(image.width * image.height);
  for (let i = 0; i < luminance.length; i++) {
    const p = i * 4;
    // ITU-R 601 weights in fixed point, as zxing's Java BufferedImageLuminanceSource does.
    luminance[i] = (306 * image.data[p]! + 601 * image.data[p + 1]! + 117 * image.data[p + 2]! + 0x200) >> 10;
  }
  return new zxing.RGBLuminanceSource(luminance, image.width, image.height);
}

/**
 * The library logs console.warn from inside its readers (about twice per frame on camera
 * input). Decoding is synchronous, so no other code can run while warn is silenced.
 */
function withoutWarnings<T>(run: () => T): T {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return run();
  } finally {
    console.warn = warn;
  }
}
