import { Module } from '@nestjs/common';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { UnitsModule } from '../units/units.module.js';
import { FilesController } from './files.controller.js';
import { FilesService } from './files.service.js';
import { INGEST_OPTIONS, ingestOptions, type IngestOptions } from './ingest.options.js';
import { IngestRepository } from './ingest.repository.js';
import { LoadService } from './load.service.js';
import { RawFileStore } from './raw-file.store.js';
import { HeadStarts } from './head-start.js';
import { ReadPool } from './read-pool.js';
import { ReviewController } from './review.controller.js';
import { ReviewService } from './review.service.js';
import { SeedService } from './seed.service.js';
import { UploadsController } from './uploads.controller.js';
import { UploadsService } from './uploads.service.js';

@Module({
  imports: [UnitsModule],
  controllers: [UploadsController, FilesController, ReviewController],
  providers: [
    { provide: INGEST_OPTIONS, inject: [APP_CONFIG], useFactory: (config: AppConfig) => ingestOptions(config) },
    { provide: RawFileStore, inject: [INGEST_OPTIONS], useFactory: (options: IngestOptions) => new RawFileStore(options.rawDir) },
    { provide: ReadPool, inject: [INGEST_OPTIONS], useFactory: (options: IngestOptions) => new ReadPool(options.workers, { maxFileBytes: options.maxFileBytes }) },
    { provide: HeadStarts, inject: [ReadPool, RawFileStore], useFactory: (pool: ReadPool, store: RawFileStore) => new HeadStarts(pool, store) },
    IngestRepository,
    LoadService,
    UploadsService,
    FilesService,
    ReviewService,
    SeedService,
  ],
  exports: [UploadsService, FilesService, SeedService, INGEST_OPTIONS],
})
export class IngestModule {}
