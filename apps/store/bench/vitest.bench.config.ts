import path from 'node:path';
import { playwright } from '@vitest/browser-playwright';
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
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
  },
});
