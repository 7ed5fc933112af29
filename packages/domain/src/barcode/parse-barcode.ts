import { exhaustive } from '../rejections.js';
import { accept, refuse, type ScanResult } from './barcode-rejection.js';
import { defaultSeparators } from './gs1-element-string.js';
import { readGs1Scan, type Gs1Scan } from './gs1-scan.js';
import { findInStoreLayout, readInStoreCode, type InStoreCodeLayout, type InStoreScan } from './in-store-code.js';
import type { IsoDate } from './iso-date.js';
import { readPickCommand, type CommandScan } from './pick-command.js';
import { readGtin, type GtinScan } from './retail-code.js';
import { readingOf, readSymbologyIdentifier, type ScanSymbology } from './symbology.js';

/** What one scan can be: a product or case GTIN, GS1 data, a weighed/priced in-store item, or a command. */
export type ParsedBarcode = GtinScan | Gs1Scan | InStoreScan | CommandScan;

export interface ParseOptions {
  /** The store's local date: two-digit GS1 years and day 00 are resolved against it. */
  readonly today: IsoDate;
  /** What the scanner says it read; the only way to tell an 8-digit UPC-E from an EAN-8. */
  readonly symbology?: ScanSymbology | undefined;
  /** Spellings of FNC1 this scanner sends besides GS (0x1D) and `<GS>`, e.g. '~'. */
  readonly separators?: readonly string[] | undefined;
  /** The chain's layouts for weighed and priced goods (EAN-13 with an in-store prefix). */
  readonly inStoreLayouts?: readonly InStoreCodeLayout[] | undefined;
}

const gtinLengths = new Set([8, 12, 13, 14]);

/** Reads whatever a scanner delivered into one typed scan, or a rejection saying why not. Pure. */
export function parseBarcode(text: string, options: ParseOptions): ScanResult<ParsedBarcode> {
  // Keyboard-wedge scanners add Enter or Tab; GS (0x1D) is not whitespace, so it survives. Spaces
  // stay for now: in GS1 data they are data (BC36), elsewhere they are trimmed below.
  const scan = text.replace(wedgeNoiseAround, '').trimStart();
  if (scan.trim() === '') return refuse('EMPTY_SCAN', 'The scan was empty.');
  const identified = readSymbologyIdentifier(scan, options.symbology);
  if (!identified.ok) return identified;
  const { symbology, body } = identified.value;
  const reading = readingOf(symbology);
  switch (reading) {
    case 'gs1':
      return readGs1Scan(body, symbology, options);
    case 'retail':
    case 'itf':
      return readProductCode(body.trim(), symbology, options);
    case 'open':
      return readOpenText(body, symbology, options);
    default:
      return exhaustive(reading);
  }
}

// Terminators and prefixes a wedge adds (Tab, CR, LF and the like), but not spaces.
const wedgeNoiseAround = /^[\t\n\v\f\r]+|[\t\n\v\f\r]+$/g;

// Plain Code 128, QR, DataMatrix or a scanner that says nothing: the text's shape decides. Spaces
// around a command or digits change nothing; GS1 data is handed on as it came (BC36).
function readOpenText(body: string, symbology: ScanSymbology | undefined, options: ParseOptions): ScanResult<ParsedBarcode> {
  const trimmed = body.trim();
  const command = readPickCommand(trimmed);
  if (command) return accept(command);
  if (/^\d+$/.test(trimmed) && gtinLengths.has(trimmed.length)) return readProductCode(trimmed, undefined, options);
  if (looksLikeElementString(body, options)) return readGs1Scan(body, symbology, options);
  const shown = trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
  return refuse('UNRECOGNISED_BARCODE', `"${shown}" is not a product, GS1 or command barcode.`);
}

// GS1 recommends starting with the key (SSCC 00, GTIN 01 or CONTENT 02); bracketed text and
// separators give the rest away. Anything else is not guessed at.
function looksLikeElementString(body: string, options: ParseOptions): boolean {
  const separators = [...defaultSeparators, ...(options.separators ?? [])].filter((s) => s !== '');
  return /^\(\d{2,4}\)/.test(body) || /^0[0-2]\d/.test(body) || separators.some((s) => body.includes(s));
}

function readProductCode(digits: string, symbology: ScanSymbology | undefined, options: ParseOptions): ScanResult<ParsedBarcode> {
  const gtin = readGtin(digits, symbology);
  if (!gtin.ok || gtin.value.format !== 'ean-13') return gtin;
  const layout = findInStoreLayout(digits, options.inStoreLayouts ?? []);
  return layout ? readInStoreCode(digits, layout) : gtin;
}
