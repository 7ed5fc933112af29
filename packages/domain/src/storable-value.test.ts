import { expect, test } from 'vitest';
import { storableText } from './storable-text.js';
import { findUnstorableText } from './storable-value.js';

const unstorable = ['a\u0000b', 'x\uD800', '\uDC00y', '\uDBFF\uDBFF\uDC00\uDC00'.slice(0, 1)];

test.each(unstorable)('[SEC10] storableText refuses text PostgreSQL cannot store: %j', (text) => {
  expect(storableText({ max: 10 }).safeParse(text).success).toBe(false);
});

test('[SEC10] storableText keeps every real character, astral ones included', () => {
  for (const text of ['门店配送', '😀 emoji', 'tab\tand newline\n', '']) expect(storableText({ max: 20 }).safeParse(text).success).toBe(true);
});

test('[SEC10] findUnstorableText names the first bad string or key, however deep', () => {
  expect(findUnstorableText({ a: [1, { b: 'ok' }, { c: 'bad\u0000' }] })).toEqual(['a', 2, 'c']);
  expect(findUnstorableText({ ['k\uD800']: 1 })).toEqual(['k\uD800']);
  expect(findUnstorableText({ a: ['门店', 3, null, true, { '😀': 'x' }] })).toBeNull();
});

test('[SEC10] nesting deeper than any real input is refused rather than walked', () => {
  let deep: unknown = 'x';
  for (let i = 0; i < 10_000; i++) deep = [deep];
  expect(findUnstorableText(deep)).not.toBeNull();
});
