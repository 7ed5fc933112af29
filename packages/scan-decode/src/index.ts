export { barcodeFormats, type BarcodeDecoder, type BarcodeFormat, type DecodedBarcode, type ImageDataLike } from './barcode-decoder.js';
export { withFallback } from './decoder-with-fallback.js';
export { createZxingWasmDecoder } from './zxing-wasm-decoder.js';
export type { WasmSource } from './wasm-source.js';
