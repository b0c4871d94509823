import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['dvk-source'] },
  test: {
    name: 'sample-data',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
