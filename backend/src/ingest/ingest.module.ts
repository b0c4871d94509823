import { Module } from '@nestjs/common';
import { IngestController } from './ingest.controller.js';
import { IngestRepository } from './ingest.repository.js';
import { IngestService } from './ingest.service.js';
import { SeedService } from './seed.service.js';

@Module({
  controllers: [IngestController],
  providers: [IngestRepository, IngestService, SeedService],
  exports: [IngestService, SeedService],
})
export class IngestModule {}
