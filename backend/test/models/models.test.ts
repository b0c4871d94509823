import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelDetail, ModelPage } from '../../src/models/models.types.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { get, registrationList, seedUnits, upload } from '../ingest/support.js';

describe('GET /api/models', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedUnits(t);
    // Two years of one commune: "Tổ hòa giải" is continued from 2025 into 2026.
    const y2025 = await registrationList({
      unit: 'Đảng bộ xã Đông Hòa',
      year: 2025,
      rows: [
        ['Tổ hoà giải ở cơ sở thôn Đông', 'Quốc phòng - an ninh', 'Chi bộ thôn Đông', 'Mới', '01/9/2025', ''],
        ['Dân vận khéo trong giải phóng mặt bằng', 'Kinh tế', 'UBND xã Đông Hòa', 'Mới', '01/9/2025', ''],
      ],
    });
    const y2026 = await registrationList({
      unit: 'Đảng bộ xã Đông Hòa',
      year: 2026,
      rows: [
        ['Tổ hòa giải ở cơ sở thôn Đông', 'Quốc phòng - an ninh', 'Chi bộ thôn Đông', 'Duy trì', '01/01/2026', ''],
        ['Phụ nữ chung tay xây dựng nông thôn mới', 'Văn hóa - xã hội', 'Hội Liên hiệp Phụ nữ xã', 'Mới', '15/3/2026', ''],
        ['Camera an ninh khu dân cư', 'Quốc phòng - an ninh', 'Chi bộ Công an xã', 'Mới', '01/02/2026', ''],
      ],
    });
    const batch = await upload(t, [
      { name: 'dong-hoa-2025.xlsx', bytes: y2025 },
      { name: 'dong-hoa-2026.xlsx', bytes: y2026 },
    ]);
    expect(batch.jobs.map((j) => j.state)).toEqual(['loaded', 'loaded']);
  });
  afterAll(() => t.close());

  it('lists each model once, with its latest registration', async () => {
    const page = await get<ModelPage>(t, '/api/models?sort=name&pageSize=50');
    // 2 models in 2025 + 2 new in 2026; the continued one is the same model.
    expect(page.total).toBe(4);
    const hoaGiai = page.items.find((m) => m.name.includes('hòa giải') || m.name.includes('hoà giải'));
    expect(hoaGiai).toMatchObject({ year: 2026, status: 'continued', firstYear: 2025, field: 'defense_security' });
  });

  it('finds "hòa giải" written without diacritics, with old tone placement, and in capitals', async () => {
    for (const q of ['hoa giai', 'hoà giải', 'HÒA GIẢI', 'to hoa giai o co so']) {
      const page = await get<ModelPage>(t, `/api/models?q=${encodeURIComponent(q)}`);
      expect(page.total, q).toBe(1);
      expect(page.items[0]?.name, q).toMatch(/^Tổ (hòa|hoà) giải/);
    }
    const none = await get<ModelPage>(t, `/api/models?q=${encodeURIComponent('đông lai')}`);
    expect(none.total).toBe(0);
  });

  it('filters by field, status and year, and pages', async () => {
    const security = await get<ModelPage>(t, '/api/models?field=defense_security');
    expect(security.items.map((m) => m.name).sort()).toEqual(['Camera an ninh khu dân cư', expect.stringMatching(/^Tổ (hòa|hoà) giải/)]);
    const newIn2026 = await get<ModelPage>(t, '/api/models?year=2026&status=new');
    expect(newIn2026.total).toBe(2);
    const first = await get<ModelPage>(t, '/api/models?sort=name&order=asc&pageSize=1&page=1');
    const second = await get<ModelPage>(t, '/api/models?sort=name&order=asc&pageSize=1&page=2');
    expect(first.total).toBe(4);
    expect(first.items).toHaveLength(1);
    expect(second.items[0]?.id).not.toBe(first.items[0]?.id);
    // Folded name order: "camera…" < "dan van…" < "phu nu…" < "to hoa giai…"
    expect(first.items[0]?.name).toBe('Camera an ninh khu dân cư');
  });

  it('answers a bad filter with a Vietnamese 400', async () => {
    const response = await t.fetch(`/api/models?field=nong-nghiep`);
    expect(response.status).toBe(400);
    expect(JSON.stringify(await response.json())).toContain('không thuộc các giá trị cho phép');
  });

  it('shows a model across years with the file and cell of every value', async () => {
    const page = await get<ModelPage>(t, '/api/models?q=hoa%20giai');
    const detail = await get<ModelDetail>(t, `/api/models/${page.items[0]!.id}`);
    expect(detail.history.map((h) => [h.year, h.kind])).toEqual([[2025, 'registration'], [2026, 'registration']]);
    const name2026 = detail.history[1]!.values.find((v) => v.field === 'model_name')!;
    // Title (row 1), heading (2), blank (3), header (4), first model in row 5, column B.
    expect(name2026.source).toMatchObject({ fileName: 'dong-hoa-2026.xlsx', sheet: 'Đăng ký', row: 5, cell: 'B5' });
    const status2025 = detail.history[0]!.values.find((v) => v.field === 'status')!;
    expect(status2025.value).toBe('new');
    expect(status2025.source?.fileName).toBe('dong-hoa-2025.xlsx');
  });

  it('answers 404 in Vietnamese for a model that does not exist', async () => {
    const response = await t.fetch(`/api/models/999999`);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { message: string }).message).toBe('Không tìm thấy mô hình số 999999.');
  });
});
