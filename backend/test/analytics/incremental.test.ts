import { readdirSync } from 'node:fs';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Overview } from '../../src/analytics/analytics.types.js';
import { AnalyticsFacts } from '../../src/db/analytics-facts.js';
import { Database } from '../../src/db/database.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { get, sample, SAMPLE_FILES, seedUnits, send, upload } from '../ingest/support.js';

const TABLES = ['fact_model', 'fact_exemplar', 'agg_unit_year', 'agg_dist'] as const;

/**
 * After uploads, new versions, deletions, restores and reloads, the derived
 * tables refreshed from the changed files alone must hold exactly what a
 * rebuild from scratch holds (row for row, as multisets).
 */
describe('derived tables refreshed from the changed files only', () => {
  let t: TestApp;
  const files = readdirSync(SAMPLE_FILES).filter((f) => !f.endsWith('.json')).sort();
  beforeAll(async () => {
    t = await startTestApp();
    await seedUnits(t);
  });
  afterAll(() => t.close());

  /** Asks for an answer (which refreshes the tables), then compares them with a full rebuild; returns how the refresh went. */
  async function refreshAndCompare(): Promise<string | null> {
    const facts = t.app.get(AnalyticsFacts);
    await get<Overview>(t, '/api/analytics/overview?year=2026');
    const how = facts.lastRefresh;
    const db = t.app.get(Database).db;
    for (const table of TABLES) await sql.raw(`create or replace temp table refreshed_${table} as select * from ${table}`).execute(db);
    await facts.rebuildAll(db);
    for (const table of TABLES) {
      const rows = Number((await sql.raw<{ n: number }>(`select count(*) as n from ${table}`).execute(db)).rows[0]!.n);
      const differing = await sql.raw<{ n: number }>(`select count(*) as n from (
          (select * from refreshed_${table} except all select * from ${table})
          union all (select * from ${table} except all select * from refreshed_${table}))`).execute(db);
      expect(Number(differing.rows[0]!.n), `${table} (${rows} rows after a full rebuild) differs after a ${how} refresh`).toBe(0);
      await sql.raw(`drop table refreshed_${table}`).execute(db);
    }
    return how;
  }

  it('equals a full rebuild after uploads in several batches, including later versions of the same document', async () => {
    const thirds = [files.filter((_, i) => i % 3 === 0), files.filter((_, i) => i % 3 === 1), files.filter((_, i) => i % 3 === 2)];
    await upload(t, thirds[0]!.map(sample));
    expect(await refreshAndCompare()).toBe('all'); // the first build
    await upload(t, thirds[1]!.map(sample));
    expect(await refreshAndCompare()).toBe('changes');
    await upload(t, thirds[2]!.map(sample));
    expect(await refreshAndCompare()).toBe('changes');
    const registered = (await get<Overview>(t, '/api/analytics/overview?year=2025')).kpis.registered;
    expect(registered).toBeGreaterThan(0);
  });

  it('equals a full rebuild after a deletion, a restore and a reload', async () => {
    const listed = await get<{ items: Array<{ id: number; kind: string; status: string; recordCount?: number }> }>(t, '/api/files?limit=200');
    const target = listed.items.find((f) => f.kind === 'registration' && f.status === 'loaded')!;
    const recognition = listed.items.find((f) => f.kind === 'recognition' && f.status === 'loaded')!;
    for (const [method, url] of [
      ['DELETE', `/api/files/${target.id}`], ['DELETE', `/api/files/${recognition.id}`], ['POST', `/api/files/${target.id}/restore`],
      ['POST', `/api/files/${recognition.id}/restore`], ['POST', `/api/files/${target.id}/reload`],
    ] as const) {
      const answer = await send(t, method, url);
      expect(answer.status, `${method} ${url}`).toBeLessThan(300);
      expect(await refreshAndCompare(), `${method} ${url}`).toBe('changes');
    }
  });
});
