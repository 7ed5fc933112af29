// Scan rejections follow rejections.ts (a closed reason set plus an English sentence) with their own
// reasons, so the order lifecycle's set stays about orders and the UI translates each code.

/** Every reason a scan can be refused: a closed set, so the UI translates each one. */
export const barcodeRejectionReasons = [
  'EMPTY_SCAN',
  'UNSUPPORTED_SYMBOLOGY',
  'UNRECOGNISED_BARCODE',
  'BAD_FORMAT',
  'BAD_LENGTH',
  'BAD_CHECK_DIGIT',
  'UNKNOWN_AI',
  'MISSING_SEPARATOR',
  'DUPLICATE_AI',
  'INVALID_AI_PAIR',
  'BAD_DATE',
  'BAD_TIME',
  'BAD_CURRENCY',
  'BAD_VALUE',
  'INVALID_LAYOUT',
  'NOT_A_PRODUCT',
  'UNKNOWN_CODE',
] as const;

export type BarcodeRejectionReason = (typeof barcodeRejectionReasons)[number];

/** A refused scan as a value: a machine-readable reason plus a sentence a person can read. */
export interface BarcodeRejection {
  readonly reason: BarcodeRejectionReason;
  readonly message: string;
  readonly details?: Readonly<Record<string, string | number>>;
}

export type ScanResult<T> =
  | { readonly ok: true; readonly value: T }
  | { readonly ok: false; readonly rejection: BarcodeRejection };

export function accept<T>(value: T): ScanResult<T> {
  return { ok: true, value };
}

export function refuse<T = never>(
  reason: BarcodeRejectionReason,
  message: string,
  details?: Record<string, string | number>,
): ScanResult<T> {
  return { ok: false, rejection: details ? { reason, message, details } : { reason, message } };
}
