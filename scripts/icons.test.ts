import { readFileSync } from 'node:fs';
import path from 'node:path';
import { PNG } from 'pngjs';
import { expect, test } from 'vitest';
import { iconSpecs, renderIcon } from './icons.js';

const root = path.resolve(import.meta.dirname, '..');

test.each(iconSpecs.map((spec) => [spec.output, spec] as const))('[IN6] the committed %s is what its SVG renders to (run `pnpm icons` after changing an SVG)', (_, spec) => {
  const committed = PNG.sync.read(readFileSync(path.join(root, spec.output)));
  const rendered = PNG.sync.read(renderIcon(spec));
  expect([committed.width, committed.height]).toEqual([spec.size, spec.size]);
  expect([rendered.width, rendered.height]).toEqual([spec.size, spec.size]);
  // Pixels, not bytes: the same picture may be compressed differently by another zlib.
  expect(Buffer.compare(committed.data, rendered.data)).toBe(0);
});
