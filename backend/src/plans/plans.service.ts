import { BadRequestException, ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Visibility } from '../auth/scope.js';
import { today } from '../db/unit-scope.js';
import { EvaluationRepository } from './evaluation.repository.js';
import { checkPlanDocument, foldName, parsePlanText, PlanDocumentError, readDeadline } from './plan-document.js';
import { PlansRepository, type UnitRow } from './plans.repository.js';
import { QuotaEngine, type EngineRule } from './quota-engine.js';
import type {
  DeadlineDocument, DeadlineSubmissions, PlanDeadlineView, PlanDocument, PlanEvaluation, PlanIssue, PlanSubmissions, PlanSummary, PlanView,
  RuleDocument, RuleResult, SubmissionRow, SubmissionStatus,
} from './plan.types.js';

type StoredPlan = NonNullable<Awaited<ReturnType<PlansRepository['findPlan']>>>;

/** Plans as data: create, import, read, evaluate quotas, follow submissions. */
@Injectable()
export class PlansService {
  private revisionCounter = 0;

  /** Increases with every change of a plan in this process: part of the cache key of anything derived from plans. */
  get revision(): number {
    return this.revisionCounter;
  }

  constructor(
    @Inject(PlansRepository) private readonly repository: PlansRepository,
    @Inject(EvaluationRepository) private readonly facts: EvaluationRepository,
    @Inject(QuotaEngine) private readonly engine: QuotaEngine,
  ) {}

  async create(body: unknown): Promise<PlanView> {
    const doc = this.check(() => checkPlanDocument(body));
    if (doc.code && (await this.repository.findPlanIdByCode(doc.code)) !== undefined) {
      throw new ConflictException({ statusCode: 409, message: `Đã có kế hoạch mã "${doc.code}"; dùng PUT để sửa hoặc nhập lại để thay thế` });
    }
    return this.save(doc, null);
  }

  async update(id: number, body: unknown): Promise<PlanView> {
    await this.stored(id);
    const doc = this.check(() => checkPlanDocument(body));
    const other = doc.code ? await this.repository.findPlanIdByCode(doc.code) : undefined;
    if (other !== undefined && other !== id) throw new ConflictException({ statusCode: 409, message: `Mã "${doc.code}" đã dùng cho kế hoạch khác` });
    return this.save(doc, id);
  }

  /** Imports a JSON or YAML plan; a plan with the same code is replaced in place. */
  async importText(content: string): Promise<PlanView> {
    const doc = this.check(() => parsePlanText(content));
    const existing = doc.code ? await this.repository.findPlanIdByCode(doc.code) : undefined;
    return this.save(doc, existing ?? null);
  }

  async get(id: number): Promise<PlanView> {
    return this.view(await this.stored(id));
  }

  async list(filter: { year?: number; issuer?: number; visible?: Visibility | undefined }): Promise<PlanSummary[]> {
    const rows = await this.repository.listPlans({ year: filter.year, issuerUnitId: filter.issuer, visible: filter.visible });
    return rows.map((r) => ({
      id: r.id, code: r.code, year: r.year, title: r.title, issuer: r.issuer_text, issuerUnitId: r.issuer_unit_id, rules: Number(r.rules),
      issues: ((r.deadlines ?? []) as DeadlineDocument[]).filter((d) => readDeadline(d).issue !== null).length + (r.issuer_unit_id === null ? 1 : 0),
    }));
  }

  async remove(id: number): Promise<{ deleted: true }> {
    if (!(await this.repository.deletePlan(id))) throw notFound(id);
    this.revisionCounter++;
    return { deleted: true };
  }

  /** Every rule of the plan for the unit (default: the issuer), as of a date (default: now). */
  async evaluate(id: number, query: { unit?: number; asOf?: string }): Promise<PlanEvaluation> {
    const plan = await this.stored(id);
    const unit = await this.unitFor(plan, query.unit);
    const rules = await this.repository.rulesOf([plan.id]);
    const results = await this.engine.evaluate(rules.map(toEngineRule), { unit, year: plan.year, asOf: query.asOf ?? null });
    const view = await this.view(plan);
    return {
      planId: plan.id, planTitle: plan.title, year: plan.year, unitId: unit.id, unitName: unit.name, asOf: query.asOf ?? null,
      results, summary: summarise(results), issues: view.issues,
    };
  }

