import { z } from 'zod';
import { exhaustive } from '../rejections.js';
import { accept, refuse, type ScanResult } from './barcode-rejection.js';
import type { InStoreMeasure } from './in-store-code.js';
import type { ParsedBarcode } from './parse-barcode.js';

/** What one GTIN-14 stands for: a product, and how many of it are in the thing scanned. */
export const packagingEntrySchema = z.object({
  productId: z.string().min(1).max(64),
  /** 1 for a single unit; the case count for an ITF-14 or other outer-pack GTIN. */
  unitsPerPack: z.number().int().min(1).max(9999),
});
export type PackagingEntry = z.infer<typeof packagingEntrySchema>;

/** The caller's catalogue view: GTIN-14 -> packaging, and in-store item code -> product id. */
export interface PackagingTable {
  readonly byGtin14: ReadonlyMap<string, PackagingEntry>;
  readonly byInStoreItemCode?: ReadonlyMap<string, string> | undefined;
}

/** A scan turned into something a pick line can count. */
export type ScannedItem =
  | { readonly kind: 'unit' | 'case'; readonly productId: string; readonly gtin14: string; readonly quantity: number }
  | { readonly kind: 'measured'; readonly productId: string; readonly itemCode: string; readonly measure: InStoreMeasure };

/**
 * Resolves a scan through the packaging table. Whether a GTIN is a case is the table's answer, never
 * a guess from the GTIN-14 indicator digit: plenty of single units carry indicator 0 and cases 1-8.
 */
export function resolveScannedItem(parsed: ParsedBarcode, table: PackagingTable): ScanResult<ScannedItem> {
  switch (parsed.kind) {
    case 'gtin':
      return resolveGtin(parsed.gtin14, table);
    case 'gs1':
      return parsed.gtin14 === undefined
        ? refuse('NOT_A_PRODUCT', 'This GS1 barcode has no GTIN (01): it marks a shipment or document, not a product.')
        : resolveGtin(parsed.gtin14, table);
    case 'in_store': {
      const productId = table.byInStoreItemCode?.get(parsed.itemCode);
      if (productId === undefined) return unknownCode(parsed.itemCode, 'in-store item code');
      return accept({ kind: 'measured', productId, itemCode: parsed.itemCode, measure: parsed.measure });
    }
    case 'command':
      return refuse('NOT_A_PRODUCT', 'This is a command barcode, not a product.');
    default:
      return exhaustive(parsed);
  }
}

function resolveGtin(gtin14: string, table: PackagingTable): ScanResult<ScannedItem> {
  const entry = table.byGtin14.get(gtin14);
  if (!entry) return unknownCode(gtin14, 'GTIN');
  const kind = entry.unitsPerPack > 1 ? 'case' : 'unit';
  return accept({ kind, productId: entry.productId, gtin14, quantity: entry.unitsPerPack });
}

function unknownCode(code: string, what: string): ScanResult<never> {
  return refuse('UNKNOWN_CODE', `The ${what} ${code} is not in this store's catalogue.`, { code });
}
