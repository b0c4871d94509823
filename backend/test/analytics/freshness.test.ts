import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildrenBreakdown, Overview } from '../../src/analytics/analytics.types.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { get, registrationList, seedUnits, upload } from '../ingest/support.js';

/**
 * The dashboard asks for the overview and the children breakdown right after
 * an upload finishes; both must already count the new file (the derived
 * tables are rebuilt before the next answer, not up to a second later).
 */
describe('analytics right after a load', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedUnits(t);
  });
  afterAll(() => t.close());

  it('answers the overview and the children breakdown from the same, new data', async () => {
    const before = await get<Overview>(t, '/api/analytics/overview?year=2026');
    const province = before.unit.id;
    const first = await get<ChildrenBreakdown>(t, `/api/analytics/children?unit=${province}&year=2026`);
    const dongHoaBefore = first.rows.find((r) => r.unitName === 'Xã Đông Hòa')?.registered ?? 0;

    const file = await registrationList({
      unit: 'Đảng bộ xã Đông Hòa',
      year: 2026,
      rows: [
        ['Camera an ninh khu dân cư', 'Quốc phòng - an ninh', 'Chi bộ Công an xã', 'Mới', '01/02/2026', ''],
        ['Phụ nữ chung tay xây dựng nông thôn mới', 'Văn hóa - xã hội', 'Hội Liên hiệp Phụ nữ xã', 'Mới', '15/3/2026', ''],
      ],
    });
    const batch = await upload(t, [{ name: 'dong-hoa-2026.xlsx', bytes: file }]);
    expect(batch.jobs[0]?.state).toBe('loaded');

    const [overview, children] = await Promise.all([
      get<Overview>(t, `/api/analytics/overview?unit=${province}&year=2026`),
      get<ChildrenBreakdown>(t, `/api/analytics/children?unit=${province}&year=2026`),
    ]);
    expect(overview.kpis.registered).toBe(before.kpis.registered + 2);
    expect(children.rows.find((r) => r.unitName === 'Xã Đông Hòa')?.registered).toBe(dongHoaBefore + 2);
    expect(children.rows.reduce((sum, r) => sum + r.registered, 0)).toBe(overview.kpis.registered);
  });
});
