import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Built into dist/, which the backend serves at / (one port for everything).
// In development (`npm run dev -w frontend`) /api goes to the backend on :3000.
export default defineConfig({
  plugins: [svelte()],
  resolve: { conditions: ['dvk-source'] },
  build: { outDir: 'dist', emptyOutDir: true, target: 'es2022', sourcemap: false },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
