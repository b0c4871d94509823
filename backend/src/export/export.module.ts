import { Module } from '@nestjs/common';
import { AnalyticsModule } from '../analytics/analytics.module.js';
import { PlansModule } from '../plans/plans.module.js';
import { UnitsModule } from '../units/units.module.js';
import { ExportController } from './export.controller.js';
import { ExportRepository } from './export.repository.js';
import { ExportService } from './export.service.js';

/** The year-end export pack (ZIP): GET /api/export, and the CLI in export.cli.ts. */
@Module({
  imports: [AnalyticsModule, PlansModule, UnitsModule],
  controllers: [ExportController],
  providers: [ExportRepository, ExportService],
  exports: [ExportService],
})
export class ExportModule {}
