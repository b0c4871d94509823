import { BadRequestException, Inject, Injectable } from '@nestjs/common';
import { AnalyticsService } from '../analytics/analytics.service.js';
import type { Distribution, FulfilmentRow } from '../analytics/analytics.types.js';
import type { Scope } from '../auth/scope.js';
import { ScopeService } from '../auth/scope.service.js';
import type { RecognitionRateParams } from '../plans/plan.types.js';
import { PlansService } from '../plans/plans.service.js';
import { UnitsService } from '../units/units.service.js';
import {
  FIELDS,
  zeroFields,
  type ExemplarItem,
  type ExportData,
  type ExportOverview,
  type FieldCode,
  type LevelCode,
  type OwnerTypeCode,
  type QuotaRow,
  type RecognitionItem,
  type SubmissionRow,
  type TrendPoint,
  type UnitRegistrationRow,
} from './export-data.js';
import { ExportRepository } from './export.repository.js';
import { headerOf } from './header.js';
import { buildExportZip, packFileName } from './writers/pack.js';
import { isoDay } from './writers/text.js';

export interface ExportQuery {
  unit?: number;
  year?: number;
  /** First year of the trend; the pack covers one year when absent. */
  fromYear?: number;
}

export interface ExportFile {
  fileName: string;
  bytes: Buffer;
}

const isField = (key: string | null): key is FieldCode => key !== null && (FIELDS as readonly string[]).includes(key);
const asLevel = (v: string | null): LevelCode | null => (v === 'commune' || v === 'district' || v === 'province' ? v : null);
const asOwnerType = (v: string | null): OwnerTypeCode | null => (v === 'collective' || v === 'individual' ? v : null);
/** The 2025 reorganisation: figures of that year and before include the merged units. */
const MERGER_YEAR = 2025;
const DECIMAL = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const vi = (n: number): string => DECIMAL.format(n);

/**
 * The year-end pack: gathers the figures from the analytics and plans
 * services (the dashboard's own numbers), the lists from ExportRepository,
 * and hands them to the pure writers. Scoped to what the caller may see.
 */
@Injectable()
export class ExportService {
  constructor(
    @Inject(AnalyticsService) private readonly analytics: AnalyticsService,
    @Inject(PlansService) private readonly plans: PlansService,
    @Inject(UnitsService) private readonly units: UnitsService,
    @Inject(ExportRepository) private readonly repository: ExportRepository,
    @Inject(ScopeService) private readonly scopes: ScopeService,
  ) {}

  /** The ZIP and its download name (the global AuditInterceptor logs every GET /api/export). */
  async pack(query: ExportQuery, scope: Scope | null, issuedOn: Date = new Date()): Promise<ExportFile> {
    const data = await this.collect(query, scope, issuedOn);
    return { fileName: packFileName(data), bytes: await buildExportZip(data) };
  }

