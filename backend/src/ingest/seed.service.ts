import { existsSync } from 'node:fs';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Database } from '../db/database.js';
import { UnitsService } from '../units/units.service.js';
import { listReadableFiles } from './files-on-disk.js';
import { UploadsService } from './uploads.service.js';

const SEED_MARKER = 'sample_data_loaded';

/**
 * Loads the sample data through the real paths on the first start — the unit
 * registry from `<seed>/../units/units.json`, then the files as one batch —
 * and records that it did, so the next start does not load them again.
 */
@Injectable()
export class SeedService {
  private readonly logger = new Logger(SeedService.name);

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(UploadsService) private readonly uploads: UploadsService,
    @Inject(UnitsService) private readonly units: UnitsService,
  ) {}

  async seedOnce(dir: string): Promise<{ loaded: number; skipped: boolean }> {
    const db = this.database.db;
    const marker = await db.selectFrom('app_meta').select('value').where('key', '=', SEED_MARKER).executeTakeFirst();
    if (marker) return { loaded: 0, skipped: true };
    const registry = path.resolve(dir, '..', 'units', 'units.json');
    if (existsSync(registry)) {
      const report = await this.units.importRegistryFile(registry);
      this.logger.log(`Đã nạp danh mục đơn vị mẫu: ${report.created} đơn vị mới`);
    }
    const files = await listReadableFiles([dir]);
    let loaded = 0;
    if (files.length > 0) {
      const batch = await this.uploads.uploadPaths(files, 'seed', 'seed', dir);
      const done = await this.uploads.waitFor(batch.id);
      loaded = done.jobs.filter((j) => !j.duplicate && (j.state === 'loaded' || j.state === 'needs_review')).length;
    }
    await db.insertInto('app_meta').values({ key: SEED_MARKER, value: new Date().toISOString() }).execute();
    this.logger.log(`Đã nạp dữ liệu mẫu: ${loaded}/${files.length} tệp`);
    return { loaded, skipped: false };
  }
}
