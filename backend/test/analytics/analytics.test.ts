import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { tableFromIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildrenBreakdown, Distribution, Overview, QuotaFulfilment, RecognitionRates, Trends } from '../../src/analytics/analytics.types.js';
import { AnalyticsFacts } from '../../src/db/analytics-facts.js';
import { Database } from '../../src/db/database.js';
import type { PlanView } from '../../src/plans/plan.types.js';
import { U } from '../fixtures/province.js';
import { get, PLANS_DIR, post, startWithFixture } from '../plans/support.js';
import type { TestApp } from '../support/test-app.js';

/*
 * Hand counts on the fixture province (test/fixtures/province.ts). Only files
 * with status 'loaded' count: superseded 7, failed 11, needs_review 17 and
 * deleted 18 never do. Models are counted once however many rows name them.
 *
 * 2023: files 1 (M1 new E coll, M2 new D coll, M3 continued C indiv, M15 new P coll), 2 (M4 new E, M5 new P),
 *       21 (M16 new P), 22 (M17 new D) → 8 models: 7 new, 1 continued.
 *       Recognised (file 3): M1 district, M4 commune, M15 commune, M17 district → 4. Exemplars (file 4): 1 + 1.
 * 2025: files 5 (M1 continued, M6 new), 6 (M1 again, M7 new, M8 new, M5 continued, M3 dropped), 8 (M9 new, M10 new)
 *       → 7 models (M1 M6 M7 M8 M5 M9 M10): 5 new, 2 continued, 1 dropped (M3).
 *       Recognised (file 9): M1 commune, M7 province, M9 commune → 3. Exemplars (file 10): 2 collective + 1 individual.
 * 2026: files 12 (M1 cont, M7 cont, M11 new, M12 replicated, M13 new), 19 (M7), 20 (M11), 13 (M9 cont)
 *       → 6 models: 2 new, 3 continued, 1 replicated. Recognised (file 14): M1 commune, M11 commune, M12 province → 3.
 *       Exemplars (file 15): 3 collective + 2 individual.
 */
