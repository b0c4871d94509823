import { defineProject } from 'vitest/config';

// Vitest runs tests in Vite's SSR environment, which takes its own resolve conditions:
// without them the workspace packages (@dvk/etl, @dvk/frontend/charts) resolve to
// their last build instead of their sources.
const conditions = ['dvk-source', 'module', 'node', 'default'];

export default defineProject({
  resolve: { conditions },
  ssr: { resolve: { conditions, externalConditions: conditions } },
  // NestJS needs legacy decorators with their type metadata (as tsc emits them).
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: {
    name: 'backend',
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Tests share the machine's two cores with DuckDB; files run one after another.
    fileParallelism: false,
  },
});
