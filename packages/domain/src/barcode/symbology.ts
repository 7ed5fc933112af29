import { accept, refuse, type ScanResult } from './barcode-rejection.js';

/** Symbologies a scan can come from: the scanner's hint, or the AIM identifier in front of the data. */
export const scanSymbologies = [
  'ean-13',
  'ean-8',
  'upc-a',
  'upc-e',
  'itf',
  'code-128',
  'gs1-128',
  'gs1-databar',
  'data-matrix',
  'gs1-datamatrix',
  'qr-code',
  'gs1-qr',
] as const;
export type ScanSymbology = (typeof scanSymbologies)[number];

/** How the data of a symbology is read. */
export type Reading = 'gs1' | 'retail' | 'itf' | 'open';

// AIM symbology identifiers (ISO/IEC 15424) that scanners may put in front of the data. ]E0 covers
// EAN-13, UPC-A and UPC-E alike, so a more exact hint from the scanner is kept. ZXing-C++, the
// camera's decoder, adds 6 to the DataMatrix modifier for rectangular DMRE symbols (ISO/IEC 21471):
// ]d7 and ]d8 are read like ]d1 and ]d2. ]Q0 is a QR code Model 1.
const aimIdentifiers: Readonly<Record<string, ScanSymbology>> = {
  ']E0': 'ean-13',
  ']E4': 'ean-8',
  ']I0': 'itf',
  ']I1': 'itf',
  ']C0': 'code-128',
  ']C1': 'gs1-128',
  ']e0': 'gs1-databar',
  ']d1': 'data-matrix',
  ']d2': 'gs1-datamatrix',
  ']d7': 'data-matrix',
  ']d8': 'gs1-datamatrix',
  ']Q0': 'qr-code',
  ']Q1': 'qr-code',
  ']Q3': 'gs1-qr',
};

// Known identifiers that are refused on purpose, with the reason a person is told. FNC1 in second
// position marks an AIM application's own data format: reading it as GS1 or plain text would guess.
// ECI variants are sent in the ECI protocol (backslash escapes), which no store label uses.
const refusedIdentifiers: Readonly<Record<string, string>> = {
  ']C2': 'Code 128 with an AIM application indicator (]C2) is not a GS1 or store barcode.',
  ']d3': 'DataMatrix with an AIM application indicator (]d3) is not a GS1 or store barcode.',
  ']d9': 'DataMatrix with an AIM application indicator (]d9) is not a GS1 or store barcode.',
  ']Q5': 'QR code with an AIM application indicator (]Q5) is not a GS1 or store barcode.',
  ']E3': 'EAN/UPC with an add-on (]E3) is not used here; scan without the add-on.',
};

const readings: Record<ScanSymbology, Reading> = {
  'ean-13': 'retail',
  'ean-8': 'retail',
  'upc-a': 'retail',
  'upc-e': 'retail',
  itf: 'itf',
  'code-128': 'open',
  'gs1-128': 'gs1',
  'gs1-databar': 'gs1',
  'data-matrix': 'open',
  'gs1-datamatrix': 'gs1',
  'qr-code': 'open',
  'gs1-qr': 'gs1',
};

const names: Record<ScanSymbology, string> = {
  'ean-13': 'EAN-13',
  'ean-8': 'EAN-8',
  'upc-a': 'UPC-A',
  'upc-e': 'UPC-E',
  itf: 'ITF',
  'code-128': 'Code 128',
  'gs1-128': 'GS1-128',
  'gs1-databar': 'GS1 DataBar',
  'data-matrix': 'DataMatrix',
  'gs1-datamatrix': 'GS1 DataMatrix',
  'qr-code': 'QR code',
  'gs1-qr': 'GS1 QR code',
};

/** How messages name a symbology, e.g. "UPC-E". */
export function symbologyName(symbology: ScanSymbology): string {
  return names[symbology];
}

/** Takes an AIM identifier off the front of the text; the identifier wins over the scanner's hint. */
export function readSymbologyIdentifier(
  text: string,
  hint: ScanSymbology | undefined,
): ScanResult<{ symbology: ScanSymbology | undefined; body: string }> {
  if (!text.startsWith(']')) return accept({ symbology: hint, body: text });
  const identifier = text.slice(0, 3);
  const symbology = aimIdentifiers[identifier];
  if (!symbology) {
    const message = refusedIdentifiers[identifier] ?? `Barcodes of type ${identifier} are not used here.`;
    return refuse('UNSUPPORTED_SYMBOLOGY', message, { identifier });
  }
  const keepsHint = identifier === ']E0' && (hint === 'upc-a' || hint === 'upc-e');
  return accept({ symbology: keepsHint ? hint : symbology, body: text.slice(3) });
}

/** GS1 symbologies hold element strings; open ones (plain Code 128, QR, DataMatrix) any text. */
export function readingOf(symbology: ScanSymbology | undefined): Reading {
  return symbology ? readings[symbology] : 'open';
}
