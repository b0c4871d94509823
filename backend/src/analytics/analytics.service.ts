import { BadRequestException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { today, type ScopeSpec, type Structure } from '../db/unit-scope.js';
import { PlansService } from '../plans/plans.service.js';
import type { RuleResult } from '../plans/plan.types.js';
import { AnalyticsMemo } from './analytics-memo.js';
import { AnalyticsRepository, type KpiRow } from './analytics.repository.js';
import type {
  ChildrenBreakdown, Distribution, DistributionItem, FulfilmentRow, FulfilmentUnit, Kpis, Overview, QuotaFulfilment,
  RecognitionRates, StructureInfo, Trends, UnitRef,
} from './analytics.types.js';

const LABELS: Record<string, Record<string, string>> = {
  field: { economy: 'Kinh tế', culture_society: 'Văn hóa - xã hội', defense_security: 'Quốc phòng - an ninh, dân tộc - tôn giáo', political_system: 'Xây dựng hệ thống chính trị' },
  status: { new: 'Mới', continued: 'Duy trì', replicated: 'Nhân rộng', dropped: 'Loại bỏ' },
  owner_type: { collective: 'Tập thể', individual: 'Cá nhân' },
};

const rate = (num: number, den: number) => (den > 0 ? num / den : null);

/**
 * The dashboard's answers: KPIs, breakdowns per child unit, quota
 * fulfilment, recognition rates, distributions and trends. Rules only; the
 * counting is AnalyticsRepository's (DuckDB), the quotas PlansService's.
 */
@Injectable()
export class AnalyticsService {
  private readonly memo = new AnalyticsMemo();

  constructor(
    @Inject(AnalyticsRepository) private readonly repository: AnalyticsRepository,
    @Inject(PlansService) private readonly plans: PlansService,
  ) {}

  /** The answer for these parameters, reused while the unit's data, the plans and the day are the same. */
  private async memoised<T>(name: string, q: { unit?: number }, compute: () => Promise<T>): Promise<T> {
    const data = await this.repository.dataVersion();
    const unit = q.unit ?? null;
    return this.memo.get(`${name}:${JSON.stringify(q)}`, `${this.plans.revision}:${today()}`, data, (since) => this.repository.unchangedSince(since, unit), compute);
  }

  overview(q: { unit?: number; year?: number; structure?: Structure }): Promise<Overview> {
    return this.memoised('overview', q, () => this.computeOverview(q));
  }

  children(q: { unit?: number; year?: number; structure?: Structure }): Promise<ChildrenBreakdown> {
    return this.memoised('children', q, () => this.computeChildren(q));
  }

  quotaFulfilment(q: { unit?: number; year?: number }): Promise<QuotaFulfilment> {
    return this.memoised('fulfilment', q, () => this.computeQuotaFulfilment(q));
  }

  recognition(q: { unit?: number; from?: number; to?: number; structure?: Structure; by?: 'total' | 'children' }): Promise<RecognitionRates> {
    return this.memoised('recognition', q, () => this.computeRecognition(q));
  }

  trends(q: { unit?: number; from?: number; to?: number; structure?: Structure; by?: 'total' | 'children' }): Promise<Trends> {
    return this.memoised('trends', q, () => this.computeTrends(q));
  }

  distribution(q: { unit?: number; year?: number }): Promise<Distribution> {
    return this.memoised('distribution', q, () => this.computeDistribution(q));
  }

  private async computeOverview(q: { unit?: number; year?: number; structure?: Structure }): Promise<Overview> {
    const unit = await this.unit(q.unit);
    const years = await this.repository.years(unit.id);
    const year = q.year ?? years.at(-1) ?? new Date().getFullYear();
    const [row] = await this.repository.kpis({ kind: 'roots', roots: [unit.id] }, [year]);
    const fulfilment = await this.quotaFulfilment({ unit: unit.id, year });
    return {
      unit, year, years,
      structure: await this.structure(unit, q.structure ?? 'year', year),
      kpis: kpis(row),
      quotas: fulfilment.summary,
    };
  }

  private async computeChildren(q: { unit?: number; year?: number; structure?: Structure }): Promise<ChildrenBreakdown> {
    const unit = await this.unit(q.unit);
    const year = q.year ?? (await this.latestYear(unit.id));
    const mode = q.structure ?? 'year';
    const ref = referenceDate(mode, year);
    const groups = await this.repository.groups(unit.id, year, mode, ref ?? undefined);
    const rows = byGroup(await this.repository.kpis(childSpec(unit.id, year, mode, ref), [year]));
    return {
      unit, year,
      structure: await this.structure(unit, mode, year),
      rows: groups.map((g) => {
        const k = rows.get(`${g.id}:${year}`);
        return {
          unitId: g.id, unitName: g.name, kind: g.kind, level: g.level, hasChildren: Boolean(g.has_children),
          registered: k?.registered ?? 0, new: k?.new ?? 0, continued: k?.continued ?? 0, replicated: k?.replicated ?? 0,
          recognized: k?.recognised ?? 0, recognitionRate: rate(k?.recognised ?? 0, k?.registered ?? 0), exemplars: k?.exemplars ?? 0,
        };
      }),
    };
  }

  /**
   * Each child unit against the quotas of the year: rules of plans issued by
   * the unit that target that child, and every rule of plans the child issued.
   */
  private async computeQuotaFulfilment(q: { unit?: number; year?: number }): Promise<QuotaFulfilment> {
    const unit = await this.unit(q.unit);
    const year = q.year ?? (await this.latestYear(unit.id));
    const groups = await this.repository.groups(unit.id, year, 'year');
    const issued = await this.plans.plansIssuedBy([unit.id, ...groups.map((g) => g.id)], year);
    const rows: FulfilmentRow[] = [];
    const add = (planId: number, results: RuleResult[]) => {
      for (const r of results) {
        rows.push({
          unitId: r.unitId, unitName: r.unitName, planId, ruleId: r.ruleId, ruleCode: r.ruleCode, description: r.description,
          status: r.status, actual: r.actual, target: r.target, measure: r.measure, reason: r.reason,
        });
      }
    };
    const childIds = new Set(groups.map((g) => g.id));
    for (const plan of issued.filter((p) => p.issuer_unit_id === unit.id)) {
      const results = await this.plans.evaluatePlans([plan.id], unit, year);
      add(plan.id, results.filter((r) => r.unitId !== null && childIds.has(r.unitId)));
    }
    for (const plan of issued.filter((p) => p.issuer_unit_id !== unit.id)) {
      const child = groups.find((g) => g.id === plan.issuer_unit_id)!;
      add(plan.id, await this.plans.evaluatePlans([plan.id], child, year));
    }
    const units: FulfilmentUnit[] = groups.map((g) => {
      const mine = rows.filter((r) => r.unitId === g.id);
      const met = mine.filter((r) => r.status === 'met').length;
      const notMet = mine.filter((r) => r.status === 'not_met').length;
      const noData = mine.filter((r) => r.status === 'no_data').length;
      const allMet = mine.length === 0 ? null : notMet > 0 ? false : noData > 0 ? null : true;
      return { unitId: g.id, unitName: g.name, allMet, met, notMet, noData };
    });
    const evaluated = units.filter((u) => u.met + u.notMet + u.noData > 0);
    return {
      unit, year,
      plans: issued.map((p) => ({ id: p.id, code: p.code, title: p.title, issuerUnitId: p.issuer_unit_id })),
      units, rows,
      summary: {
        unitsEvaluated: evaluated.length,
        unitsMeetingAll: evaluated.filter((u) => u.allMet === true).length,
        unitsNotMeeting: evaluated.filter((u) => u.allMet === false).length,
        unitsNoData: evaluated.filter((u) => u.allMet === null).length,
        plans: issued.length,
      },
    };
  }

  private async computeRecognition(q: { unit?: number; from?: number; to?: number; structure?: Structure; by?: 'total' | 'children' }): Promise<RecognitionRates> {
    const { unit, from, to, by, mode, series } = await this.series(q);
    return {
      unit, from, to, by, structure: await this.structure(unit, mode, to),
      rows: series.map(({ group, k, year }) => ({
        unitId: group.id, unitName: group.name, year,
        registered: k?.registered ?? 0, recognized: k?.recognised ?? 0,
        recognizedCommune: k?.recognised_commune ?? 0, recognizedDistrict: k?.recognised_district ?? 0, recognizedProvince: k?.recognised_province ?? 0,
        rate: rate(k?.recognised ?? 0, k?.registered ?? 0),
      })),
    };
  }

  private async computeTrends(q: { unit?: number; from?: number; to?: number; structure?: Structure; by?: 'total' | 'children' }): Promise<Trends> {
    const { unit, from, to, by, mode, series } = await this.series(q);
    return {
      unit, from, to, by, structure: await this.structure(unit, mode, to),
      rows: series.map(({ group, k, year }) => ({
        year, unitId: group.id, unitName: group.name,
        registered: k?.registered ?? 0, new: k?.new ?? 0, continued: k?.continued ?? 0, replicated: k?.replicated ?? 0,
        recognized: k?.recognised ?? 0, recognitionRate: rate(k?.recognised ?? 0, k?.registered ?? 0), exemplars: k?.exemplars ?? 0,
      })),
    };
  }

  private async computeDistribution(q: { unit?: number; year?: number }): Promise<Distribution> {
    const unit = await this.unit(q.unit);
    const year = q.year ?? (await this.latestYear(unit.id));
    const raw = await this.repository.distribution(unit.id, year);
    const totals = new Map<string, number>();
    for (const r of raw) totals.set(r.dimension, (totals.get(r.dimension) ?? 0) + r.models);
    const rows: DistributionItem[] = raw.map((r) => ({
      dimension: r.dimension, key: r.key, label: r.key === null ? 'Chưa rõ' : (LABELS[r.dimension]?.[r.key] ?? r.key),
      models: r.models, share: r.models / (totals.get(r.dimension) || 1),
    }));
    return { unit, year, rows };
  }

  // ---------------------------------------------------------------- helpers

  /** KPI rows per year for the unit, or per child unit (grouped by the chosen structure). */
  private async series(q: { unit?: number; from?: number; to?: number; structure?: Structure; by?: 'total' | 'children' }) {
    const unit = await this.unit(q.unit);
    const known = await this.repository.years(unit.id);
    const to = q.to ?? known.at(-1) ?? new Date().getFullYear();
    const from = q.from ?? known[0] ?? to;
    if (from > to) throw new BadRequestException({ statusCode: 400, message: `"from" (${from}) phải nhỏ hơn hoặc bằng "to" (${to})` });
    if (to - from > 30) throw new BadRequestException({ statusCode: 400, message: 'Khoảng năm quá dài (tối đa 30 năm)' });
    const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const by = q.by ?? 'total';
    const mode = q.structure ?? 'current';
    const series: { group: { id: number; name: string }; year: number; k: KpiRow | undefined }[] = [];
    if (by === 'total') {
      const rows = byGroup(await this.repository.kpis({ kind: 'roots', roots: [unit.id] }, years));
      for (const year of years) series.push({ group: unit, year, k: rows.get(`${unit.id}:${year}`) });
    } else if (mode === 'current') {
      const ref = referenceDate('current', to)!;
      const groups = await this.repository.groups(unit.id, to, 'current', ref);
      const rows = byGroup(await this.repository.kpis(childSpec(unit.id, to, 'current', ref), years));
      for (const g of groups) for (const year of years) series.push({ group: g, year, k: rows.get(`${g.id}:${year}`) });
    } else {
      for (const year of years) {
        const groups = await this.repository.groups(unit.id, year, 'year');
        const rows = byGroup(await this.repository.kpis(childSpec(unit.id, year, 'year', null), [year]));
        for (const g of groups) series.push({ group: g, year, k: rows.get(`${g.id}:${year}`) });
      }
    }
    return { unit, from, to, by, mode, series };
  }

  private async unit(id: number | undefined): Promise<UnitRef> {
    const unitId = id ?? (await this.repository.rootUnit());
    if (unitId === undefined) throw new NotFoundException({ statusCode: 404, message: 'Danh mục đơn vị đang trống' });
    const unit = await this.repository.findUnit(unitId);
    if (!unit) throw new NotFoundException({ statusCode: 404, message: `Không có đơn vị mã ${unitId}` });
    return { id: unit.id, name: unit.name, kind: unit.kind, level: unit.level };
  }

  private async latestYear(unitId: number): Promise<number> {
    return (await this.repository.years(unitId)).at(-1) ?? new Date().getFullYear();
  }

  private async structure(unit: UnitRef, mode: Structure, year: number): Promise<StructureInfo> {
    const rolledUp = await this.repository.predecessors(unit.id);
    const ref = referenceDate(mode, year);
    const names = rolledUp.map((u) => u.name).join(', ');
    const note = mode === 'current'
      ? `Theo cơ cấu đơn vị tại ${viDate(ref!)}; số liệu của các đơn vị trước sắp xếp được cộng vào đơn vị kế thừa${names ? ` (${names})` : ''}.`
      : `Theo cơ cấu đơn vị của năm ${year}${names ? `; số liệu của ${unit.name} gồm cả các đơn vị đã hợp nhất vào: ${names}` : ''}.`;
    return { mode, referenceDate: ref, rolledUp, note };
  }
}

function kpis(row: KpiRow | undefined): Kpis {
  const k = row ?? ({} as Partial<KpiRow>);
  const registered = k.registered ?? 0;
  const recognised = k.recognised ?? 0;
  return {
    registered, new: k.new ?? 0, continued: k.continued ?? 0, replicated: k.replicated ?? 0, dropped: k.dropped ?? 0,
    recognized: { commune: k.recognised_commune ?? 0, district: k.recognised_district ?? 0, province: k.recognised_province ?? 0, total: recognised },
    recognitionRate: rate(recognised, registered),
    exemplars: { collective: k.exemplars_collective ?? 0, individual: k.exemplars_individual ?? 0, total: k.exemplars ?? 0 },
  };
}

function byGroup(rows: KpiRow[]): Map<string, KpiRow> {
  return new Map(rows.map((r) => [`${r.group_id}:${r.year}`, r]));
}

/** The structure date: 'current' is today's structure (whatever the years shown). */
function referenceDate(mode: Structure, _year: number): string | null {
  return mode === 'current' ? today() : null;
}

function childSpec(root: number, year: number, mode: Structure, ref: string | null): ScopeSpec {
  return { kind: 'children', root, year, structure: mode, referenceDate: ref ?? undefined };
}

function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
