import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PlanSeedService } from '../../src/plans/plan-seed.service.js';
import type { PlanSummary } from '../../src/plans/plan.types.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { get, PLANS_DIR } from './support.js';

describe('the seeds\' plans loaded at first start', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports sample-data/plans once, and not again on the next start', async () => {
    const seeder = t.app.get(PlanSeedService);
    expect(await seeder.seedOnce(PLANS_DIR)).toEqual({ loaded: 5, skipped: false });
    expect(await seeder.seedOnce(PLANS_DIR)).toEqual({ loaded: 0, skipped: true });
    const { body } = await get<PlanSummary[]>(t, '/api/plans');
    expect(body).toHaveLength(5);
    // With an empty registry no issuer resolves: each plan says so.
    expect(body.every((p) => p.issuerUnitId === null)).toBe(true);
  });
});