  /** Evaluates the rules of the given plans for one unit; used by analytics for the quota table. */
  async evaluatePlans(planIds: number[], unit: { id: number; name: string; kind: string }, year: number): Promise<RuleResult[]> {
    const rules = await this.repository.rulesOf(planIds);
    return this.engine.evaluate(rules.map(toEngineRule), { unit, year, asOf: null });
  }

  /** Plans of a year issued by these units (for analytics). */
  plansIssuedBy(unitIds: number[], year: number) {
    return this.repository.plansIssuedBy(unitIds, year);
  }

  /** Per deadline: who sent the answering file on time, late, or not yet; and whom to chase. */
  async submissions(id: number, query: { unit?: number; asOf?: string }): Promise<PlanSubmissions> {
    const plan = await this.stored(id);
    const unit = await this.unitFor(plan, query.unit);
    const asOf = query.asOf ?? today();
    const ctx = { unit, year: plan.year, asOf };
    const deadlines: DeadlineSubmissions[] = [];
    for (const d of (plan.deadlines ?? []) as DeadlineDocument[]) {
      if (!d.document) continue;
      const { date, issue } = readDeadline(d);
      const submitters = d.submitters ?? { type: 'children' as const, kinds: [] };
      const expected = await this.engine.resolveTarget(submitters, ctx);
      const ids = expected.map((e) => e.id).filter((x): x is number => x !== null);
      // A unit's submission is any answering file issued within its subtree (a commune's list is often issued by its party committee).
      const spec = { kind: 'roots' as const, roots: ids };
      // When the written day does not exist, its month still does: before that month nothing is due yet.
      const dueFrom = date ?? monthStart(d.text);
      const sent = new Map((await this.facts.submissions(spec, plan.year, d.document, d.period ?? null, asOf)).map((r) => [r.group_id, r]));
      const rows: SubmissionRow[] = expected.map((e) => {
        const s = e.id !== null ? sent.get(e.id) : undefined;
        const first = s?.first_upload ?? null;
        let status: SubmissionStatus;
        let daysLate: number | null = null;
        if (!first) status = (date !== null && asOf <= date) || (date === null && dueFrom !== null && asOf < dueFrom) ? 'not_due' : 'missing';
        else if (date === null) status = 'received';
        else {
          // On time when uploaded by the end of the deadline day, Vietnam time (UTC+7).
          const local = new Date(Date.parse(first) + 7 * 3600_000).toISOString().slice(0, 10);
          status = local <= date ? 'on_time' : 'late';
          if (status === 'late') daysLate = Math.round((Date.parse(local) - Date.parse(date)) / 86_400_000);
        }
        return { unitId: e.id, unitName: e.name, status, firstUploadAt: first, files: s ? Number(s.files) : 0, daysLate };
      });
      const counts: Record<SubmissionStatus, number> = { on_time: 0, late: 0, missing: 0, not_due: 0, received: 0 };
      for (const r of rows) counts[r.status]++;
      deadlines.push({
        kind: d.kind, label: d.label ?? null, text: d.text, date, document: d.document, period: d.period ?? null,
        issue: issue ? `${issue.message} Các đơn vị đã gửi được ghi "đã nhận", không xếp đúng hạn hay trễ hạn; đơn vị chưa gửi vẫn cần đôn đốc.` : null,
        rows, counts,
      });
    }
    const chase = deadlines.flatMap((d) => d.rows.filter((r) => r.status === 'missing').map((r) => ({
      unitId: r.unitId, unitName: r.unitName, deadline: d.text, label: d.label, dueDate: d.date,
    })));
    return { planId: plan.id, year: plan.year, unitId: unit.id, unitName: unit.name, asOf, deadlines, chase };
  }

  // ---------------------------------------------------------------- helpers

  private check<T>(work: () => T): T {
    try {
      return work();
    } catch (error) {
      if (error instanceof PlanDocumentError) throw new BadRequestException({ statusCode: 400, error: 'Kế hoạch không hợp lệ', message: error.problems });
      throw error;
    }
  }

