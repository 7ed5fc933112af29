import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'store', include: ['src/**/*.test.ts'], exclude: ['src/**/*.browser.test.ts'], environment: 'node' },
});
