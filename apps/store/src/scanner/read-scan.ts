import { checkShelfLife, parseBarcode, type BarcodeRejectionReason, type IsoDate, type ParsedBarcode, type ShelfLifeStatus } from '@repo/domain';
import { db, type CatalogProduct } from '../local-db/store-db.js';
import type { ScanOutcome } from './feedback/scan-feedback.js';

/** What the scan test screen (and later the pick) makes of one scan, from the device's own data. */
export type ScanReading =
  | { readonly ok: false; readonly reason: BarcodeRejectionReason; readonly message: string; readonly outcome: ScanOutcome }
  | {
      readonly ok: true;
      readonly parsed: ParsedBarcode;
      readonly product?: CatalogProduct;
      readonly unitsPerScan: number;
      readonly shelfLife?: ShelfLifeStatus;
      readonly outcome: ScanOutcome;
    };

/** Parses a scan and resolves it against the downloaded catalogue: unit or case, and its expiry. */
export async function readScan(text: string, today: IsoDate, separators: readonly string[] = []): Promise<ScanReading> {
  const parsed = parseBarcode(text, { today, separators });
  if (!parsed.ok) return { ok: false, reason: parsed.rejection.reason, message: parsed.rejection.message, outcome: 'unknown_code' };
  const gtin = gtinOf(parsed.value);
  if (!gtin) return { ok: true, parsed: parsed.value, unitsPerScan: 0, outcome: 'picked' };
  // The catalogue keeps unit codes as EAN-13 and case codes as GTIN-14; compare as GTIN-14.
  const packaging = await db.packagings.get(gtin);
  const product = packaging
    ? await db.products.where('id').equals(packaging.productId).first()
    : (await db.products.bulkGet(catalogKeys(gtin))).find((p) => p !== undefined);
  // Still a good read: show what it says, and that this store does not sell it.
  if (!product) return { ok: true, parsed: parsed.value, unitsPerScan: 0, outcome: 'unknown_code' };
  const expiry = expiryOf(parsed.value);
  const shelfLife = expiry ? checkShelfLife({ expiry, today, minRemainingDays: product.minShelfLifeDays }) : undefined;
  const outcome: ScanOutcome = shelfLife === 'expired' ? 'expired' : shelfLife === 'short_dated' ? 'short_dated' : packaging ? 'case_converted' : 'picked';
  return { ok: true, parsed: parsed.value, product, unitsPerScan: packaging?.unitsPerPack ?? 1, ...(shelfLife ? { shelfLife } : {}), outcome };
}

function gtinOf(parsed: ParsedBarcode): string | undefined {
  switch (parsed.kind) {
    case 'gtin':
      return parsed.gtin14;
    case 'gs1':
      return parsed.gtin14;
    case 'in_store':
    case 'command':
      return undefined;
  }
}

function expiryOf(parsed: ParsedBarcode): IsoDate | undefined {
  return parsed.kind === 'gs1' ? parsed.expiry : undefined;
}

/** A GTIN-14 as the catalogue may store it: 14, 13 (EAN-13), 12 (UPC-A) or 8 (EAN-8) digits. */
function catalogKeys(gtin14: string): string[] {
  return [14, 13, 12, 8].map((n) => gtin14.slice(14 - n)).filter((key, i) => i === 0 || /^0+$/.test(gtin14.slice(0, 14 - key.length)));
}
