import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildrenBreakdown, Overview } from '../../src/analytics/analytics.types.js';
import { AnalyticsFacts } from '../../src/db/analytics-facts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { get, registrationList, sample, seedUnits, upload } from '../ingest/support.js';

/**
 * A refresh after an upload (here a commune's later version of its list) names the units whose data changed: answers about
 * other communes stay valid (the memo keeps them), answers about the commune
 * and everything above it do not.
 */
describe('which answers an upload changes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedUnits(t);
    await upload(t, ['2026_dong-hoa_dang-ky-mo-hinh.xlsx', '2026_tan-lai_bieu-tong-hop-45-mo-hinh.xlsx'].map(sample));
  });
  afterAll(() => t.close());

  it('keeps the other commune unchanged, and counts the new rows for the commune and the province', async () => {
    const facts = t.app.get(AnalyticsFacts);
    const province = (await get<Overview>(t, '/api/analytics/overview?year=2026')).unit.id;
    const children = await get<ChildrenBreakdown>(t, `/api/analytics/children?unit=${province}&year=2026`);
    const idOf = (name: string) => children.rows.find((r) => r.unitName === name)!.unitId;
    const [dongHoa, tanLai] = [idOf('Xã Đông Hòa'), idOf('Xã Tân Lai')];
    const before = {
      province: await get<Overview>(t, `/api/analytics/overview?unit=${province}&year=2026`),
      dongHoa: await get<Overview>(t, `/api/analytics/overview?unit=${dongHoa}&year=2026`),
      tanLai: await get<Overview>(t, `/api/analytics/overview?unit=${tanLai}&year=2026`),
    };
    const version = facts.version;
    expect(before.tanLai.kpis.registered).toBeGreaterThan(0);

    const file = await registrationList({
      unit: 'Đảng bộ xã Đông Hòa', year: 2026,
      rows: [
        ['Tổ tự quản đường làng sáng - xanh', 'Văn hóa - xã hội', 'Hội Liên hiệp Phụ nữ xã', 'Mới', '01/04/2026', ''],
        ['Nông dân chuyển đổi số bán hàng', 'Kinh tế', 'Hội Nông dân xã', 'Mới', '15/04/2026', ''],
      ],
    });
    await upload(t, [{ name: 'dong-hoa-bo-sung-2026.xlsx', bytes: file }]);

    const after = {
      dongHoa: await get<Overview>(t, `/api/analytics/overview?unit=${dongHoa}&year=2026`),
      province: await get<Overview>(t, `/api/analytics/overview?unit=${province}&year=2026`),
      tanLai: await get<Overview>(t, `/api/analytics/overview?unit=${tanLai}&year=2026`),
    };
    expect(facts.lastRefresh).toBe('changes');
    expect(facts.version).toBeGreaterThan(version);
    // The new list is the commune's later version of its 2026 registration list: it replaces the earlier one.
    expect(before.dongHoa.kpis.registered).toBeGreaterThan(2);
    expect(after.dongHoa.kpis.registered).toBe(2);
    expect(after.province.kpis.registered).toBe(before.province.kpis.registered - before.dongHoa.kpis.registered + 2);
    expect(after.tanLai).toEqual(before.tanLai);

    expect(facts.unchangedSince(version, tanLai)).toBe(true);
    expect(facts.unchangedSince(version, dongHoa)).toBe(false);
    expect(facts.unchangedSince(version, province)).toBe(false);
    expect(facts.unchangedSince(version, null)).toBe(false);
  });
});
