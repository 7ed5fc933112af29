import { accept, type ScanResult } from './barcode-rejection.js';
import { readElement, type Gs1Element } from './gs1-element.js';
import { defaultSeparators, normaliseSeparators, splitElementString, splitHumanReadable } from './gs1-element-string.js';
import { checkPairings } from './gs1-pairing.js';
import type { IsoDate } from './iso-date.js';
import type { ScanSymbology } from './symbology.js';

/** A GS1-128, GS1 DataBar, GS1 DataMatrix or GS1 QR scan: validated AIs, plus what picking asks for. */
export interface Gs1Scan {
  readonly kind: 'gs1';
  readonly symbology: ScanSymbology | undefined;
  readonly elements: readonly Gs1Element[];
  /** From AI (01), when the symbol identifies a trade item. */
  readonly gtin14?: string;
  /** From AI (17) USE BY or EXPIRY. */
  readonly expiry?: IsoDate;
}

export interface Gs1ReadOptions {
  readonly today: IsoDate;
  /** Spellings of FNC1 this scanner sends besides GS and `<GS>`, e.g. '~'. */
  readonly separators?: readonly string[] | undefined;
}

/** Reads an element string in FNC1 form or bracketed form, with no symbology identifier left on it. */
export function readGs1Scan(body: string, symbology: ScanSymbology | undefined, options: Gs1ReadOptions): ScanResult<Gs1Scan> {
  const text = normaliseSeparators(body, [...defaultSeparators, ...(options.separators ?? [])]);
  const split = text.startsWith('(') ? splitHumanReadable(text) : splitElementString(text);
  if (!split.ok) return split;
  const paired = checkPairings(split.value);
  if (!paired.ok) return paired;
  const elements: Gs1Element[] = [];
  for (const raw of paired.value) {
    const element = readElement(raw, options.today);
    if (!element.ok) return element;
    elements.push(element.value);
  }
  return accept(summarise(elements, symbology));
}

function summarise(elements: readonly Gs1Element[], symbology: ScanSymbology | undefined): Gs1Scan {
  const gtin14 = elements.find((e) => e.ai === '01')?.data;
  const expiry = elements.find((e) => e.ai === '17')?.date;
  return {
    kind: 'gs1',
    symbology,
    elements,
    ...(gtin14 === undefined ? {} : { gtin14 }),
    ...(expiry === undefined ? {} : { expiry }),
  };
}
