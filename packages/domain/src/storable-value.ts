import { isStorableText } from './storable-text.js';

const maxDepth = 32;

/**
 * The path of the first string, or object key, anywhere in `value` that PostgreSQL cannot store
 * (U+0000, a lone surrogate), or null when every one is storable. For input whose schema is not
 * known yet (a tRPC call before parsing, a queued action's args): the check every string must pass.
 * Nesting deeper than any real input is refused too, so a crafted body cannot exhaust the stack.
 */
export function findUnstorableText(value: unknown, path: readonly (string | number)[] = []): (string | number)[] | null {
  if (typeof value === 'string') return isStorableText(value) ? null : [...path];
  if (path.length > maxDepth) return [...path];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = findUnstorableText(item, [...path, i]);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (!isStorableText(key)) return [...path, key];
      const found = findUnstorableText(item, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}
