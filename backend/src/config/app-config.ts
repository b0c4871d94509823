import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadAuthConfig, type AuthConfig } from '../auth/auth-config.js';

/** Repository root, found from this file whether it runs from src/ or dist/. */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * Configuration from the environment, with the defaults the README documents.
 * Read once at start-up; every module receives it through injection.
 */
export interface AppConfig {
  /** HTTP port (PORT, default 3000). */
  port: number;
  /** Interface to bind (HOST, default 0.0.0.0). */
  host: string;
  /** DuckDB file (DVK_DB, default data/dvk.duckdb; ':memory:' for tests). */
  databasePath: string;
  /** Folder for raw uploaded files and other state (DVK_DATA_DIR, default data). */
  dataDir: string;
  /** Built dashboard to serve at / (DVK_STATIC_DIR, default frontend/dist). */
  staticDir: string | null;
  /** Log level for pino (LOG_LEVEL, default info; 'silent' in tests). */
  logLevel: string;
  /** Folder of sample files loaded once on first start (--seed or DVK_SEED_DIR). */
  seedDir: string | null;
  /** Application version reported by /api/health. */
  version: string;
  /** Sessions, cookies, CORS, login limits, first admin (auth/auth-config.ts). */
  auth: AuthConfig;
}

export const APP_CONFIG = Symbol('APP_CONFIG');

export function loadConfig(env: NodeJS.ProcessEnv = process.env, overrides: Partial<AppConfig> = {}): AppConfig {
  const dataDir = path.resolve(REPO_ROOT, env.DVK_DATA_DIR ?? 'data');
  const db = env.DVK_DB ?? path.join(dataDir, 'dvk.duckdb');
  const staticDir = path.resolve(REPO_ROOT, env.DVK_STATIC_DIR ?? 'frontend/dist');
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT không hợp lệ: "${env.PORT}"`);
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    databasePath: db === ':memory:' ? db : path.resolve(REPO_ROOT, db),
    dataDir,
    staticDir: existsSync(staticDir) ? staticDir : null,
    logLevel: env.LOG_LEVEL ?? 'info',
    seedDir: env.DVK_SEED_DIR ? path.resolve(REPO_ROOT, env.DVK_SEED_DIR) : null,
    version: env.npm_package_version ?? '0.1.0',
    auth: loadAuthConfig(env),
    ...overrides,
  };
}
