import { defaultClientConditions, defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

// Built into dist/, which the backend serves at / (one port for everything).
// In development (`npm run dev -w frontend`) /api goes to the backend on :3000.
export default defineConfig({
  plugins: [svelte()],
  // Keep Vite's own conditions (browser, module…): without them Svelte resolves to its server build.
  resolve: { conditions: ['dvk-source', ...defaultClientConditions] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: false,
    // ECharts (~210 KB gzipped) is only needed by pages with charts, exceljs only by the XLSX button.
    chunkSizeWarningLimit: 1000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
            { name: 'exceljs', test: /node_modules[\\/]exceljs[\\/]/, priority: 20 },
          ],
        },
      },
    },
  },
  server: { proxy: { '/api': 'http://localhost:3000' } },
});