  private async save(doc: PlanDocument, replaceId: number | null): Promise<PlanView> {
    let issuerUnitId: number | null = null;
    if (doc.issuerUnitId != null) {
      if (!(await this.repository.findUnit(doc.issuerUnitId))) throw new BadRequestException({ statusCode: 400, message: `Không có đơn vị mã ${doc.issuerUnitId}` });
      issuerUnitId = doc.issuerUnitId;
    } else if (doc.issuer) {
      const matches = await this.repository.findUnitsByName(doc.issuer, foldName(doc.issuer));
      if (matches.length === 1) issuerUnitId = matches[0]!.id;
    }
    const deadlines = doc.deadlines.map((d) => ({ ...d, date: readDeadline(d).date }));
    const id = await this.repository.savePlan(doc, issuerUnitId, deadlines, replaceId);
    this.revisionCounter++;
    return this.get(id);
  }

  private async stored(id: number): Promise<StoredPlan> {
    const plan = await this.repository.findPlan(id);
    if (!plan) throw notFound(id);
    return plan;
  }

  private async unitFor(plan: StoredPlan, unitId: number | undefined): Promise<UnitRow> {
    const id = unitId ?? plan.issuer_unit_id;
    if (id === null || id === undefined) {
      throw new BadRequestException({ statusCode: 400, message: `Kế hoạch "${plan.title}" chưa gắn với đơn vị ban hành trong danh mục; chọn đơn vị cần đánh giá (tham số unit)` });
    }
    const unit = await this.repository.findUnit(id);
    if (!unit) throw new NotFoundException({ statusCode: 404, message: `Không có đơn vị mã ${id}` });
    return unit;
  }

  private async view(plan: StoredPlan): Promise<PlanView> {
    const rules = await this.repository.rulesOf([plan.id]);
    const issues: PlanIssue[] = [];
    const deadlines: PlanDeadlineView[] = ((plan.deadlines ?? []) as DeadlineDocument[]).map((d) => {
      const { date, issue } = readDeadline(d);
      if (issue) issues.push(issue);
      return { ...d, date } as PlanDeadlineView;
    });
    if (plan.issuer_unit_id === null) {
      issues.push({
        code: 'ISSUER_UNRESOLVED', value: plan.issuer_text,
        message: `Chưa xác định được đơn vị ban hành "${plan.issuer_text ?? ''}" trong danh mục đơn vị; chọn đơn vị khi đánh giá hoặc sửa kế hoạch`,
      });
    }
    return {
      id: plan.id, code: plan.code, year: plan.year, title: plan.title, issuer: plan.issuer_text, issuerUnitId: plan.issuer_unit_id,
      issuerUnitName: plan.issuer_unit_name ?? null, sourceDocument: plan.source_document, notes: plan.notes, deadlines,
      rules: rules.map((r) => ({ id: r.id, code: r.code, description: r.description, shape: r.shape as RuleDocument['shape'], params: r.params as unknown as RuleDocument['params'] })),
      issues,
    };
  }
}

function toEngineRule(r: { id: number; code: string; description: string; shape: string; params: Record<string, unknown> }): EngineRule {
  return { id: r.id, code: r.code, description: r.description, shape: r.shape, params: r.params };
}

export function summarise(results: RuleResult[]) {
  return {
    met: results.filter((r) => r.status === 'met').length,
    notMet: results.filter((r) => r.status === 'not_met').length,
    noData: results.filter((r) => r.status === 'no_data').length,
    total: results.length,
  };
}

/** '31/11/2026' → '2026-11-01': the first day of the written month, when the month itself exists. */
function monthStart(text: string): string | null {
  const match = /(\d{1,2})\/(\d{4})\s*$/.exec(text);
  if (!match) return null;
  const month = Number(match[1]);
  return month >= 1 && month <= 12 ? `${match[2]}-${String(month).padStart(2, '0')}-01` : null;
}

function notFound(id: number) {
  return new NotFoundException({ statusCode: 404, message: `Không có kế hoạch mã ${id}` });
}
