import { playwright } from '@vitest/browser-playwright';

/** Vitest browser mode on Debian's Chromium (never a downloaded browser), for tests and benches alike. */
export const chromiumBrowser = {
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  }),
  instances: [{ browser: 'chromium' as const }],
};
