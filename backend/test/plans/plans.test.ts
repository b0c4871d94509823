import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanEvaluation, PlanSubmissions, PlanSummary, PlanView, RuleResult } from '../../src/plans/plan.types.js';
import { U } from '../fixtures/province.js';
import type { TestApp } from '../support/test-app.js';
import { get, post, startWithFixture } from './support.js';

/** Result rows as [code, unit, status, actual, reason] for compact, exact comparison. */
const rows = (results: RuleResult[]) => results.map((r) => [r.ruleCode, r.unitName, r.status, r.actual, r.reason]);

describe('plans: the five seeds on the fixture province', () => {
  let t: TestApp;
  let plans: Record<string, number>;
  beforeAll(async () => {
    ({ t, plans } = await startWithFixture());
  });
  afterAll(async () => {
    await t.close();
  });

  it('imports the five seed plans and lists them', async () => {
    const { status, body } = await get<PlanSummary[]>(t, '/api/plans');
    expect(status).toBe(200);
    expect(body.map((p) => p.code).sort()).toEqual(['seed-000-2023', 'seed-001-2025', 'seed-002-2023', 'seed-003-2023', 'seed-004-2026']);
    const s004 = body.find((p) => p.code === 'seed-004-2026')!;
    // 5 rules; issues: the impossible date and the unresolved issuer ("Ban Thường vụ Đảng ủy xã" names no unit).
    expect(s004).toMatchObject({ year: 2026, rules: 5, issues: 2 });
    const only2023 = await get<PlanSummary[]>(t, '/api/plans?year=2023');
    expect(only2023.body.map((p) => p.code).sort()).toEqual(['seed-000-2023', 'seed-002-2023', 'seed-003-2023']);
  });

  it('keeps the impossible "31/11/2026" as written, with a null date, and reports it on the plan', async () => {
    const { body } = await get<PlanView>(t, `/api/plans/${plans['seed-004-2026']}`);
    const year = body.deadlines.find((d) => d.kind === 'year_report')!;
    expect(year).toMatchObject({ text: '31/11/2026', date: null });
    expect(body.deadlines.find((d) => d.kind === 'registration')).toMatchObject({ text: '10/02/2026', date: '2026-02-10' });
    const issue = body.issues.find((i) => i.code === 'INVALID_DATE')!;
    expect(issue.value).toBe('31/11/2026');
    expect(issue.message).toContain('tháng 11/2026 chỉ có 30 ngày');
    expect(body.issues.some((i) => i.code === 'ISSUER_UNRESOLVED')).toBe(true);
  });

  it('seed 004 (2026) for Xã An Bình: every rule shape with its hand-counted answer', async () => {
    const { status, body } = await get<PlanEvaluation>(t, `/api/plans/${plans['seed-004-2026']}/evaluation?unit=${U.anBinh}`);
    expect(status).toBe(200);
    expect(body.asOf).toBeNull();
    expect(rows(body.results)).toEqual([
      // 2026 files of the An Bình subtree that count: 12 (M1, M7, M11, M12, M13), 19 (M7 again), 20 (M11 again).
      // File 17 awaits review and file 18 is deleted: never counted. Distinct models: 5 ≥ 5.
      ['commune_models', 'Xã An Bình', 'met', 5, 'Đạt 5/5 mô hình'],
      // new: M11, M13; replicated: M12 → 3 ≥ 1.
      ['commune_new_or_replicated', 'Xã An Bình', 'met', 3, 'Đạt 3/1 mô hình mới hoặc nhân rộng'],
      // Party organisations under Đảng ủy xã An Bình: 33 (M7), 34 (none), 35 (M11), 36 (M12), 37 (none) → 3/5 = 60 % < 100 %.
      ['all_party_orgs_have_model', 'Xã An Bình', 'not_met', 60,
        '2/5 tổ chức đảng chưa có mô hình: Chi bộ Quân sự xã An Bình, Chi bộ Trường THCS An Bình (đạt 60%, chỉ tiêu 100%)'],
      // File 15: 3 collectives + 2 individuals = 5 < 7.
      ['exemplars', 'Xã An Bình', 'not_met', 5, 'Có 5/7 điển hình (tập thể và cá nhân), còn thiếu 2'],
      // New models M11 (launched 20/03/2026) and M13 (no launch date) → 1 of 2 launched.
      ['new_models_launched', 'Xã An Bình', 'not_met', 1, '1/2 mô hình mới chưa ra mắt: Mô hình AB5'],
    ]);
    expect(body.summary).toEqual({ met: 2, notMet: 3, noData: 0, total: 5 });
    expect(body.issues.map((i) => i.code)).toContain('INVALID_DATE');
  });

  it('seed 004 as of the registration deadline 10/02/2026: only files uploaded by then count', async () => {
    const { body } = await get<PlanEvaluation>(t, `/api/plans/${plans['seed-004-2026']}/evaluation?unit=${U.anBinh}&asOf=2026-02-10`);
    expect(body.asOf).toBe('2026-02-10');
    expect(rows(body.results)).toEqual([
      // Files 19 (05/02) and 12 (08/02) were in; file 20 (12/02) not yet: still M1, M7, M11, M12, M13.
      ['commune_models', 'Xã An Bình', 'met', 5, 'Đạt 5/5 mô hình'],
      ['commune_new_or_replicated', 'Xã An Bình', 'met', 3, 'Đạt 3/1 mô hình mới hoặc nhân rộng'],
      ['all_party_orgs_have_model', 'Xã An Bình', 'not_met', 60,
        '2/5 tổ chức đảng chưa có mô hình: Chi bộ Quân sự xã An Bình, Chi bộ Trường THCS An Bình (đạt 60%, chỉ tiêu 100%)'],
      // No exemplar list had arrived (file 15 came on 25/11/2026).
      ['exemplars', 'Xã An Bình', 'no_data', null, 'Chưa có danh sách điển hình năm 2026 đến ngày 10/02/2026'],
      // M11's launch (20/03/2026) is after 10/02/2026: neither new model had been launched.
      ['new_models_launched', 'Xã An Bình', 'not_met', 0, '2/2 mô hình mới chưa ra mắt: Mô hình AB3, Mô hình AB5'],
    ]);
  });

  it('the same answers from the files themselves (as of a later date) as from the derived tables (now)', async () => {
    for (const [code, unit] of [['seed-004-2026', U.anBinh], ['seed-003-2023', U.district], ['seed-001-2025', U.anBinh], ['seed-000-2023', U.district], ['seed-002-2023', U.anPhuPeople]] as const) {
      const now = await get<PlanEvaluation>(t, `/api/plans/${plans[code]}/evaluation?unit=${unit}`);
      const later = await get<PlanEvaluation>(t, `/api/plans/${plans[code]}/evaluation?unit=${unit}&asOf=2030-01-01`);
      // Identical but for the "as of" wording of a no-data reason.
      const plain = (r: RuleResult[]) => rows(r).map((x) => x.map((v) => (typeof v === 'string' ? v.replace(/ đến ngày \d\d\/\d\d\/\d{4}/, '') : v)));
      expect(plain(later.body.results)).toEqual(plain(now.body.results));
    }
  });

  it('seed 004 submissions: on time, late, missing, and the impossible year-report date', async () => {
    const { status, body } = await get<PlanSubmissions>(t, `/api/plans/${plans['seed-004-2026']}/submissions?unit=${U.anBinh}&asOf=2026-12-31`);
    expect(status).toBe(200);
    const reg = body.deadlines.find((d) => d.kind === 'registration')!;
    // Children of Đảng ủy xã An Bình: 33 sent file 19 on 05/02 (on time), 35 sent file 20 on 12/02 (2 days late), 34, 36, 37 sent nothing.
    expect(reg.rows.map((r) => [r.unitName, r.status, r.daysLate])).toEqual([
      ['Chi bộ Công an xã An Bình', 'on_time', null],
      ['Chi bộ Quân sự xã An Bình', 'missing', null],
      ['Chi bộ Trường THCS An Bình', 'missing', null],
      ['Chi bộ thôn An Phú', 'late', 2],
      ['Chi bộ thôn Bình Minh', 'missing', null],
    ]);
    expect(reg.counts).toMatchObject({ on_time: 1, late: 1, missing: 3 });
    // The commune itself: its subtree's first registration file is file 19 (05/02) ≤ 10/03 → on time.
    // Files sent: 12, 19, 20 and 17 (awaiting review still counts as sent; deleted 18 and other communes' files do not) = 4.
    expect(body.deadlines.find((d) => d.kind === 'registration_summary')!.rows[0]).toMatchObject({ unitName: 'Xã An Bình', status: 'on_time', files: 4 });
    // No H1 report (file 16 is FY) → missing.
    expect(body.deadlines.find((d) => d.kind === 'h1_report')!.rows[0]).toMatchObject({ status: 'missing', files: 0 });
    // The FY report arrived on 28/11, but "31/11/2026" does not exist: received, neither on time nor late.
    const year = body.deadlines.find((d) => d.kind === 'year_report')!;
    expect(year).toMatchObject({ text: '31/11/2026', date: null });
    expect(year.rows[0]).toMatchObject({ status: 'received', files: 1, firstUploadAt: '2026-11-28T02:00:00Z' });
    expect(year.issue).toContain('ngày không tồn tại');
    // Deadlines without a document (recognition) are not tracked as submissions.
    expect(body.deadlines.map((d) => d.kind)).toEqual(['registration', 'registration_summary', 'h1_report', 'year_report']);
    expect(body.chase.map((c) => [c.unitName, c.deadline])).toEqual([
      ['Chi bộ Quân sự xã An Bình', '10/02/2026'],
      ['Chi bộ Trường THCS An Bình', '10/02/2026'],
      ['Chi bộ thôn Bình Minh', '10/02/2026'],
      ['Xã An Bình', '30/06/2026'],
    ]);
  });

  it('submissions before a deadline are "not due" rather than missing', async () => {
    const { body } = await get<PlanSubmissions>(t, `/api/plans/${plans['seed-004-2026']}/submissions?unit=${U.anBinh}&asOf=2026-02-06`);
    const reg = body.deadlines.find((d) => d.kind === 'registration')!;
    expect(reg.counts).toMatchObject({ on_time: 1, not_due: 4, missing: 0 });
    expect(body.chase).toEqual([]);
  });

  it('seed 001 (2025, after the merger) for Xã An Bình: pre-merger records roll up; listed units not in the registry are said so', async () => {
    const { body } = await get<PlanEvaluation>(t, `/api/plans/${plans['seed-001-2025']}/evaluation?unit=${U.anBinh}`);
    expect(rows(body.results)).toEqual([
      // 2025: file 5 from Xã An Phú (predecessor): M1 continued, M6 new; file 6 from Xã An Bình: M1 (again), M7, M8, M5, M3 dropped.
      // Distinct, not dropped: M1, M6, M7, M8, M5 = 5 ≥ 3.
      ['commune_models', 'Xã An Bình', 'met', 5, 'Đạt 5/3 mô hình mới hoặc duy trì hoặc nhân rộng'],
      // "Chi bộ Công an" → Chi bộ Công an xã An Bình (M7 new); "Chi bộ Quân sự" → Chi bộ Quân sự xã An Bình (M5 continued).
      ['listed_party_org_models', 'Chi bộ Công an xã An Bình', 'met', 1, 'Đạt 1/1 mô hình mới hoặc duy trì hoặc nhân rộng'],
      ['listed_party_org_models', 'Chi bộ Quân sự xã An Bình', 'met', 1, 'Đạt 1/1 mô hình mới hoặc duy trì hoặc nhân rộng'],
      ...['Đảng ủy Các cơ quan đảng', 'Đảng ủy Ủy ban nhân dân xã', 'Đảng ủy Trung tâm Y tế', 'Đảng bộ Xí nghiệp Khai thác công trình thủy lợi',
        'Chi bộ Trường THPT Thanh Miện III', 'Chi bộ Trung tâm Giáo dục nghề nghiệp - Giáo dục thường xuyên'].map((name) =>
        ['listed_party_org_models', name, 'no_data', null, `Không tìm thấy "${name}" trong danh mục đơn vị; chưa đánh giá được`]),
    ]);
  });

  it('seed 002 (2023) for UBND xã An Phú: a recognised model; the two criteria no file shows stay "no data"', async () => {
    const { body } = await get<PlanEvaluation>(t, `/api/plans/${plans['seed-002-2023']}/evaluation?unit=${U.anPhuPeople}`);
    expect(rows(body.results)).toEqual([
      // M15 "Một cửa thân thiện", owned by UBND xã An Phú, recognised at commune level in file 3.
      ['collective_recognised_model', 'Ủy ban nhân dân xã An Phú', 'met', 1, 'Đạt 1/1 mô hình được công nhận cấp xã hoặc cấp huyện hoặc cấp tỉnh'],
      ['mass_work_rating', 'Ủy ban nhân dân xã An Phú', 'no_data', null, 'Tiêu chí cần xác nhận thủ công (dữ liệu không thể hiện): Kết quả công tác dân vận được xếp loại "hoàn thành tốt"'],
      ['exemplar_collective_conditions', 'Ủy ban nhân dân xã An Phú', 'no_data', null,
        'Tiêu chí cần xác nhận thủ công (dữ liệu không thể hiện): Đảng ủy xã đạt "trong sạch vững mạnh" và 10/10 làng đạt danh hiệu văn hóa'],
    ]);
  });

  it('seed 003 (2023) for Huyện Sơn Hà: per child unit, recognition at district level, recognition rate', async () => {
    const { body } = await get<PlanEvaluation>(t, `/api/plans/${plans['seed-003-2023']}/evaluation?unit=${U.district}`);
    expect(rows(body.results)).toEqual([
      // Children of kinds front / mass_organisation, in name order: Hội Nông dân huyện sent nothing; MTTQ huyện registered M16.
      ['front_and_mass_org_models', 'Hội Nông dân huyện Sơn Hà', 'no_data', null, 'Chưa có dữ liệu đăng ký mô hình năm 2023'],
      ['front_and_mass_org_models', 'Ủy ban MTTQ Việt Nam huyện Sơn Hà', 'met', 1, 'Đạt 1/1 mô hình'],
      // Đảng ủy Công an huyện Sơn Hà (child of Huyện ủy): M17 recognised at district level (file 3).
      ['listed_party_committee_district_recognition', 'Đảng ủy Công an huyện Sơn Hà', 'met', 1, 'Đạt 1/1 mô hình được công nhận cấp huyện'],
      ...['Đảng ủy Ban Chỉ huy quân sự huyện', 'Đảng ủy Khối cơ quan Nội chính', 'Đảng ủy Khối cơ quan Kinh tế', 'Đảng ủy Khối cơ quan Văn hóa - xã hội'].map((name) =>
        ['listed_party_committee_district_recognition', name, 'no_data', null, `Không tìm thấy "${name}" trong danh mục đơn vị; chưa đánh giá được`]),
      // Xã An Phú 2023: M1, M2, M3, M15 = 4 < 5; Xã Bình Minh: M4, M5 = 2 < 5.
      ['commune_models', 'Xã An Phú', 'not_met', 4, 'Đạt 4/5 mô hình, còn thiếu 1'],
      ['commune_models', 'Xã Bình Minh', 'not_met', 2, 'Đạt 2/5 mô hình, còn thiếu 3'],
      // An Phú: M1 (district) and M15 (commune) recognised of 4 = 50 %; Bình Minh: M4 of 2 = 50 %.
      ['commune_recognition_rate', 'Xã An Phú', 'met', 50, 'Công nhận 2/4 mô hình đăng ký (50%), chỉ tiêu 50%'],
      ['commune_recognition_rate', 'Xã Bình Minh', 'met', 50, 'Công nhận 1/2 mô hình đăng ký (50%), chỉ tiêu 50%'],
    ]);
  });

  it('seed 003 submissions: 25/02/2023 with Bình Minh 4 days late', async () => {
    const { body } = await get<PlanSubmissions>(t, `/api/plans/${plans['seed-003-2023']}/submissions?unit=${U.district}&asOf=2023-12-31`);
    const reg = body.deadlines.find((d) => d.kind === 'registration')!;
    expect(reg.rows.map((r) => [r.unitName, r.status, r.daysLate])).toEqual([
      ['Hội Nông dân huyện Sơn Hà', 'missing', null],
      ['Xã An Phú', 'on_time', null],
      ['Xã Bình Minh', 'late', 4],
      ['Ủy ban MTTQ Việt Nam huyện Sơn Hà', 'on_time', null],
    ]);
    // Nobody sent a year report by 25/10/2023.
    expect(body.deadlines.find((d) => d.kind === 'year_report')!.counts).toMatchObject({ missing: 4 });
    expect(body.chase).toHaveLength(5);
  });

  it('seed 000 (2023) for Huyện Sơn Hà: each commune ≥ 5, each grassroots party organisation ≥ 1', async () => {
    const { body } = await get<PlanEvaluation>(t, `/api/plans/${plans['seed-000-2023']}/evaluation?unit=${U.district}`);
    expect(rows(body.results)).toEqual([
      ['ward_commune_models', 'Xã An Phú', 'not_met', 4, 'Đạt 4/5 mô hình, còn thiếu 1'],
      ['ward_commune_models', 'Xã Bình Minh', 'not_met', 2, 'Đạt 2/5 mô hình, còn thiếu 3'],
      // Children of Huyện ủy Sơn Hà: only Đảng ủy Công an huyện (M17).
      ['grassroots_org_models', 'Đảng ủy Công an huyện Sơn Hà', 'met', 1, 'Đạt 1/1 mô hình'],
    ]);
  });

  it('asks for a unit when the plan names an issuer that is not in the registry', async () => {
    const { status, body } = await get<{ message: string }>(t, `/api/plans/${plans['seed-004-2026']}/evaluation`);
    expect(status).toBe(400);
    expect(body.message).toContain('chọn đơn vị');
  });
});

