import { defineConfig } from 'vitest/config';

// One `vitest run` covers every workspace; `--project <name>` runs one.
export default defineConfig({
  test: {
    projects: ['etl', 'backend', 'frontend', 'sample-data'],
  },
});
