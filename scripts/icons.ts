// Renders the apps' PNG icons from their SVG originals. After changing an SVG run `pnpm icons`
// (or `./node_modules/.bin/tsx scripts/icons.ts`) and commit the PNGs; scripts/icons.test.ts
// fails while a committed PNG differs from what its SVG renders to.
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const root = path.resolve(import.meta.dirname, '..');

/**
 * How an icon is laid out:
 * - `as-drawn`: the SVG as it is, rounded corners transparent (manifest purpose "any", favicons);
 * - `full-bleed`: the background colour to every edge, artwork scaled about the centre. Android
 *   crops a maskable icon to any shape inside the square, keeping only the centre circle of 80%
 *   diameter for sure; iOS fills transparency with black and rounds the corners itself.
 */
export type IconLayout = { readonly kind: 'as-drawn' } | { readonly kind: 'full-bleed'; readonly background: string; readonly artworkScale: number };

export interface IconSpec {
  /** The SVG original, from the repository root. */
  readonly source: string;
  /** The PNG written, from the repository root. */
  readonly output: string;
  readonly size: number;
  readonly layout: IconLayout;
}

const asDrawn: IconLayout = { kind: 'as-drawn' };
// The bag's farthest point is 36% of the width from the centre at scale 1 (the bottom corners);
// at 0.9 it sits at 32%, well inside the 40% safe radius, and still fills the launcher's shape.
const maskable: IconLayout = { kind: 'full-bleed', background: '#0b6e4f', artworkScale: 0.9 };
const appleTouch: IconLayout = { kind: 'full-bleed', background: '#0b6e4f', artworkScale: 1 };

export const iconSpecs: readonly IconSpec[] = [
  { source: 'apps/store/public/icon.svg', output: 'apps/store/public/icon-192.png', size: 192, layout: asDrawn },
  { source: 'apps/store/public/icon.svg', output: 'apps/store/public/icon-512.png', size: 512, layout: asDrawn },
  { source: 'apps/store/public/icon.svg', output: 'apps/store/public/icon-maskable-192.png', size: 192, layout: maskable },
  { source: 'apps/store/public/icon.svg', output: 'apps/store/public/icon-maskable-512.png', size: 512, layout: maskable },
  { source: 'apps/store/public/icon.svg', output: 'apps/store/public/apple-touch-icon.png', size: 180, layout: appleTouch },
  { source: 'apps/hq/public/icon.svg', output: 'apps/hq/public/favicon-32.png', size: 32, layout: asDrawn },
  { source: 'apps/hq/public/icon.svg', output: 'apps/hq/public/apple-touch-icon.png', size: 180, layout: appleTouch },
];

/** One icon as PNG bytes. */
export function renderIcon(spec: IconSpec): Buffer {
  const svg = readFileSync(path.join(root, spec.source), 'utf8');
  const laidOut = spec.layout.kind === 'as-drawn' ? svg : fullBleed(svg, spec.layout);
  return new Resvg(laidOut, { fitTo: { mode: 'width', value: spec.size } }).render().asPng();
}

/** The original's artwork scaled about its centre over a square of the background colour. */
function fullBleed(svg: string, layout: Extract<IconLayout, { kind: 'full-bleed' }>): string {
  const match = /^\s*<svg\b[^>]*\bviewBox="0 0 (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)"[^>]*>([\s\S]*)<\/svg>\s*$/.exec(svg);
  if (!match) throw new Error('icon SVG must be one <svg viewBox="0 0 W H"> element');
  const [, width, height, artwork] = match;
  const cx = Number(width) / 2;
  const cy = Number(height) / 2;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${width} ${height}">`
    + `<rect width="${width}" height="${height}" fill="${layout.background}"/>`
    + `<g transform="translate(${cx} ${cy}) scale(${layout.artworkScale}) translate(${-cx} ${-cy})">${artwork}</g></svg>`;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const spec of iconSpecs) {
    writeFileSync(path.join(root, spec.output), renderIcon(spec));
    console.log(`${spec.output} ${spec.size}x${spec.size}`);
  }
}
