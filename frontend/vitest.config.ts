import { defineProject } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';

export default defineProject({
  plugins: [svelte()],
  resolve: { conditions: ['browser', 'dvk-source'] },
  test: {
    name: 'frontend',
    include: ['test/**/*.test.ts'],
    environment: 'jsdom',
    testTimeout: 60_000,
  },
});
