import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FilePage } from '../../src/ingest/files.service.js';
import type { ReviewPage } from '../../src/ingest/review.service.js';
import { SeedService } from '../../src/ingest/seed.service.js';
import type { BatchView } from '../../src/ingest/uploads.service.js';
import type { StoreSummary } from '../../src/ingest/ingest.repository.js';
import type { UnitPage } from '../../src/units/units.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { get, SAMPLE_FILES } from './support.js';

/** The sample files the other generators wrote, loaded the way `npm start` seeds them. */
describe('seeding the demo province from sample-data', () => {
  let t: TestApp;
  let seeded: { loaded: number; skipped: boolean };
  const samples = readdirSync(SAMPLE_FILES).filter((f) => /\.(xlsx|xls|csv|docx|doc)$/i.test(f));

  beforeAll(async () => {
    t = await startTestApp();
    seeded = await t.app.get(SeedService).seedOnce(SAMPLE_FILES);
  });
  afterAll(async () => {
    await t.close();
  });

  it('loads the registry and every readable sample once; a second seed does nothing', async () => {
    expect(samples.length).toBeGreaterThan(10);
    const units = await get<UnitPage>(t, '/api/units?limit=1');
    expect(units.total).toBeGreaterThan(100);
    const batch = (await get<BatchView[]>(t, '/api/uploads'))[0]!;
    expect(batch).toMatchObject({ origin: 'seed', state: 'done', fileCount: samples.length });
    // Only the deliberately broken samples fail, each with the ETL's reason.
    const failed = batch.jobs.filter((j) => j.state === 'failed');
    for (const job of failed) {
      expect(job.fileName).toMatch(/hong|mat-khau|cat-cut/);
      expect(job.message).toContain(job.fileName);
    }
    expect(seeded.loaded).toBe(samples.length - failed.length - batch.counts.duplicate);
    const before = await get<StoreSummary>(t, '/api/files/summary');
    expect(await t.app.get(SeedService).seedOnce(SAMPLE_FILES)).toEqual({ loaded: 0, skipped: true });
    expect(await get<StoreSummary>(t, '/api/files/summary')).toEqual(before);
  });

  it('resolves every issuing unit that names its place, and the large majority of owners', async () => {
    const files = (await get<FilePage>(t, '/api/files?limit=500')).items;
    const unresolved = files.filter((f) => f.unitId === null);
    // Only files that name no unit, or a unit without its commune ("CHI BỘ CÔNG AN XÃ"), stay for a person.
    for (const file of unresolved) expect(file.unitText === null || !/(XÃ|THỊ TRẤN|HUYỆN)\s+\p{L}/iu.test(file.unitText), file.fileName).toBe(true);
    expect(unresolved.length).toBeLessThanOrEqual(files.length / 5);
    const owners = await get<ReviewPage>(t, '/api/review?reason=unresolved_owner&limit=1');
    const summary = await get<StoreSummary>(t, '/api/files/summary');
    const rowsWithOwners = summary.registrations + summary.recognitions + summary.exemplars;
    expect(owners.total / rowsWithOwners).toBeLessThan(0.1);
  });

  it('supersedes earlier versions among the samples so nothing counts twice', async () => {
    const all = (await get<FilePage>(t, '/api/files?limit=500')).items;
    const superseded = all.filter((f) => f.status === 'superseded');
    expect(superseded.length).toBeGreaterThan(0);
    for (const old of superseded) {
      // Follow the chain of newer versions to the one that counts.
      let current = old;
      while (current.status === 'superseded') current = all.find((f) => f.id === current.supersededBy)!;
      expect(current).toMatchObject({ status: 'loaded', unitId: old.unitId, kind: old.kind, year: old.year });
      expect(current.id).toBeGreaterThan(old.id);
    }
    // One loaded file per unit, kind, year and variant.
    const keys = all.filter((f) => f.status === 'loaded' && f.unitId !== null).map((f) => `${f.unitId}/${f.kind}/${f.year}/${f.variant ?? ''}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
