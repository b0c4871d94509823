import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['dvk-source'] },
  test: {
    name: 'etl',
    include: ['test/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
