import { availableParallelism } from 'node:os';
import path from 'node:path';
import { DEFAULT_MAX_BYTES } from '@dvk/etl';
import type { AppConfig } from '../config/app-config.js';

/** Limits and sizes of the ingest pipeline (environment, with defaults). */
export interface IngestOptions {
  /** Raw files, content-addressed (data/files). */
  rawDir: string;
  /** Where uploads stream to before they are hashed and moved (data/tmp). */
  tmpDir: string;
  /** Most files in one upload request (DVK_UPLOAD_MAX_FILES, default 2000). */
  maxFiles: number;
  /** Largest single file in bytes (DVK_UPLOAD_MAX_MB, default the ETL's own limit, 20): at the door and in the readers. */
  maxFileBytes: number;
  /** Reader threads (DVK_INGEST_WORKERS, default: one core fewer than the machine has, at least one; 0 reads on the main thread). */
  workers: number;
  /** Most files the upload writer loads in one transaction (DVK_INGEST_GROUP_FILES, default 200). */
  groupFiles: number;
}

export const DEFAULT_GROUP_FILES = 200;

/**
 * One core is left to the main thread: it writes what the readers read,
 * answers the dashboard meanwhile, and V8's garbage collection and
 * compilation for every thread run beside it. On 2 cores, a second reader
 * thread made a 1,000-file upload no faster (bench:ingest).
 */
export function defaultReaderThreads(): number {
  return Math.max(1, availableParallelism() - 1);
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
    maxFileBytes: Math.round(number('DVK_UPLOAD_MAX_MB', DEFAULT_MAX_BYTES / (1024 * 1024)) * 1024 * 1024),
    workers: Math.floor(number('DVK_INGEST_WORKERS', defaultReaderThreads())),
    groupFiles: Math.max(1, Math.floor(number('DVK_INGEST_GROUP_FILES', DEFAULT_GROUP_FILES))),
  };
}
