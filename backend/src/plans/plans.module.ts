import { Module } from '@nestjs/common';
import { Database } from '../db/database.js';
import { AnalyticsFacts } from '../db/analytics-facts.js';
import { UnitClosure } from '../db/unit-scope.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { PlanSeedService } from './plan-seed.service.js';
import { PlansController } from './plans.controller.js';
import { PlansRepository } from './plans.repository.js';
import { PlansService } from './plans.service.js';
import { QuotaEngine } from './quota-engine.js';

@Module({
  controllers: [PlansController],
  providers: [
    // The derived tables the dashboard and the quota engine read: rebuilt before the next
    // answer whenever a writer reports a change (and checked once a second besides).
    {
      provide: AnalyticsFacts,
      inject: [Database, UnitClosure],
      useFactory: (database: Database, closure: UnitClosure) => {
        const facts = new AnalyticsFacts(() => database.db, closure, () => database.read);
        database.changes.onChange(() => facts.invalidate());
        return facts;
      },
    },
    PlansRepository,
    EvaluationRepository,
    QuotaEngine,
    PlansService,
    PlanSeedService,
  ],
  exports: [AnalyticsFacts, PlansService, PlanSeedService],
})
export class PlansModule {}
