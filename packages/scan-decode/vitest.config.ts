import { defineProject } from 'vitest/config';

// Decoding all 154 sample photos takes a few seconds; the generous timeout covers slow CI cores.
export default defineProject({
  test: { name: 'scan-decode', include: ['src/**/*.test.ts'], environment: 'node', testTimeout: 60_000, hookTimeout: 120_000 },
});
