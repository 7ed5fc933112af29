// The barcode folder's public surface, re-exported by the package index.
export { barcodeRejectionReasons, type BarcodeRejection, type BarcodeRejectionReason, type ScanResult } from './barcode-rejection.js';
export { daysBetween, isoDateSchema, type IsoDate } from './iso-date.js';
export { gs1AiTable } from './gs1-ai-table.generated.js';
export type { Gs1AiDefinition, Gs1Component } from './gs1-ai-definition.js';
export type { Gs1Decimal, Gs1Element } from './gs1-element.js';
export type { Gs1Scan } from './gs1-scan.js';
export { centuryYear } from './gs1-date.js';
export * from './in-store-code.js';
export * from './parse-barcode.js';
export * from './pick-command.js';
export * from './resolve-scanned-item.js';
export type { GtinFormat, GtinScan } from './retail-code.js';
export * from './shelf-life.js';
export { scanSymbologies, type ScanSymbology } from './symbology.js';
