import { Controller, Get, Inject } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { IngestService } from './ingest.service.js';
import type { StoreSummary } from './ingest.repository.js';

@ApiTags('files')
@Controller('files')
export class IngestController {
  constructor(@Inject(IngestService) private readonly ingest: IngestService) {}

  /** How many files and records the store holds (files loaded, failed; records by kind). */
  @Get('summary')
  summary(): Promise<StoreSummary> {
    return this.ingest.summary();
  }
}