  /** Everything the pack shows, as plain data (the writers' input). */
  async collect(query: ExportQuery, scope: Scope | null, issuedOn: Date = new Date()): Promise<ExportData> {
    const requested = scope ? await this.scopes.resolveUnit(scope, query.unit) : query.unit;
    const within = scope?.rootUnitId ?? null;
    const overview = await this.analytics.overview({ unit: requested ?? undefined, year: query.year });
    const unit = overview.unit;
    const year = overview.year;
    if (query.fromYear !== undefined && query.fromYear > year) {
      throw new BadRequestException({ statusCode: 400, message: `"fromYear" (${query.fromYear}) phải nhỏ hơn hoặc bằng năm tổng kết (${year})` });
    }
    const fromYear = query.fromYear !== undefined && query.fromYear < year ? query.fromYear : null;

    const children = await this.analytics.children({ unit: unit.id, year });
    const distribution = await this.analytics.distribution({ unit: unit.id, year });
    const fulfilment = await this.analytics.quotaFulfilment({ unit: unit.id, year });
    // Per child unit, the dashboard's own distribution (its field breakdown); requested together so
    // DuckDB works on one while Node prepares the next.
    const childDistributions = new Map<number, Distribution>(await Promise.all(
      children.rows.map(async (row) => [row.unitId, await this.analytics.distribution({ unit: row.unitId, year })] as const),
    ));

    const k = overview.kpis;
    const fields = fieldCounts(distribution);
    const statusDropped = distribution.rows.find((r) => r.dimension === 'status' && r.key === 'dropped')?.models ?? 0;
    const summary: ExportOverview = {
      registered: k.registered,
      byStatus: { new: k.new, continued: k.continued, replicated: k.replicated, dropped: k.dropped },
      statusUnknown: Math.max(0, k.registered - k.new - k.continued - k.replicated),
      statusSlices: distribution.rows.filter((r) => r.dimension === 'status').map((r) => ({ key: r.key, count: r.models })),
      byField: fields.byField,
      fieldUnknown: fields.unknown,
      recognizedByField: null,
      recognizedFieldUnknown: 0,
      recognized: { commune: k.recognized.commune, district: k.recognized.district, province: k.recognized.province },
      recognizedTotal: k.recognized.total,
      exemplars: { collective: k.exemplars.collective, individual: k.exemplars.individual },
      recognitionRate: k.recognitionRate,
      childUnits: children.rows.length,
      childUnitsWithModel: children.rows.filter((r) => r.registered > 0).length,
    };

    const units: UnitRegistrationRow[] = children.rows.map((row) => {
      const d = childDistributions.get(row.unitId)!;
      const f = fieldCounts(d);
      return {
        unitId: row.unitId, unitName: row.unitName, registered: row.registered, byField: f.byField, fieldUnknown: f.unknown,
        byStatus: { new: row.new, continued: row.continued, replicated: row.replicated, dropped: d.rows.find((r) => r.dimension === 'status' && r.key === 'dropped')?.models ?? 0 },
        statusUnknown: Math.max(0, row.registered - row.new - row.continued - row.replicated),
        recognized: row.recognized, exemplars: row.exemplars,
      };
    });
    const own = ownRow(unit, summary, units, statusDropped, k.exemplars.total);
    if (own) units.push(own);

    const issuedByUnit = fulfilment.plans.filter((p) => p.issuerUnitId === unit.id);
    const submissions: SubmissionRow[] = [];
    let recognitionTarget: number | null = null;
    for (const plan of issuedByUnit) {
      const view = await this.plans.get(plan.id);
      const rule = view.rules.find((r) => r.shape === 'recognition_rate');
      if (rule && recognitionTarget === null) recognitionTarget = (rule.params as RecognitionRateParams).minPercent / 100;
      const sent = await this.plans.submissions(plan.id, { unit: unit.id });
      for (const d of sent.deadlines) {
        for (const r of d.rows) {
          submissions.push({
            unitName: r.unitName, deadline: d.label ?? d.kind, dueText: d.text,
            status: r.status, receivedOn: r.firstUploadAt ? isoDay(new Date(r.firstUploadAt)) : null, files: r.files, daysLate: r.daysLate,
          });
        }
      }
    }

    // The trend in today's structure (analytics' default): pre-merger units' figures rolled up, and said so on the chart.
    const trends = fromYear !== null ? await this.analytics.trends({ unit: unit.id, from: fromYear, to: year, by: 'total' }) : null;
    const trend: TrendPoint[] = trends
      ? trends.rows.map((r) => ({
          year: r.year, registered: r.registered, recognized: r.recognized, exemplars: r.exemplars,
          rolledUp: trends.structure.rolledUp.length > 0 && r.year <= MERGER_YEAR,
        }))
      : [{ year, registered: k.registered, recognized: k.recognized.total, exemplars: k.exemplars.total }];

    const listQuery = { root: unit.id, year, structure: 'year' as const, within };
    const recognitions: RecognitionItem[] = (await this.repository.recognitions(listQuery)).map((r) => ({
      modelName: r.model_name ?? '', owner: r.owner, unitName: r.group_name, field: isField(r.field) ? r.field : null,
      level: asLevel(r.level), decisionNo: r.decision_no, decisionDate: r.decision_date,
    }));
    const exemplars: ExemplarItem[] = (await this.repository.exemplars(listQuery)).map((e) => ({
      name: e.name ?? '', exemplarType: asOwnerType(e.exemplar_type), position: e.position, unit: e.unit_text,
      modelName: e.model_name, award: e.award, level: asLevel(e.level),
    }));

    const detail = await this.units.detail(unit.id);
    const grandparent = detail.parent ? (await this.units.detail(detail.parent.id)).parent : null;
    return {
      meta: { unitId: unit.id, ...headerOf(detail, detail.parent, grandparent), year, fromYear, issuedOn },
      overview: summary,
      units,
      recognitions,
      exemplars,
      quotas: fulfilment.rows.map(quotaRow),
      submissions,
      trend,
      recognitionTarget,
    };
  }
}