describe('plans: created and edited through the API', () => {
  let t: TestApp;
  beforeAll(async () => {
    ({ t } = await startWithFixture());
  });
  afterAll(async () => {
    await t.close();
  });

  const plan = {
    code: 'test-2026', year: 2026, title: 'Kế hoạch thử', issuer: 'Xã Đồng Tâm',
    deadlines: [{ kind: 'registration', text: '29/02/2026', document: 'registration', submitters: { type: 'self' } }],
    rules: [{ code: 'models', description: 'Ít nhất 2 mô hình', shape: 'model_count', params: { min: 2 } }],
  };

  it('creates a plan, resolves its issuer by name, and reports 29/02/2026 (not a leap year)', async () => {
    const { status, body } = await post<PlanView>(t, '/api/plans', plan);
    expect(status).toBe(201);
    expect(body).toMatchObject({ issuerUnitId: U.dongTam, issuerUnitName: 'Xã Đồng Tâm' });
    expect(body.deadlines[0]).toMatchObject({ text: '29/02/2026', date: null });
    expect(body.issues).toHaveLength(1);
    // Xã Đồng Tâm 2026: file 13 (M9); deleted file 18 does not count → 1 < 2.
    const evaluation = await get<PlanEvaluation>(t, `/api/plans/${body.id}/evaluation`);
    expect(rows(evaluation.body.results)).toEqual([['models', 'Xã Đồng Tâm', 'not_met', 1, 'Đạt 1/2 mô hình, còn thiếu 1']]);
    const again = await post<{ message: string }>(t, '/api/plans', plan);
    expect(again.status).toBe(409);
  });

  it('replaces a plan with PUT and deletes it', async () => {
    const created = await get<PlanSummary[]>(t, '/api/plans?year=2026');
    const id = created.body.find((p) => p.code === 'test-2026')!.id;
    const put = await post<PlanView>(t, `/api/plans/${id}`, { ...plan, rules: [{ ...plan.rules[0], params: { min: 1 } }] }, 'PUT');
    expect(put.status).toBe(200);
    const evaluation = await get<PlanEvaluation>(t, `/api/plans/${id}/evaluation`);
    expect(evaluation.body.results[0]).toMatchObject({ status: 'met', reason: 'Đạt 1/1 mô hình' });
    expect((await post(t, `/api/plans/${id}`, {}, 'DELETE')).status).toBe(200);
    expect((await get(t, `/api/plans/${id}`)).status).toBe(404);
  });

  it('refuses an invalid plan with every problem named in Vietnamese', async () => {
    const { status, body } = await post<{ message: string[] }>(t, '/api/plans', {
      year: 2026, title: 'Sai', deadlines: [{ kind: 'x', text: 'cuối tháng' }],
      rules: [{ code: 'a', description: 'a', shape: 'model_count', params: { min: -1 } }, { code: 'b', description: 'b', shape: 'unknown', params: {} }],
    });
    expect(status).toBe(400);
    expect(body.message).toEqual([
      'deadlines[0]: "text" phải là ngày như văn bản ghi, dạng DD/MM/YYYY',
      'rules[0].params.min: phải là số từ 0 đến 9007199254740991',
      'rules[1]: "shape" phải là một trong {model_count, child_share, recognition_rate, exemplar_count, launch_held, manual}',
    ]);
    const yaml = await post<{ message: string[] }>(t, '/api/plans/import', { content: 'year: [' });
    expect(yaml.status).toBe(400);
    expect(yaml.body.message[0]).toContain('Không đọc được tệp kế hoạch');
  });

  it('imports JSON as well as YAML, and re-importing the same code replaces the plan in place', async () => {
    const first = await post<PlanView>(t, '/api/plans/import', { content: JSON.stringify({ ...plan, code: 'json-2026' }) });
    expect(first.status).toBe(201);
    const second = await post<PlanView>(t, '/api/plans/import', { content: JSON.stringify({ ...plan, code: 'json-2026', title: 'Đã sửa' }) });
    expect(second.body).toMatchObject({ id: first.body.id, title: 'Đã sửa' });
  });
});
