import { availableParallelism } from 'node:os';
import path from 'node:path';
import type { AppConfig } from '../config/app-config.js';

/** Limits and sizes of the ingest pipeline (environment, with defaults). */
export interface IngestOptions {
  /** Raw files, content-addressed (data/files). */
  rawDir: string;
  /** Where uploads stream to before they are hashed and moved (data/tmp). */
  tmpDir: string;
  /** Most files in one upload request (DVK_UPLOAD_MAX_FILES, default 2000). */
  maxFiles: number;
  /** Largest single file in bytes (DVK_UPLOAD_MAX_MB, default 30). */
  maxFileBytes: number;
  /** Reader threads (DVK_INGEST_WORKERS, default: cores; 0 reads on the main thread). */
  workers: number;
}

export const INGEST_OPTIONS = Symbol('INGEST_OPTIONS');

export function ingestOptions(config: AppConfig, env: NodeJS.ProcessEnv = process.env): IngestOptions {
  const number = (name: string, fallback: number) => {
    const value = env[name];
    if (value === undefined || value === '') return fallback;
    const parsed = Number(value);
    if (!Number.isFinite(parsed) || parsed < 0) throw new Error(`${name} không hợp lệ: "${value}"`);
    return parsed;
  };
  return {
    rawDir: path.join(config.dataDir, 'files'),
    tmpDir: path.join(config.dataDir, 'tmp'),
    maxFiles: number('DVK_UPLOAD_MAX_FILES', 2000),
    maxFileBytes: Math.round(number('DVK_UPLOAD_MAX_MB', 30) * 1024 * 1024),
    workers: Math.floor(number('DVK_INGEST_WORKERS', Math.max(1, availableParallelism()))),
  };
}
