import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

const chromiumPath = '/usr/bin/chromium';
// The flags this closed network needs (docs: TOOLCHAIN.md, Chromium and Playwright).
const chromiumArgs = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Whether the native BarcodeDetector exists in Node and in this machine's Chromium. */
export async function checkBarcodeDetector(): Promise<string[]> {
  const inNode = 'BarcodeDetector' in globalThis;
  return [`Node ${process.version}: BarcodeDetector ${inNode ? 'available' : 'not available'}`, await inChromium()];
}

async function inChromium(): Promise<string> {
  if (!existsSync(chromiumPath)) return `Chromium: not checked (${chromiumPath} is missing)`;
  const browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumArgs });
  try {
    const page = await browser.newPage();
    const found = await page.evaluate(() => 'BarcodeDetector' in window);
    return `Chromium ${browser.version()} (desktop Linux): BarcodeDetector ${found ? 'available' : 'not available'}`;
  } finally {
    await browser.close();
  }
}
