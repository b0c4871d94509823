import { defineProject } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

export default defineProject({
  // svelteTesting compiles the testing library's own .svelte.js files and cleans up after each test.
  plugins: [svelte(), svelteTesting()],
  resolve: { conditions: ['browser', 'dvk-source'] },
  // The browser tests start the real NestJS backend in-process: legacy decorators with metadata, as tsc emits them.
  oxc: { decorator: { legacy: true, emitDecoratorMetadata: true } },
  test: {
    name: 'frontend',
    include: ['test/**/*.test.ts'],
    environment: 'jsdom',
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 180_000,
  },
});
