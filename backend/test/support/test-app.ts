import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../src/app.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

/**
 * Starts the real application on a random port with a fresh data folder and
 * a DuckDB file in it (or ':memory:'), for tests that go through real HTTP.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dvk-test-'));
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DVK_DATA_DIR: dataDir, DVK_STATIC_DIR: path.join(dataDir, 'no-static') },
    { databasePath: path.join(dataDir, 'dvk.duckdb'), port: 0, host: '127.0.0.1', ...overrides },
  );
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    app,
    config,
    url: `http://127.0.0.1:${port}`,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
