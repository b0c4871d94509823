import { Global, Inject, Module, type OnApplicationShutdown } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { Database } from './database.js';
import { UnitClosure } from './unit-scope.js';

/**
 * Provides the one Database (DuckDB + Kysely) and the one unit closure (the
 * subtree table every scoped query reads) to every module; closes the
 * database on shutdown.
 */
@Global()
@Module({
  providers: [
    {
      provide: Database,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => Database.open(config.databasePath),
    },
    { provide: UnitClosure, inject: [Database], useFactory: (database: Database) => new UnitClosure(() => database.db) },
  ],
  exports: [Database, UnitClosure],
})
export class DatabaseModule implements OnApplicationShutdown {
  constructor(@Inject(Database) private readonly database: Database) {}

  async onApplicationShutdown(): Promise<void> {
    await this.database.close();
  }
}
