import { accept, refuse, type ScanResult } from './barcode-rejection.js';
import type { RawElement } from './gs1-element-string.js';

/**
 * Checks AIs against each other within one scan: the same AI twice must carry the same data (the
 * repeat is dropped), and pairs the dictionary excludes (`ex=`) are refused. Mandatory pairings
 * (`req=`) are not checked here: they apply to all barcodes on an item, not to one symbol.
 */
export function checkPairings(elements: readonly RawElement[]): ScanResult<RawElement[]> {
  const unique = new Map<string, RawElement>();
  for (const element of elements) {
    const earlier = unique.get(element.ai);
    if (earlier && earlier.data !== element.data) {
      const message = `(${element.ai}) appears twice with different data: "${earlier.data}" and "${element.data}".`;
      return refuse('DUPLICATE_AI', message, { ai: element.ai });
    }
    unique.set(element.ai, earlier ?? element);
  }
  const kept = [...unique.values()];
  for (const element of kept) {
    const clash = kept.find((other) => other.ai !== element.ai && element.definition.excludes.some((p) => matchesAiPattern(other.ai, p)));
    if (clash) {
      const message = `(${element.ai}) ${element.definition.title} must not appear together with (${clash.ai}) ${clash.definition.title}.`;
      return refuse('INVALID_AI_PAIR', message, { ai: element.ai, other: clash.ai });
    }
  }
  return accept(kept);
}

/** Dictionary patterns such as `310n`: `n` matches any digit, other characters match themselves. */
export function matchesAiPattern(ai: string, pattern: string): boolean {
  return ai.length === pattern.length && [...pattern].every((ch, i) => ch === 'n' || ch === ai[i]);
}
