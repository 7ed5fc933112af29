import { gs1AiTable, type Gs1LinterName } from './gs1-ai-table.generated.js';

/** GS1 character sets: N digits, X CSET 82, Y CSET 39, Z base64url (CSET 64). */
export type Gs1CharacterSet = 'N' | 'X' | 'Y' | 'Z';

/** One part of an AI's data, e.g. the currency and then the amount of AI 3932. */
export interface Gs1Component {
  readonly cset: Gs1CharacterSet;
  readonly minLength: number;
  readonly maxLength: number;
  /** Optional parts may only be left out at the end of the data. */
  readonly optional: boolean;
  readonly linters: readonly Gs1LinterName[];
}

/** What GS1's syntax dictionary says about one Application Identifier. */
export interface Gs1AiDefinition {
  readonly title: string;
  /** False for the predefined-length AIs (`*`): their data ends at a known length, no FNC1 needed. */
  readonly separatorRequired: boolean;
  /** The AI's last digit is the number of decimal places of its value (310n, 392n ...). */
  readonly decimalIndicator: boolean;
  readonly components: readonly Gs1Component[];
  /** AIs that must not appear together with this one; `n` in a pattern stands for any digit. */
  readonly excludes: readonly string[];
}

/** The AI at the start of `text` and its definition; AIs are 2-4 digits and none starts another. */
export function lookUpAi(text: string): { ai: string; definition: Gs1AiDefinition } | undefined {
  for (const length of [2, 3, 4]) {
    const ai = text.slice(0, length);
    const definition = /^\d+$/.test(ai) ? gs1AiTable[ai] : undefined;
    if (definition) return { ai, definition };
  }
  return undefined;
}

/**
 * The data length when it is fixed: always for predefined-length AIs, and for the others when no part
 * varies (then the length alone says where the next AI starts, even if the separator was left out).
 */
export function fixedDataLength(definition: Gs1AiDefinition): number | undefined {
  const fixed = definition.components.every((c) => !c.optional && c.minLength === c.maxLength);
  return fixed ? definition.components.reduce((sum, c) => sum + c.maxLength, 0) : undefined;
}

/** The longest data the AI accepts. */
export function maxDataLength(definition: Gs1AiDefinition): number {
  return definition.components.reduce((sum, c) => sum + c.maxLength, 0);
}
