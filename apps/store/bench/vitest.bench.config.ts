import path from 'node:path';
import { chromiumBrowser } from '../vitest.chromium.js';
import { defineProject } from 'vitest/config';

/**
 * Benchmarks against real IndexedDB in Debian's Chromium (never a downloaded browser). They print
 * figures and assert nothing about time; launch settings are those of vitest.browser.config.ts.
 */
export default defineProject({
  root: path.resolve(import.meta.dirname, '..'),
  test: {
    name: 'store-bench',
    include: ['bench/**/*.bench.browser.ts'],
    testTimeout: 120_000,
    browser: chromiumBrowser,
  },
});
