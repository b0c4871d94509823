import { defineProject } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { svelteTesting } from '@testing-library/svelte/vite';

export default defineProject({
  // svelteTesting compiles the testing library's own .svelte.js files and cleans up after each test.
  plugins: [svelte(), svelteTesting()],
  resolve: { conditions: ['browser', 'dvk-source'] },
  test: {
    name: 'frontend',
    include: ['test/**/*.test.ts'],
    exclude: ['test/e2e/**'],
    environment: 'jsdom',
    setupFiles: ['test/support/setup.ts'],
    testTimeout: 60_000,
  },
});
