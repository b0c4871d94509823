import { Inject, Injectable } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Database } from '../db/database.js';

export interface HealthStatus {
  status: 'ok' | 'error';
  database: 'ok' | 'error';
  schemaVersion: string | null;
  version: string;
}

@Injectable()
export class HealthService {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  async check(): Promise<HealthStatus> {
    try {
      const schemaVersion = await this.database.schemaVersion();
      return { status: 'ok', database: 'ok', schemaVersion, version: this.config.version };
    } catch {
      return { status: 'error', database: 'error', schemaVersion: null, version: this.config.version };
    }
  }
}
