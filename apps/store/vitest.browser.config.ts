import { defineProject } from 'vitest/config';
import { chromiumBrowser } from './vitest.chromium.js';

/** Dexie and outbox rules against real IndexedDB in Debian's Chromium. */
export default defineProject({
  test: { name: 'store-browser', include: ['src/**/*.browser.test.{ts,tsx}'], browser: chromiumBrowser },
});
