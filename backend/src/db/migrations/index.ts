import type { Migration } from 'kysely/migration';
import * as core from './0001-core.js';
import * as ingest from './0002-ingest.js';
import * as plans from './0003-plans.js';
import * as auth from './0004-auth.js';
import * as duplicateFileIds from './0005-duplicate-file-ids.js';

/**
 * Every migration, in order. Listed explicitly (not read from a folder) so the
 * same list runs from src/ under vitest and from dist/ in production.
 * Name new ones 'NNNN-topic' so they sort after the existing ones.
 */
export const migrations: Record<string, Migration> = {
  '0001-core': core,
  '0002-ingest': ingest,
  '0003-plans': plans,
  '0004-auth': auth,
  '0005-duplicate-file-ids': duplicateFileIds,
};
