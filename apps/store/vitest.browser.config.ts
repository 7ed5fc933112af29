import { playwright } from '@vitest/browser-playwright';
import { defineProject } from 'vitest/config';

/** Dexie and outbox rules against real IndexedDB in Debian's Chromium (never a downloaded browser). */
export default defineProject({
  test: {
    name: 'store-browser',
    include: ['src/**/*.browser.test.ts'],
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
