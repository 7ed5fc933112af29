import { accept, refuse, type ScanResult } from './barcode-rejection.js';
import { fixedDataLength, lookUpAi, maxDataLength, type Gs1AiDefinition } from './gs1-ai-definition.js';

/** FNC1 as scanners transmit it inside the data: ASCII group separator. */
export const GS = '\x1D';

/** Separator spellings every scanner setup is read with; `<GS>` is what some wedges type for 0x1D. */
export const defaultSeparators: readonly string[] = [GS, '<GS>'];

/** An AI and its raw data, cut out of the element string but not yet validated. */
export interface RawElement {
  readonly ai: string;
  readonly definition: Gs1AiDefinition;
  readonly data: string;
}

/** Rewrites each configured separator spelling to GS, so the splitter sees one form. */
export function normaliseSeparators(text: string, separators: readonly string[]): string {
  return separators.filter((s) => s !== '').reduce((out, s) => out.split(s).join(GS), text);
}

/**
 * Cuts an element string in FNC1 form into AIs. Predefined and fixed lengths say where the next AI
 * starts; a variable field runs to the next GS or the end. Leading, doubled and trailing GS are ignored.
 */
export function splitElementString(text: string): ScanResult<RawElement[]> {
  const elements: RawElement[] = [];
  let position = 0;
  while (position < text.length) {
    if (text[position] === GS) {
      position++;
      continue;
    }
    const cut = cutElement(text, position);
    if (!cut.ok) return cut;
    elements.push(cut.value.element);
    position = cut.value.end;
  }
  if (elements.length === 0) return refuse('UNRECOGNISED_BARCODE', 'The GS1 barcode holds no data.');
  return accept(elements);
}

function cutElement(text: string, position: number): ScanResult<{ element: RawElement; end: number }> {
  const found = lookUpAi(text.slice(position, position + 4));
  if (!found) return unknownAi(text.slice(position, position + 4), position);
  const { ai, definition } = found;
  const start = position + ai.length;
  const fixed = fixedDataLength(definition);
  // A fixed length is the one case where a left-out separator is unambiguous: the next AI starts after it.
  const separatorAt = text.indexOf(GS, start);
  const end = fixed !== undefined ? start + fixed : separatorAt === -1 ? text.length : separatorAt;
  const data = text.slice(start, end);
  if (fixed !== undefined && (data.length < fixed || data.includes(GS))) {
    const got = data.split(GS)[0]?.length ?? 0;
    return refuse('BAD_LENGTH', `(${ai}) ${definition.title} must be ${fixed} characters long; got ${got}.`, { ai });
  }
  if (data.length > maxDataLength(definition)) {
    const message = `(${ai}) ${definition.title} runs to ${data.length} characters, more than its ${maxDataLength(definition)}: the separator (FNC1) after it is missing.`;
    return refuse('MISSING_SEPARATOR', message, { ai, data });
  }
  return accept({ element: { ai, definition, data }, end });
}

/** Cuts the printed form `(01)09501101530003(17)261231`: each AI in brackets, no separators needed. */
export function splitHumanReadable(text: string): ScanResult<RawElement[]> {
  const markers = [...text.matchAll(/\((\d{2,4})\)/g)];
  if (markers[0]?.index !== 0) return refuse('UNRECOGNISED_BARCODE', 'Bracketed GS1 text must start with an AI such as (01).');
  const elements: RawElement[] = [];
  for (const [i, marker] of markers.entries()) {
    const ai = marker[1] ?? '';
    const found = lookUpAi(ai);
    if (!found || found.ai !== ai) return unknownAi(ai, marker.index);
    const dataEnd = markers[i + 1]?.index ?? text.length;
    const data = text.slice(marker.index + marker[0].length, dataEnd).replaceAll(GS, '');
    elements.push({ ai, definition: found.definition, data });
  }
  return accept(elements);
}

function unknownAi(text: string, position: number): ScanResult<never> {
  return refuse('UNKNOWN_AI', `No GS1 Application Identifier starts at "${text}" (character ${position + 1}).`, { at: position + 1 });
}
