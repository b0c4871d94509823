import { defineProject } from 'vitest/config';

// Vitest runs tests in Vite's SSR environment, which takes its own resolve conditions.
const conditions = ['dvk-source', 'module', 'node', 'default'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  test: {
    name: 'sample-data',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
  },
});
