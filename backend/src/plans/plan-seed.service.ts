import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { Database } from '../db/database.js';
import { PlansService } from './plans.service.js';

const MARKER = 'sample_plans_loaded';

/** Imports the seeds' plans (sample-data/plans/*.yaml|json) once, on the first start. */
@Injectable()
export class PlanSeedService {
  private readonly logger = new Logger(PlanSeedService.name);

  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(PlansService) private readonly plans: PlansService,
  ) {}

  async seedOnce(dir: string): Promise<{ loaded: number; skipped: boolean }> {
    const db = this.database.db;
    if (await db.selectFrom('app_meta').select('value').where('key', '=', MARKER).executeTakeFirst()) return { loaded: 0, skipped: true };
    const names = (await readdir(dir).catch(() => [] as string[])).filter((n) => /\.(ya?ml|json)$/i.test(n)).sort();
    let loaded = 0;
    for (const name of names) {
      try {
        await this.plans.importText(await readFile(path.join(dir, name), 'utf8'));
        loaded++;
      } catch (error) {
        this.logger.warn(`Không nhập được kế hoạch ${name}: ${(error as Error).message}`);
      }
    }
    await db.insertInto('app_meta').values({ key: MARKER, value: new Date().toISOString() }).execute();
    this.logger.log(`Đã nhập kế hoạch mẫu: ${loaded}/${names.length}`);
    return { loaded, skipped: false };
  }
}
