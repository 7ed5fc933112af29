import { defineProject } from 'vitest/config';

export default defineProject({
  test: { name: 'hq', include: ['src/**/*.test.ts'], environment: 'node' },
});
