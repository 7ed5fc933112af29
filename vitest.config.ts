import { defineConfig } from 'vitest/config';

// One project per place the tests run; scripts/test.sh picks which to run and when.
export default defineConfig({
  test: {
    projects: [
      { test: { name: 'domain', include: ['packages/domain/src/**/*.test.ts'], environment: 'node' } },
      { test: { name: 'architecture', include: ['tests/architecture/**/*.test.ts'], environment: 'node' } },
    ],
  },
});
