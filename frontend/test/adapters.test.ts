import { describe, expect, it } from 'vitest';
import type { ChildrenBreakdown, Distribution, Overview, QuotaFulfilment, Trends } from '../src/lib/api/wire-types';
import { toOverview, toTrend } from '../src/lib/api/analytics';
import { toReviewItem } from '../src/lib/api/review';
import { toJob } from '../src/lib/api/uploads';

const unit = { id: 1, name: 'Tỉnh Hải Đông', kind: 'province', level: 'province' };
const structure = { mode: 'year' as const, referenceDate: null, rolledUp: [], note: 'Theo cơ cấu đơn vị năm 2026.' };

describe('analytics adapters', () => {
  it('joins overview, children, quotas and distribution into one view', () => {
    const o: Overview = {
      unit, year: 2026, years: [2024, 2025, 2026], structure,
      kpis: { registered: 65, new: 15, continued: 32, replicated: 18, dropped: 0, recognized: { commune: 3, district: 0, province: 1, total: 4 }, recognitionRate: 4 / 65, exemplars: { collective: 4, individual: 3, total: 7 } },
      quotas: { unitsEvaluated: 3, unitsMeetingAll: 1, unitsNotMeeting: 1, unitsNoData: 1, plans: 1 },
    };
    const children: ChildrenBreakdown = {
      unit, year: 2026, structure,
      rows: [
        { unitId: 10, unitName: 'Xã Đông Hòa', kind: 'commune', level: 'commune', hasChildren: true, registered: 12, new: 1, continued: 7, replicated: 4, recognized: 2, recognitionRate: 2 / 12, exemplars: 7 },
        { unitId: 11, unitName: 'Xã Tân Lai', kind: 'commune', level: 'commune', hasChildren: true, registered: 45, new: 12, continued: 21, replicated: 12, recognized: 2, recognitionRate: 2 / 45, exemplars: 0 },
      ],
    };
    const quotas: QuotaFulfilment = {
      unit, year: 2026, plans: [{ id: 3, code: 'KH-2026', title: 'Kế hoạch 2026', issuerUnitId: 1 }],
      units: [{ unitId: 10, unitName: 'Xã Đông Hòa', allMet: false, met: 0, notMet: 1, noData: 0 }],
      rows: [
        { unitId: 10, unitName: 'Xã Đông Hòa', planId: 3, ruleId: 7, ruleCode: 'r1', description: 'Mỗi xã ≥ 5 mô hình', status: 'not_met', actual: 3, target: 5, measure: 'models', reason: 'Đạt 3/5 mô hình, còn thiếu 2' },
        { unitId: 1, unitName: 'Tỉnh Hải Đông', planId: 3, ruleId: 8, ruleCode: 'r2', description: '100 % xã có mô hình', status: 'met', actual: 100, target: 100, measure: 'percent', reason: 'Đạt 3/3 xã' },
      ],
      summary: o.quotas,
    };
    const dist: Distribution = {
      unit, year: 2026,
      rows: [
        { dimension: 'field', key: 'economy', label: 'Kinh tế', models: 18, share: 0.28 },
        { dimension: 'status', key: 'new', label: 'Mới', models: 15, share: 0.23 },
        { dimension: 'owner_type', key: 'individual', label: 'Cá nhân', models: 3, share: 0.05 },
      ],
    };
    const view = toOverview(o, children, quotas, dist);
    expect(view.kpis).toMatchObject({ registered: 65, unitsMeetingAll: 1, unitsEvaluated: 3 });
    expect(view.children[0]).toMatchObject({ unitId: 10, allMet: false, hasChildren: true });
    expect(view.children[0]!.quotas[0]!.reason).toBe('Đạt 3/5 mô hình, còn thiếu 2');
    expect(view.children[1]).toMatchObject({ allMet: null, quotas: [] });
    expect(view.quotas.map((q) => q.description)).toEqual(['100 % xã có mô hình']);
    expect(view.byField).toEqual([{ field: 'economy', registered: 18 }]);
    expect(view.byStatus).toEqual([{ key: 'new', count: 15 }]);
    expect(view.byOwnerType).toEqual([{ key: 'individual', count: 3 }]);
  });

  it('marks pre-merger years as rolled up only when the server rolled them up', () => {
    const rows = [2024, 2025, 2026].map((year) => ({ year, unitId: 10, unitName: 'Xã Đông Hòa', registered: 5, new: 1, continued: 3, replicated: 1, recognized: 2, recognitionRate: 0.4, exemplars: 1 }));
    const rolled: Trends = { unit, from: 2024, to: 2026, by: 'total', structure: { mode: 'current', referenceDate: '2026-11-25', rolledUp: [{ id: 2, name: 'Xã Đông La' }], note: 'Cộng dồn' }, rows };
    expect(toTrend(rolled).points.map((p) => p.rolledUp)).toEqual([true, true, false]);
    expect(toTrend({ ...rolled, structure }).points.every((p) => !p.rolledUp)).toBe(true);
  });
});

describe('ingest adapters', () => {
  it('maps a job and its failure messages', () => {
    const job = toJob({ id: 1, fileName: 'a.xlsx', sizeBytes: 10, state: 'failed', progress: 100, message: 'Không đọc được tệp', errors: [{ code: 'corrupt', message: 'Tệp hỏng', sheet: null, row: null }], sourceFileId: null, duplicate: false, records: 0, reviewItems: 0 });
    expect(job).toMatchObject({ state: 'failed', recordCount: 0, issues: [{ severity: 'error', code: 'corrupt', message: 'Tệp hỏng' }] });
  });

  it('turns review items into the action a person takes', () => {
    const owner = toReviewItem({ id: 5, fileId: 2, fileName: 'ds.xlsx', recordType: 'registration', reason: 'unresolved_owner', message: 'Chủ thể “CB Quân sự” chưa khớp', detail: { text: 'CB Quân sự', suggestions: [{ unitId: 40, name: 'Chi bộ Quân sự xã Đông Hòa', score: 0.9 }] }, state: 'open', record: { owner: 'CB Quân sự', source: { sheet: 'DS', row: 9, cells: { owner: 'D9' } } } });
    expect(owner).toMatchObject({ action: 'choose_unit', field: 'owner', value: 'CB Quân sự', candidates: [{ id: 40, label: 'Chi bộ Quân sự xã Đông Hòa' }], source: { sheet: 'DS', row: 9, cell: 'D9' } });
    const field = toReviewItem({ id: 6, fileId: 2, fileName: 'ds.xlsx', recordType: 'registration', reason: 'field_inferred', message: 'Lĩnh vực suy ra', detail: { field: 'economy', model_name: 'OCOP' }, state: 'open', record: { field: 'economy', model_name: 'OCOP' } });
    expect(field).toMatchObject({ action: 'edit', field: 'field', value: 'economy', recordFields: ['model_name', 'field'] });
  });
});