function fieldCounts(d: Distribution): { byField: Record<FieldCode, number>; unknown: number } {
  const byField = zeroFields();
  let unknown = 0;
  for (const r of d.rows) {
    if (r.dimension !== 'field') continue;
    if (isField(r.key)) byField[r.key] += r.models;
    else unknown += r.models;
  }
  return { byField, unknown };
}

/**
 * The unit's own models (those of the committee itself, not of a child
 * unit): the overview minus the child rows, so the table's totals are the
 * overview's figures. None when nothing is left.
 */
function ownRow(unit: { id: number; name: string }, o: ExportOverview, rows: UnitRegistrationRow[], dropped: number, exemplars: number): UnitRegistrationRow | null {
  const sum = (pick: (r: UnitRegistrationRow) => number): number => rows.reduce((a, r) => a + pick(r), 0);
  const rest = (total: number, pick: (r: UnitRegistrationRow) => number): number => Math.max(0, total - sum(pick));
  const row: UnitRegistrationRow = {
    unitId: unit.id,
    unitName: `${unit.name} (trực tiếp)`,
    registered: rest(o.registered, (r) => r.registered),
    byField: Object.fromEntries(FIELDS.map((f) => [f, rest(o.byField[f], (r) => r.byField[f])])) as Record<FieldCode, number>,
    fieldUnknown: rest(o.fieldUnknown, (r) => r.fieldUnknown),
    byStatus: {
      new: rest(o.byStatus.new, (r) => r.byStatus.new),
      continued: rest(o.byStatus.continued, (r) => r.byStatus.continued),
      replicated: rest(o.byStatus.replicated, (r) => r.byStatus.replicated),
      dropped: rest(dropped, (r) => r.byStatus.dropped),
    },
    statusUnknown: rest(o.statusUnknown, (r) => r.statusUnknown),
    recognized: rest(o.recognizedTotal, (r) => r.recognized),
    exemplars: rest(exemplars, (r) => r.exemplars),
  };
  return row.registered + row.recognized + row.exemplars + row.byStatus.dropped > 0 ? row : null;
}

function quotaRow(r: FulfilmentRow): QuotaRow {
  const unitOf: Record<string, string> = { models: ' mô hình', exemplars: ' điển hình' };
  const target = r.measure === 'percent' ? `≥ ${vi(r.target)}%`
    : r.measure === 'launched' ? `${vi(r.target)} mô hình mới ra mắt`
      : r.measure === 'criterion' ? 'Xác nhận thủ công'
        : `≥ ${vi(r.target)}${unitOf[r.measure] ?? ''}`;
  const actual = r.actual === null ? '—'
    : r.measure === 'percent' ? `${vi(r.actual)}%`
      : r.measure === 'launched' ? `${vi(r.actual)}/${vi(r.target)}`
        : `${vi(r.actual)}${unitOf[r.measure] ?? ''}`;
  return {
    unitName: r.unitName, rule: r.description, target, actual,
    met: r.status === 'met' ? true : r.status === 'not_met' ? false : null,
    note: r.reason,
  };
}
