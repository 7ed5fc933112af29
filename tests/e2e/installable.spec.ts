import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { PNG } from 'pngjs';
import { StoreApp } from './fixtures/store-app.js';

// The built store app as a phone meets it: the manifest and icons the server hands out, what the
// service worker keeps for offline, and Chromium's own verdict on installing it (docs/installable.md).
test.use({ locale: 'zh-CN' });

interface ManifestIcon {
  readonly src: string;
  readonly sizes: string;
  readonly type: string;
  readonly purpose?: string;
}
interface Manifest {
  readonly theme_color: string;
  readonly background_color: string;
  readonly icons: readonly ManifestIcon[];
}

async function manifest(request: APIRequestContext): Promise<Manifest> {
  const response = await request.get('/store/manifest.webmanifest');
  expect(response.status()).toBe(200);
  return (await response.json()) as Manifest;
}

/** The width and height a PNG declares in its IHDR chunk, after checking the signature. */
function ihdrSize(bytes: Buffer): { width: number; height: number } {
  expect(bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

async function pngAt(request: APIRequestContext, url: string): Promise<{ bytes: Buffer; image: PNG }> {
  const response = await request.get(url);
  expect(response.status(), url).toBe(200);
  expect(response.headers()['content-type'], url).toBe('image/png');
  const bytes = await response.body();
  return { bytes, image: PNG.sync.read(bytes) };
}

const storeUrl = (src: string) => new URL(src, 'http://host/store/').pathname;

function rgbaAt(image: PNG, x: number, y: number): [number, number, number, number] {
  const i = (y * image.width + x) * 4;
  return [image.data[i]!, image.data[i + 1]!, image.data[i + 2]!, image.data[i + 3]!];
}

function hexColour([r, g, b]: readonly number[]): string {
  return `#${[r, g, b].map((c) => c!.toString(16).padStart(2, '0')).join('')}`;
}

test('[IN1] the manifest lists PNG icons of 192 and 512 px for "any" and "maskable", each served at its declared size', async ({ request }) => {
  const { icons } = await manifest(request);
  const pngs = icons.filter((icon) => icon.type === 'image/png');
  for (const purpose of ['any', 'maskable']) {
    expect(pngs.filter((icon) => (icon.purpose ?? 'any').split(' ').includes(purpose)).map((icon) => icon.sizes).sort()).toEqual(['192x192', '512x512']);
  }
  for (const icon of pngs) {
    const { bytes, image } = await pngAt(request, storeUrl(icon.src));
    const [width, height] = icon.sizes.split('x').map(Number);
    expect(ihdrSize(bytes), icon.src).toEqual({ width, height });
    expect({ width: image.width, height: image.height }).toEqual({ width, height });
  }
});

test('[IN2] a maskable icon is full-bleed and keeps its artwork inside the centre circle of 80%', async ({ request }) => {
  const { icons, theme_color } = await manifest(request);
  for (const icon of icons.filter((i) => i.purpose === 'maskable')) {
    const { image } = await pngAt(request, storeUrl(icon.src));
    const size = image.width;
    const background = hexColour(rgbaAt(image, 0, 0));
    expect(background, `${icon.src} background`).toBe(theme_color);
    let artwork = 0;
    const outside: string[] = [];
    const seeThrough: string[] = [];
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const pixel = rgbaAt(image, x, y);
        if (pixel[3] !== 255) seeThrough.push(`${x},${y}`);
        if (hexColour(pixel) === background) continue;
        artwork++;
        // Pixel centres: a launcher may cut anything beyond 40% of the width from the middle.
        if (Math.hypot(x + 0.5 - size / 2, y + 0.5 - size / 2) > 0.4 * size) outside.push(`${x},${y}`);
      }
    }
    expect(seeThrough, `${icon.src}: pixels not fully opaque`).toEqual([]);
    expect(outside, `${icon.src}: artwork outside the safe zone`).toEqual([]);
    // The bag itself: more than a speck, and not the whole square.
    expect(artwork / (size * size)).toBeGreaterThan(0.15);
    expect(artwork / (size * size)).toBeLessThan(0.5);
  }
});

test('[IN3] the service worker keeps every manifest icon and the apple-touch-icon for offline use', async ({ context, request, baseURL }) => {
  const { icons } = await manifest(request);
  const app = await StoreApp.open(context);
  await app.waitForServiceWorker();
  const wanted = [...icons.map((icon) => storeUrl(icon.src)), '/store/apple-touch-icon.png'];
  const types = [...icons.map((icon) => icon.type), 'image/png'];
  const cached = await app.page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const request of await (await caches.open(name)).keys()) urls.push(new URL(request.url).pathname);
    return urls;
  });
  expect(cached).toEqual(expect.arrayContaining(wanted));
  await context.setOffline(true);
  const offline = await app.page.evaluate(
    (urls) => Promise.all(urls.map(async (url) => {
      const response = await fetch(url);
      return `${url} ${response.status} ${response.headers.get('content-type')}`;
    })),
    wanted.map((path) => new URL(path, baseURL).href),
  );
  expect(offline).toEqual(wanted.map((url, i) => `${new URL(url, baseURL).href} 200 ${types[i]}`));
  await context.setOffline(false);
});

test('[IN4] Chromium finds the store app installable; the page names its theme colour and an opaque apple-touch-icon', async ({ request, baseURL }) => {
  // Test contexts are incognito, where Chromium never offers to install: this one keeps a profile.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'e2e-install-'));
  const context = await chromium.launchPersistentContext(profile, { ...test.info().project.use.launchOptions, baseURL: baseURL!, serviceWorkers: 'allow', locale: 'zh-CN' });
  try {
    const app = await StoreApp.open(context);
    const cdp = await context.newCDPSession(app.page);
    await app.waitForServiceWorker();
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: { errorId: string }[] };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    await checkPageIcons(app.page, request);
  } finally {
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  }
});

async function checkPageIcons(page: Page, request: APIRequestContext): Promise<void> {
  const { theme_color } = await manifest(request);
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', theme_color);
  const href = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  const { bytes, image } = await pngAt(request, href!);
  expect(ihdrSize(bytes)).toEqual({ width: 180, height: 180 });
  // iOS paints transparency black and rounds the corners itself: the corners must be the theme colour.
  for (const [x, y] of [[0, 0], [179, 0], [0, 179], [179, 179]] as const) expect(hexColour(rgbaAt(image, x, y)) + rgbaAt(image, x, y)[3]).toBe(`${theme_color}255`);
}

test('[IN5] the head-office console has a PNG favicon and an apple-touch-icon besides its SVG one', async ({ page, request }) => {
  await page.goto('/hq/');
  const favicon = await page.locator('link[rel="icon"][type="image/png"]').getAttribute('href');
  expect(ihdrSize((await pngAt(request, favicon!)).bytes)).toEqual({ width: 32, height: 32 });
  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  expect(ihdrSize((await pngAt(request, touch!)).bytes)).toEqual({ width: 180, height: 180 });
  await expect(page.locator('meta[name="theme-color"]')).toHaveAttribute('content', /^#[0-9a-f]{6}$/);
});
