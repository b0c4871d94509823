import { defineProject } from 'vitest/config';

export default defineProject({
  resolve: { conditions: ['dvk-source'] },
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
