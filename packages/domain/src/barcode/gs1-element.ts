import { accept, refuse, type ScanResult } from './barcode-rejection.js';
import { fixedDataLength, maxDataLength, type Gs1AiDefinition } from './gs1-ai-definition.js';
import { characterSetName, isInCharacterSet } from './gs1-character-sets.js';
import { readGs1Date, type Gs1DateFormat } from './gs1-date.js';
import type { RawElement } from './gs1-element-string.js';
import { lint } from './gs1-linters.js';
import type { IsoDate } from './iso-date.js';

/** A number whose decimal point the AI gives (310n, 392n ...); kept as an integer so money stays exact. */
export interface Gs1Decimal {
  readonly unscaled: number;
  readonly decimalPlaces: number;
  /** The value written out, e.g. "1.250" for AI 3103 with data 001250. */
  readonly text: string;
}

/** One validated AI and its data, with the meaning read out where the AI has one. */
export interface Gs1Element {
  readonly ai: string;
  readonly title: string;
  readonly data: string;
  /** The first date in the data (AIs 11-17, 7003 ...); day 00 already turned into the month's last day. */
  readonly date?: IsoDate;
  /** ISO 4217 numeric currency (AIs 391n, 393n). */
  readonly currency?: string;
  readonly decimal?: Gs1Decimal;
}

const dateLinters: readonly Gs1DateFormat[] = ['yymmd0', 'yymmdd', 'yyyymmdd'];

/** Checks an AI's data against its definition (length, characters, linters) and reads its meaning. */
export function readElement(raw: RawElement, today: IsoDate): ScanResult<Gs1Element> {
  const { ai, definition, data } = raw;
  const parts = splitComponents(definition, data);
  const label = `(${ai}) ${definition.title}`;
  if (!parts) return refuse('BAD_LENGTH', `${label} must be ${describeLength(definition)} long; got ${data.length}.`, { ai, data });
  for (const [i, component] of definition.components.entries()) {
    const part = parts[i];
    if (part === undefined) break;
    if (!isInCharacterSet(part, component.cset)) {
      return refuse('BAD_FORMAT', `${label} must be ${characterSetName(component.cset)}; got "${part}".`, { ai, data });
    }
    for (const linter of component.linters) {
      const failure = lint(linter, part, today);
      if (failure) return refuse(failure.reason, `${label} "${part}": ${failure.problem}.`, { ai, data });
    }
  }
  return accept(interpret(raw, parts, today));
}

// Applies the components in order, each taking its length; only the last may vary and optional ones
// may be missing once the data is used up. Undefined when the data is too short or too long.
function splitComponents(definition: Gs1AiDefinition, data: string): string[] | undefined {
  const parts: string[] = [];
  let position = 0;
  for (const component of definition.components) {
    const rest = data.length - position;
    if (rest === 0 && component.optional) break;
    const take = Math.min(rest, component.maxLength);
    if (take < component.minLength) return undefined;
    parts.push(data.slice(position, position + take));
    position += take;
  }
  return position === data.length ? parts : undefined;
}

function describeLength(definition: Gs1AiDefinition): string {
  const fixed = fixedDataLength(definition);
  if (fixed !== undefined) return `${fixed} characters`;
  const min = definition.components.reduce((sum, c) => sum + (c.optional ? 0 : c.minLength), 0);
  return `${min} to ${maxDataLength(definition)} characters`;
}

function interpret({ ai, definition, data }: RawElement, parts: string[], today: IsoDate): Gs1Element {
  let element: Gs1Element = { ai, title: definition.title, data };
  for (const [i, component] of definition.components.entries()) {
    const part = parts[i];
    if (part === undefined) break;
    const format = dateLinters.find((f) => component.linters.includes(f));
    const reading = format && !element.date ? readGs1Date(part, format, today) : undefined;
    if (reading?.ok) element = { ...element, date: reading.date };
    if (component.linters.includes('iso4217')) element = { ...element, currency: part };
  }
  const amount = parts.at(-1);
  if (definition.decimalIndicator && amount !== undefined) element = { ...element, decimal: toDecimal(amount, Number(ai.at(-1))) };
  return element;
}

function toDecimal(digits: string, decimalPlaces: number): Gs1Decimal {
  const padded = digits.padStart(decimalPlaces + 1, '0');
  const whole = padded.slice(0, padded.length - decimalPlaces).replace(/^0+(?=\d)/, '');
  const text = decimalPlaces === 0 ? whole : `${whole}.${padded.slice(-decimalPlaces)}`;
  return { unscaled: Number(digits), decimalPlaces, text };
}
