import { z } from 'zod';
import { accept, refuse, type ScanResult } from './barcode-rejection.js';
import { hasValidCheckDigit } from './gtin.js';

/**
 * How the chain's scales print weighed and priced goods (GB/T 18283 in-store codes in EAN-13):
 * prefix, item code, then the price in fen or the weight in grams, then the EAN-13 check digit.
 */
export const inStoreCodeLayoutSchema = z
  .object({
    /** Restricted-circulation prefix, e.g. '2' or '21' (GS1 prefixes 20-29). */
    prefix: z.string().regex(/^2\d{0,2}$/, 'an in-store prefix starts with 2'),
    itemDigits: z.number().int().min(1).max(10),
    valueDigits: z.number().int().min(1).max(10),
    valueKind: z.enum(['price', 'weight']),
  })
  .refine((l) => isThirteenDigits(l), 'prefix, item digits, value digits and the check digit must make 13 digits');
export type InStoreCodeLayout = z.infer<typeof inStoreCodeLayoutSchema>;

export type InStoreMeasure = { readonly kind: 'price'; readonly fen: number } | { readonly kind: 'weight'; readonly grams: number };

/** A weighed or priced item labelled in the store: the item code says what, the measure how much. */
export interface InStoreScan {
  readonly kind: 'in_store';
  /** The whole EAN-13 as scanned. */
  readonly code: string;
  readonly itemCode: string;
  readonly measure: InStoreMeasure;
}

/** The layout for an EAN-13, if its prefix is one of the chain's; the longest matching prefix wins. */
export function findInStoreLayout(ean13: string, layouts: readonly InStoreCodeLayout[]): InStoreCodeLayout | undefined {
  return layouts
    .filter((l) => ean13.startsWith(l.prefix))
    .reduce<InStoreCodeLayout | undefined>((best, l) => (best && best.prefix.length >= l.prefix.length ? best : l), undefined);
}

/** Reads an in-store EAN-13 by its layout. */
export function readInStoreCode(ean13: string, layout: InStoreCodeLayout): ScanResult<InStoreScan> {
  if (!isThirteenDigits(layout)) {
    return refuse('INVALID_LAYOUT', `The in-store layout for prefix ${layout.prefix} does not add up to 13 digits.`, { prefix: layout.prefix });
  }
  if (!/^\d{13}$/.test(ean13) || !ean13.startsWith(layout.prefix)) {
    return refuse('BAD_FORMAT', `"${ean13}" is not a 13-digit in-store code starting with ${layout.prefix}.`, { code: ean13 });
  }
  if (!hasValidCheckDigit(ean13)) return refuse('BAD_CHECK_DIGIT', `The check digit of in-store code ${ean13} is wrong; scan it again.`);
  const itemStart = layout.prefix.length;
  const valueStart = itemStart + layout.itemDigits;
  const value = Number(ean13.slice(valueStart, valueStart + layout.valueDigits));
  const measure: InStoreMeasure = layout.valueKind === 'price' ? { kind: 'price', fen: value } : { kind: 'weight', grams: value };
  return accept({ kind: 'in_store', code: ean13, itemCode: ean13.slice(itemStart, valueStart), measure });
}

function isThirteenDigits(layout: { prefix: string; itemDigits: number; valueDigits: number }): boolean {
  return layout.prefix.length + layout.itemDigits + layout.valueDigits + 1 === 13;
}
