import { defineConfig } from 'vitest/config';

// One project per place the tests run; scripts/test.sh picks which to run and when.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'sync', include: ['packages/sync/src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'i18n', include: ['packages/i18n/src/**/*.test.ts'], environment: 'node' } },
      // The server suite runs twice: on embedded PGlite and on real PostgreSQL (DATABASE_URL).
      { test: { name: 'server-pglite', include: ['apps/server/src/**/*.test.ts'], environment: 'node', env: { TEST_DB: 'pglite' }, testTimeout: 30_000, hookTimeout: 120_000 } },
      { test: { name: 'server-postgres', include: ['apps/server/src/**/*.test.ts'], environment: 'node', env: { TEST_DB: 'postgres' }, testTimeout: 30_000, hookTimeout: 120_000 } },
      './packages/scan-decode/vitest.config.ts',
      './apps/store/vitest.config.ts',
      './apps/hq/vitest.config.ts',
      './apps/store/vitest.browser.config.ts',
      { test: { name: 'architecture', include: ['tests/architecture/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'scripts', include: ['scripts/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
