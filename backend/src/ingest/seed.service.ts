import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Database } from '../db/database.js';
import { IngestService } from './ingest.service.js';

const SEED_MARKER = 'sample_data_loaded';
const READABLE = /\.(xlsx|xls|csv|docx|doc)$/i;

/**
 * Loads the sample files through the real ingest path on the first start, and
 * records that it did, so the next start does not load them again.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(IngestService) private readonly ingest: IngestService,
  ) {}

  async seedOnce(dir: string): Promise<{ loaded: number; skipped: boolean }> {
    const db = this.database.db;
    const marker = await db.selectFrom('app_meta').select('value').where('key', '=', SEED_MARKER).executeTakeFirst();
    if (marker) return { loaded: 0, skipped: true };
    const files = (await listFiles(dir)).filter((f) => READABLE.test(f)).sort();
    let loaded = 0;
    for (const file of files) {
      const outcome = await this.ingest.ingest(await readFile(file), path.basename(file));
      if (outcome.outcome === 'loaded') loaded++;
    }
    await db.insertInto('app_meta').values({ key: SEED_MARKER, value: new Date().toISOString() }).execute();
    this.logger.log(`Đã nạp dữ liệu mẫu: ${loaded}/${files.length} tệp`);
    return { loaded, skipped: false };
  }
}

async function listFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const out: string[] = [];
  for (const entry of entries) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out;
}