describe('analytics on the fixture province', () => {
  let t: TestApp;
  beforeAll(async () => {
    ({ t } = await startWithFixture());
    // A province plan for 2026: each commune ≥ 1 model; and seed 004 bound to Xã An Bình as its own plan.
    const province = await post<PlanView>(t, '/api/plans', {
      code: 'province-2026', year: 2026, title: 'Kế hoạch tỉnh 2026', issuerUnitId: U.province, deadlines: [],
      rules: [{ code: 'commune_models', description: 'Mỗi xã ít nhất 01 mô hình', shape: 'model_count', params: { target: { type: 'children', kinds: ['commune'] }, min: 1 } }],
    });
    expect(province.status).toBe(201);
    const seed004 = (await readFile(path.join(PLANS_DIR, 'seed-004-2026-dang-uy-xa.yaml'), 'utf8'))
      .replace('code: seed-004-2026', 'code: an-binh-2026').replace('issuer: Ban Thường vụ Đảng ủy xã', `issuerUnitId: ${U.anBinh}`);
    expect((await post(t, '/api/plans/import', { content: seed004 })).status).toBe(201);
  });
  afterAll(async () => {
    await t.close();
  });

  it('overview of the province in 2026', async () => {
    const { status, body } = await get<Overview>(t, `/api/analytics/overview?unit=${U.province}&year=2026`);
    expect(status).toBe(200);
    expect(body.unit).toEqual({ id: 1, name: 'Tỉnh Kiểm Thử', kind: 'province', level: 'province' });
    expect(body.years).toEqual([2023, 2025, 2026]);
    expect(body.kpis).toEqual({
      registered: 6, new: 2, continued: 3, replicated: 1, dropped: 0,
      recognized: { commune: 2, district: 0, province: 1, total: 3 },
      recognitionRate: 0.5, // 3 / 6
      exemplars: { collective: 3, individual: 2, total: 5 },
    });
    // Xã Đồng Tâm: province plan met (1 ≥ 1) → all met. Xã An Bình: province plan met, its own plan (seed 004) 2 met, 3 not met.
    expect(body.quotas).toEqual({ unitsEvaluated: 2, unitsMeetingAll: 1, unitsNotMeeting: 1, unitsNoData: 0, plans: 2 });
    expect(body.structure.mode).toBe('year');
  });

  it('overview defaults to the top unit and the latest year, and says which pre-merger units a merged commune includes', async () => {
    expect((await get<Overview>(t, '/api/analytics/overview')).body).toMatchObject({ unit: { id: 1 }, year: 2026 });
    const { body } = await get<Overview>(t, `/api/analytics/overview?unit=${U.anBinh}&year=2025`);
    // 2025 for Xã An Bình with its predecessors: M1, M6 (file 5, Xã An Phú) + M7, M8, M5 (file 6); M3 dropped.
    expect(body.kpis).toEqual({
      registered: 5, new: 3, continued: 2, replicated: 0, dropped: 1,
      recognized: { commune: 1, district: 0, province: 1, total: 2 }, // M1 commune, M7 province
      recognitionRate: 0.4,
      exemplars: { collective: 2, individual: 1, total: 3 },
    });
    expect(body.structure.rolledUp.map((u) => u.name)).toEqual(['Xã An Phú', 'Xã Bình Minh']);
    expect(body.structure.note).toContain('Xã An Phú, Xã Bình Minh');
  });

  it('children of the province in 2026 (drill-down)', async () => {
    const { body } = await get<ChildrenBreakdown>(t, `/api/analytics/children?unit=${U.province}&year=2026`);
    expect(body.rows).toEqual([
      // An Bình: M1, M7, M11, M12, M13; recognised M1, M11, M12 → 3/5.
      { unitId: 30, unitName: 'Xã An Bình', kind: 'commune', level: 'commune', hasChildren: true, registered: 5, new: 2, continued: 2, replicated: 1, recognized: 3, recognitionRate: 0.6, exemplars: 5 },
      // Đồng Tâm: M9 continued, recognised in 2025 but not in 2026.
      { unitId: 40, unitName: 'Xã Đồng Tâm', kind: 'commune', level: 'commune', hasChildren: true, registered: 1, new: 0, continued: 1, replicated: 0, recognized: 0, recognitionRate: 0, exemplars: 0 },
    ]);
  });

  it('children of the province in 2025: the year\'s own structure, or today\'s with the rollup', async () => {
    const year = await get<ChildrenBreakdown>(t, `/api/analytics/children?unit=${U.province}&year=2025`);
    expect(year.body.structure.mode).toBe('year');
    // The district existed until 30/06/2025 and keeps, by parent links, what Xã An Phú registered in January–June (file 5).
    // A model counts once a year, under the unit of its latest registration: M1 was registered again by Xã An Bình
    // (file 6, August), so it counts there; the district keeps M6. The groups sum to the province's 7.
    expect(year.body.rows.map((r) => [r.unitName, r.registered, r.new, r.continued, r.recognized, r.exemplars])).toEqual([
      ['Huyện Sơn Hà', 1, 1, 0, 0, 0], // M6
      ['Xã An Bình', 4, 2, 2, 2, 3], // M1, M7, M8, M5 (M3 dropped); M1, M7 recognised
      ['Xã Đồng Tâm', 2, 2, 0, 1, 0], // M9, M10; M9 recognised
    ]);
    const current = await get<ChildrenBreakdown>(t, `/api/analytics/children?unit=${U.province}&year=2025&structure=current`);
    expect(current.body.structure.mode).toBe('current');
    expect(current.body.rows.map((r) => [r.unitName, r.registered, r.new, r.continued, r.recognized, r.exemplars])).toEqual([
      ['Xã An Bình', 5, 3, 2, 2, 3], // + M6 of Xã An Phú rolled up
      ['Xã Đồng Tâm', 2, 2, 0, 1, 0],
    ]);
  });

  it('quota fulfilment per child unit, from the province plan and the child\'s own plan', async () => {
    const { body } = await get<QuotaFulfilment>(t, `/api/analytics/quota-fulfilment?unit=${U.province}&year=2026`);
    expect(body.plans.map((p) => p.code)).toEqual(['province-2026', 'an-binh-2026']);
    expect(body.units).toEqual([
      { unitId: 30, unitName: 'Xã An Bình', allMet: false, met: 3, notMet: 3, noData: 0 },
      { unitId: 40, unitName: 'Xã Đồng Tâm', allMet: true, met: 1, notMet: 0, noData: 0 },
    ]);
    expect(body.rows.map((r) => [r.unitName, r.ruleCode, r.status, r.reason])).toEqual([
      ['Xã An Bình', 'commune_models', 'met', 'Đạt 5/1 mô hình'],
      ['Xã Đồng Tâm', 'commune_models', 'met', 'Đạt 1/1 mô hình'],
      ['Xã An Bình', 'commune_models', 'met', 'Đạt 5/5 mô hình'],
      ['Xã An Bình', 'commune_new_or_replicated', 'met', 'Đạt 3/1 mô hình mới hoặc nhân rộng'],
      ['Xã An Bình', 'all_party_orgs_have_model', 'not_met', '2/5 tổ chức đảng chưa có mô hình: Chi bộ Quân sự xã An Bình, Chi bộ Trường THCS An Bình (đạt 60%, chỉ tiêu 100%)'],
      ['Xã An Bình', 'exemplars', 'not_met', 'Có 5/7 điển hình (tập thể và cá nhân), còn thiếu 2'],
      ['Xã An Bình', 'new_models_launched', 'not_met', '1/2 mô hình mới chưa ra mắt: Mô hình AB5'],
    ]);
    expect(body.summary).toEqual({ unitsEvaluated: 2, unitsMeetingAll: 1, unitsNotMeeting: 1, unitsNoData: 0, plans: 2 });
  });

  it('trends of the province 2023–2026, totals', async () => {
    const { body } = await get<Trends>(t, `/api/analytics/trends?unit=${U.province}&from=2023&to=2026`);
    expect(body.structure.mode).toBe('current');
    expect(body.rows.map((r) => [r.year, r.registered, r.new, r.continued, r.replicated, r.recognized, r.recognitionRate, r.exemplars])).toEqual([
      [2023, 8, 7, 1, 0, 4, 0.5, 2],
      [2024, 0, 0, 0, 0, 0, null, 0],
      [2025, 7, 5, 2, 0, 3, 3 / 7, 3],
      [2026, 6, 2, 3, 1, 3, 0.5, 5],
    ]);
  });

  it('trends per commune across the merger: pre-merger communes rolled up into Xã An Bình', async () => {
    const { body } = await get<Trends>(t, `/api/analytics/trends?unit=${U.province}&from=2023&to=2026&by=children`);
    expect(body.structure).toMatchObject({ mode: 'current' });
    // 2023 for Xã An Bình = Xã An Phú (M1, M2, M3, M15) + Xã Bình Minh (M4, M5) = 6; recognised M1, M4, M15.
    // The district's own units (MTTQ, Công an huyện: M16, M17) have no successor and are not in any commune.
    expect(body.rows.map((r) => [r.unitName, r.year, r.registered, r.recognized, r.exemplars])).toEqual([
      ['Xã An Bình', 2023, 6, 3, 2],
      ['Xã An Bình', 2024, 0, 0, 0],
      ['Xã An Bình', 2025, 5, 2, 3],
      ['Xã An Bình', 2026, 5, 3, 5],
      ['Xã Đồng Tâm', 2023, 0, 0, 0],
      ['Xã Đồng Tâm', 2024, 0, 0, 0],
      ['Xã Đồng Tâm', 2025, 2, 1, 0],
      ['Xã Đồng Tâm', 2026, 1, 0, 0],
    ]);
    const asWas = await get<Trends>(t, `/api/analytics/trends?unit=${U.province}&from=2023&to=2023&by=children&structure=year`);
    expect(asWas.body.structure.mode).toBe('year');
    // In 2023's own structure the province had one child: Huyện Sơn Hà, with all 8 models.
    expect(asWas.body.rows.map((r) => [r.unitName, r.year, r.registered])).toEqual([['Huyện Sơn Hà', 2023, 8]]);
  });

  it('recognition rate by commune, level and year', async () => {
    const { body } = await get<RecognitionRates>(t, `/api/analytics/recognition?unit=${U.province}&from=2025&to=2026&by=children`);
    expect(body.rows).toEqual([
      { unitId: 30, unitName: 'Xã An Bình', year: 2025, registered: 5, recognized: 2, recognizedCommune: 1, recognizedDistrict: 0, recognizedProvince: 1, rate: 0.4 },
      { unitId: 30, unitName: 'Xã An Bình', year: 2026, registered: 5, recognized: 3, recognizedCommune: 2, recognizedDistrict: 0, recognizedProvince: 1, rate: 0.6 },
      { unitId: 40, unitName: 'Xã Đồng Tâm', year: 2025, registered: 2, recognized: 1, recognizedCommune: 1, recognizedDistrict: 0, recognizedProvince: 0, rate: 0.5 },
      { unitId: 40, unitName: 'Xã Đồng Tâm', year: 2026, registered: 1, recognized: 0, recognizedCommune: 0, recognizedDistrict: 0, recognizedProvince: 0, rate: 0 },
    ]);
  });

  it('distribution by field, status and owner type', async () => {
    const { body } = await get<Distribution>(t, `/api/analytics/distribution?unit=${U.province}&year=2026`);
    // M1 E, M7 D, M11 E, M12 C, M13 P, M9 E; owners: M12 individual, the rest collective.
    expect(body.rows.map((r) => [r.dimension, r.key, r.label, r.models])).toEqual([
      ['field', 'economy', 'Kinh tế', 3],
      ['field', 'culture_society', 'Văn hóa - xã hội', 1],
      ['field', 'defense_security', 'Quốc phòng - an ninh, dân tộc - tôn giáo', 1],
      ['field', 'political_system', 'Xây dựng hệ thống chính trị', 1],
      ['owner_type', 'collective', 'Tập thể', 5],
      ['owner_type', 'individual', 'Cá nhân', 1],
      ['status', 'continued', 'Duy trì', 3],
      ['status', 'new', 'Mới', 2],
      ['status', 'replicated', 'Nhân rộng', 1],
    ]);
    expect(body.rows[0]!.share).toBe(0.5);
    // 2025: the dropped M3 shows under status only.
    const y2025 = await get<Distribution>(t, `/api/analytics/distribution?unit=${U.province}&year=2025`);
    expect(y2025.body.rows.filter((r) => r.dimension === 'status').map((r) => [r.key, r.models])).toEqual([['new', 5], ['continued', 2], ['dropped', 1]]);
    expect(y2025.body.rows.filter((r) => r.dimension === 'field').map((r) => [r.key, r.models])).toEqual([
      ['economy', 3], ['culture_society', 2], ['defense_security', 1], ['political_system', 1],
    ]);
  });

  it('sends larger answers gzip-compressed to clients that accept it, the same answer once unpacked', async () => {
    const url = `/api/analytics/quota-fulfilment?unit=${U.province}&year=2026`;
    const plain = await t.fetch(url, { headers: { 'accept-encoding': 'identity' } });
    const packed = await t.fetch(url, { headers: { 'accept-encoding': 'gzip, deflate' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(packed.headers.get('content-encoding')).toBe('gzip');
    expect(packed.headers.get('vary')).toMatch(/Accept-Encoding/);
    const [plainText, packedText] = [await plain.text(), await packed.text()];
    expect(Buffer.byteLength(plainText)).toBeGreaterThan(1024);
    // fetch unpacks the body; the length on the wire is the compressed one.
    expect(Number(packed.headers.get('content-length'))).toBeLessThan(Buffer.byteLength(packedText));
    expect(JSON.parse(packedText)).toEqual(JSON.parse(plainText));
    // A small answer is sent as it is.
    const small = await t.fetch(`/api/analytics/distribution?unit=${U.dongTam}&year=2026`, { headers: { 'accept-encoding': 'gzip' } });
    expect(small.status).toBe(200);
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(Buffer.byteLength(await small.text())).toBeLessThan(1024);
  });

  it('answers in Apache Arrow IPC when asked, with the rest of the answer in the metadata', async () => {
    const response = await t.fetch(`/api/analytics/children?unit=${U.province}&year=2026`, { headers: { accept: 'application/vnd.apache.arrow.stream' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/vnd.apache.arrow.stream');
    const table = tableFromIPC(new Uint8Array(await response.arrayBuffer()));
    expect(table.numRows).toBe(2);
    expect(table.getChild('unitName')!.toArray()).toEqual(['Xã An Bình', 'Xã Đồng Tâm']);
    expect(Array.from(table.getChild('registered')!.toArray() as Float64Array)).toEqual([5, 1]);
    const meta = JSON.parse(table.schema.metadata.get('dvk')!);
    expect(meta).toMatchObject({ unit: { id: 1 }, year: 2026, structure: { mode: 'year' } });
  });

  it('refuses bad parameters in Vietnamese and answers 404 for an unknown unit', async () => {
    const bad = await get<{ message: string[] }>(t, '/api/analytics/overview?year=abc&structure=x');
    expect(bad.status).toBe(400);
    expect(bad.body.message).toEqual(expect.arrayContaining(['"year" phải là số nguyên', '"structure" không thuộc các giá trị cho phép']));
    const missing = await get<{ message: string }>(t, '/api/analytics/overview?unit=999');
    expect(missing.status).toBe(404);
    expect(missing.body.message).toBe('Không có đơn vị mã 999');
    const range = await get<{ message: string }>(t, '/api/analytics/trends?from=2026&to=2023');
    expect(range.status).toBe(400);
  });
  // Last: it adds records.
  it('picks up new records: at once after invalidate(), else within a second', async () => {
    const db = t.app.get(Database).db;
    const addFile = async (id: number, model: number) => {
      await db.insertInto('source_file').values({
        id, sha256: `new-${id}`, file_name: `moi-${id}.xlsx`, size_bytes: 1, kind: 'registration', year: 2026, unit_id: U.dongTam, status: 'loaded',
      }).execute();
      await db.insertInto('registration').values({
        source_file_id: id, year: 2026, unit_id: U.dongTam, model_id: model, model_name: `Mô hình ${model}`, owner_unit_id: U.dongTamFarmers,
        status: 'new', source: JSON.stringify({ row: 2 }),
      }).execute();
    };
    const registered = async () => (await get<Overview>(t, `/api/analytics/overview?unit=${U.province}&year=2026`)).body.kpis.registered;
    expect(await registered()).toBe(6);
    await addFile(90, 20);
    t.app.get(AnalyticsFacts).invalidate();
    expect(await registered()).toBe(7); // 6 + M20
    await addFile(91, 21);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await registered()).toBe(8); // + M21, seen by the next comparison
  });
});
