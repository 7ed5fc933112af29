import { z } from 'zod';

/**
 * Text PostgreSQL can store and every client can show: no U+0000 (PostgreSQL text and jsonb refuse
 * it) and no lone UTF-16 surrogate (not a character; it cannot be encoded as UTF-8).
 */
export function isStorableText(value: string): boolean {
  return !value.includes('\u0000') && !loneSurrogate.test(value);
}

const loneSurrogate = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** A string schema that refuses text PostgreSQL cannot store; use it for every string that enters. */
export function storableText(options: { min?: number; max: number; trim?: boolean }) {
  const base = options.trim ? z.string().trim() : z.string();
  return base
    .min(options.min ?? 0)
    .max(options.max)
    .refine(isStorableText, 'Contains characters that cannot be stored (U+0000 or an unpaired surrogate).');
}
