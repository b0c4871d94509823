import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { registrationList, seedUnits, upload } from '../ingest/support.js';

/**
 * A restricted account's lists are filtered through the unit closure. On a
 * fresh store nothing but the guard may have built it yet: the very first
 * request of a provincial viewer must still see the province's files.
 */
describe('scoped lists on a fresh store', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedUnits(t);
    const file = await registrationList({
      unit: 'Đảng bộ xã Đông Hòa',
      year: 2026,
      rows: [['Camera an ninh khu dân cư', 'Quốc phòng - an ninh', 'Chi bộ Công an xã', 'Mới', '01/02/2026', '']],
    });
    const batch = await upload(t, [{ name: 'dong-hoa-2026.xlsx', bytes: file }]);
    expect(batch.jobs[0]?.state).toBe('loaded');
  });
  afterAll(() => t.close());

  it('shows the province viewer its files on the first request, before any analytics', async () => {
    const viewer = await t.as('viewer');
    const response = await viewer('/api/files/summary');
    expect(response.status).toBe(200);
    const summary = (await response.json()) as { files: number; registrations: number };
    expect(summary).toMatchObject({ files: 1, registrations: 1 });
  });
});
