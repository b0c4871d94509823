import { Inject, Injectable } from '@nestjs/common';
import { EvaluationRepository } from './evaluation.repository.js';
import { foldName, targetOf } from './plan-document.js';
import { PlansRepository, type ChildUnitRow } from './plans.repository.js';
import type {
  ChildShareParams, ExemplarCountParams, ManualParams, ModelCountParams, ModelFilter, RecognitionRateParams,
  RuleResult, RuleShape, RuleStatus, RuleTarget,
} from './plan.types.js';

/** A stored rule as the engine reads it. */
export interface EngineRule {
  id: number;
  code: string;
  description: string;
  shape: string;
  params: Record<string, unknown>;
}

export interface EvaluationContext {
  /** The unit the plan is evaluated for (its issuer, or the one chosen). */
  unit: { id: number; name: string; kind: string };
  year: number;
  asOf: string | null;
}

interface TargetUnit {
  id: number | null;
  name: string;
  kind?: string;
}

const FIELD_NAMES: Record<string, string> = {
  economy: 'kinh tế', culture_society: 'văn hóa - xã hội', defense_security: 'quốc phòng - an ninh, dân tộc - tôn giáo', political_system: 'xây dựng hệ thống chính trị',
};
const STATUS_NAMES: Record<string, string> = { new: 'mới', continued: 'duy trì', replicated: 'nhân rộng', dropped: 'loại bỏ' };
const LEVEL_NAMES: Record<string, string> = { commune: 'cấp xã', district: 'cấp huyện', province: 'cấp tỉnh' };
const TYPE_NAMES: Record<string, string> = { collective: 'tập thể', individual: 'cá nhân' };

/** "3,5%" in Vietnamese style (one decimal at most). */
export function percentVi(value: number): string {
  const rounded = Math.round(value * 10) / 10;
  return `${String(rounded).replace('.', ',')}%`;
}

/**
 * The one engine that evaluates every rule shape for a unit and a year, as of
 * a date. Counting is done in DuckDB (EvaluationRepository), one query per
 * rule for all its target units; here only the comparison and the wording.
 */
@Injectable()
export class QuotaEngine {
  constructor(
    @Inject(EvaluationRepository) private readonly facts: EvaluationRepository,
    @Inject(PlansRepository) private readonly plans: PlansRepository,
  ) {}

  async evaluate(rules: EngineRule[], ctx: EvaluationContext): Promise<RuleResult[]> {
    const out: RuleResult[] = [];
    const children = new ChildrenCache(this.plans, ctx.year);
    for (const rule of rules) out.push(...(await this.evaluateRule(rule, ctx, children)));
    return out;
  }

  /** Units a target names under the evaluated unit; listed names missing from the registry come back with id null. */
  async resolveTarget(target: RuleTarget, ctx: EvaluationContext, cache?: ChildrenCache): Promise<TargetUnit[]> {
    if (target.type === 'self') return [{ id: ctx.unit.id, name: ctx.unit.name, kind: ctx.unit.kind }];
    const pools = await (cache ?? new ChildrenCache(this.plans, ctx.year)).pools([ctx.unit], target.under);
    return selectChildren(pools.get(ctx.unit.id) ?? [], target.kinds, target.names);
  }

  private async evaluateRule(rule: EngineRule, ctx: EvaluationContext, cache: ChildrenCache): Promise<RuleResult[]> {
    const target = targetOf(rule.params as { target?: RuleTarget });
    const targets = await this.resolveTarget(target, ctx, cache);
    const base = (t: TargetUnit) => ({ ruleId: rule.id, ruleCode: rule.code, description: rule.description, shape: rule.shape as RuleShape, unitId: t.id, unitName: t.name });
    if (targets.length === 0) {
      const label = target.type === 'children' ? (target.label ?? 'đơn vị trực thuộc') : ctx.unit.name;
      return [{ ...base({ id: null, name: label }), status: 'no_data', actual: null, target: targetValue(rule), measure: measureOf(rule.shape), reason: `Không có ${label} nào thuộc đối tượng của chỉ tiêu trong danh mục đơn vị năm ${ctx.year}` }];
    }
    const resolved = targets.filter((t): t is { id: number; name: string; kind: string } => t.id !== null);
    const missing = targets.filter((t) => t.id === null).map((t) => ({
      ...base(t), status: 'no_data' as RuleStatus, actual: null, target: targetValue(rule), measure: measureOf(rule.shape),
      reason: `Không tìm thấy "${t.name}" trong danh mục đơn vị; chưa đánh giá được`,
    }));
    const ids = resolved.map((t) => t.id);
    const q = { year: ctx.year, asOf: ctx.asOf };
    const noData = () => (ctx.asOf ? ` đến ngày ${viDate(ctx.asOf)}` : '');
    let results: RuleResult[];
    switch (rule.shape) {
      case 'model_count': {
        const p = rule.params as unknown as ModelCountParams;
        const rows = byGroup(await this.facts.modelCounts({ ...q, spec: { kind: 'roots', roots: ids, own: p.scope === 'own' } }, p));
        const noun = modelNoun(p);
        results = resolved.map((t) => {
          const row = rows.get(t.id);
          if (!row || row.rows === 0) return { ...base(t), status: 'no_data', actual: null, target: p.min, measure: 'models', reason: `Chưa có dữ liệu đăng ký mô hình năm ${ctx.year}${noData()}` };
          const ok = row.models >= p.min;
          return {
            ...base(t), status: ok ? 'met' : 'not_met', actual: row.models, target: p.min, measure: 'models',
            reason: ok ? `Đạt ${row.models}/${p.min} ${noun}` : `Đạt ${row.models}/${p.min} ${noun}, còn thiếu ${p.min - row.models}`,
          };
        });
        break;
      }
      case 'child_share': {
        const p = rule.params as unknown as ChildShareParams;
        const minModels = p.minModels ?? 1;
        const label = p.childLabel ?? 'đơn vị';
        const pools = await cache.pools(resolved, p.childrenUnder);
        const perTarget = new Map(resolved.map((t) => [t.id, selectChildren(pools.get(t.id) ?? [], p.childKinds, p.childNames)]));
        const kidIds = [...perTarget.values()].flat().map((k) => k.id).filter((id): id is number => id !== null);
        const counts = byGroup(await this.facts.modelCounts({ ...q, spec: { kind: 'roots', roots: kidIds } }, p));
        results = resolved.map((t) => {
          const list = perTarget.get(t.id) ?? [];
          const unknown = list.filter((k) => k.id === null).map((k) => k.name);
          const known = list.filter((k): k is { id: number; name: string } => k.id !== null);
          if (unknown.length > 0) {
            return { ...base(t), status: 'no_data', actual: null, target: p.minPercent, measure: 'percent', missing: unknown, reason: `Không tìm thấy trong danh mục đơn vị: ${unknown.join(', ')}; chưa đánh giá được` };
          }
          if (known.length === 0) return { ...base(t), status: 'no_data', actual: null, target: p.minPercent, measure: 'percent', reason: `Không có ${label} nào trong danh mục đơn vị năm ${ctx.year}` };
          const anyData = known.some((k) => (counts.get(k.id)?.rows ?? 0) > 0);
          if (!anyData) return { ...base(t), status: 'no_data', actual: null, target: p.minPercent, measure: 'percent', reason: `Chưa có dữ liệu đăng ký mô hình của ${label} năm ${ctx.year}${noData()}` };
          const without = known.filter((k) => (counts.get(k.id)?.models ?? 0) < minModels).map((k) => k.name);
          const share = ((known.length - without.length) / known.length) * 100;
          const ok = share >= p.minPercent - 1e-9;
          const need = minModels === 1 ? 'mô hình' : `đủ ${minModels} mô hình`;
          const reason = without.length === 0
            ? `${known.length}/${known.length} ${label} đã có ${need} (100%, chỉ tiêu ${percentVi(p.minPercent)})`
            : `${without.length}/${known.length} ${label} chưa có ${need}: ${without.join(', ')} (đạt ${percentVi(share)}, chỉ tiêu ${percentVi(p.minPercent)})`;
          return { ...base(t), status: ok ? 'met' : 'not_met', actual: Math.round(share * 10) / 10, target: p.minPercent, measure: 'percent', reason, missing: without };
        });
        break;
      }
      case 'recognition_rate': {
        const p = rule.params as unknown as RecognitionRateParams;
        const rows = byGroup(await this.facts.recognitionRates({ ...q, spec: { kind: 'roots', roots: ids } }, p.levels));
        const where = p.levels && p.levels.length > 0 ? ` ${p.levels.map((l) => LEVEL_NAMES[l] ?? l).join(', ')}` : '';
        results = resolved.map((t) => {
          const row = rows.get(t.id);
          if (!row || row.registered === 0) return { ...base(t), status: 'no_data', actual: null, target: p.minPercent, measure: 'percent', reason: `Chưa có mô hình đăng ký năm ${ctx.year}${noData()}` };
          const rate = (row.recognised / row.registered) * 100;
          const ok = rate >= p.minPercent - 1e-9;
          return {
            ...base(t), status: ok ? 'met' : 'not_met', actual: Math.round(rate * 10) / 10, target: p.minPercent, measure: 'percent',
            reason: `Công nhận${where} ${row.recognised}/${row.registered} mô hình đăng ký (${percentVi(rate)}), chỉ tiêu ${percentVi(p.minPercent)}`,
          };
        });
        break;
      }
      case 'exemplar_count': {
        const p = rule.params as unknown as ExemplarCountParams;
        const rows = byGroup(await this.facts.exemplarCounts({ ...q, spec: { kind: 'roots', roots: ids } }, p.types));
        const noun = p.types && p.types.length === 1 ? `điển hình ${TYPE_NAMES[p.types[0]!]}` : 'điển hình (tập thể và cá nhân)';
        results = resolved.map((t) => {
          const row = rows.get(t.id);
          if (!row || row.rows === 0) return { ...base(t), status: 'no_data', actual: null, target: p.min, measure: 'exemplars', reason: `Chưa có danh sách điển hình năm ${ctx.year}${noData()}` };
          const ok = row.exemplars >= p.min;
          return {
            ...base(t), status: ok ? 'met' : 'not_met', actual: row.exemplars, target: p.min, measure: 'exemplars',
            reason: ok ? `Có ${row.exemplars}/${p.min} ${noun}` : `Có ${row.exemplars}/${p.min} ${noun}, còn thiếu ${p.min - row.exemplars}`,
          };
        });
        break;
      }
      case 'launch_held': {
        const spec = { kind: 'roots' as const, roots: ids };
        const data = byGroup(await this.facts.modelCounts({ ...q, spec }, {}));
        const models = await this.facts.newModels({ ...q, spec });
        results = resolved.map((t) => {
          if ((data.get(t.id)?.rows ?? 0) === 0) return { ...base(t), status: 'no_data', actual: null, target: 0, measure: 'launched', reason: `Chưa có dữ liệu đăng ký mô hình năm ${ctx.year}${noData()}` };
          const mine = models.filter((m) => m.group_id === t.id);
          if (mine.length === 0) return { ...base(t), status: 'met', actual: 0, target: 0, measure: 'launched', reason: `Không có mô hình mới trong năm ${ctx.year}` };
          const notYet = mine.filter((m) => !m.launch_date || (ctx.asOf !== null && m.launch_date.slice(0, 10) > ctx.asOf)).map((m) => m.model_name);
          const launched = mine.length - notYet.length;
          return {
            ...base(t), status: notYet.length === 0 ? 'met' : 'not_met', actual: launched, target: mine.length, measure: 'launched', missing: notYet,
            reason: notYet.length === 0 ? `Cả ${mine.length} mô hình mới đã tổ chức ra mắt` : `${notYet.length}/${mine.length} mô hình mới chưa ra mắt: ${notYet.join(', ')}`,
          };
        });
        break;
      }
      case 'manual': {
        const p = rule.params as unknown as ManualParams;
        results = resolved.map((t) => ({ ...base(t), status: 'no_data', actual: null, target: 1, measure: 'criterion', reason: `Tiêu chí cần xác nhận thủ công (dữ liệu không thể hiện): ${p.criterion}` }));
        break;
      }
      default:
        results = resolved.map((t) => ({ ...base(t), status: 'no_data', actual: null, target: 0, measure: 'unknown', reason: `Dạng chỉ tiêu "${rule.shape}" chưa được hỗ trợ` }));
    }
    return [...results, ...missing];
  }
}

/** Child units, listed once per set of parents. */
export class ChildrenCache {
  private readonly cache = new Map<number, ChildUnitRow[]>();
  constructor(private readonly plans: PlansRepository, private readonly year: number) {}

  async of(parents: number[]): Promise<ChildUnitRow[]> {
    const todo = parents.filter((p) => !this.cache.has(p));
    if (todo.length > 0) {
      const rows = await this.plans.childrenOf(todo, this.year);
      for (const p of todo) this.cache.set(p, []);
      for (const row of rows) this.cache.get(row.parent_id)?.push(row);
    }
    return parents.flatMap((p) => this.cache.get(p) ?? []);
  }

  /**
   * For each unit, the children a target picks from: its own children, or
   * with `under`, the children of its child units of those kinds (or of the
   * unit itself when it is of one of them).
   */
  async pools(units: { id: number; kind: string }[], under?: string[]): Promise<Map<number, ChildUnitRow[]>> {
    const out = new Map<number, ChildUnitRow[]>();
    const direct = await this.of(units.map((u) => u.id));
    if (!under || under.length === 0) {
      for (const u of units) out.set(u.id, direct.filter((c) => c.parent_id === u.id));
      return out;
    }
    const mids = new Map<number, number[]>();
    for (const u of units) {
      const own = under.includes(u.kind) ? [u.id] : [];
      mids.set(u.id, [...own, ...direct.filter((c) => c.parent_id === u.id && under.includes(c.kind)).map((c) => c.id)]);
    }
    const grand = await this.of([...new Set([...mids.values()].flat())]);
    for (const u of units) {
      const ids = new Set(mids.get(u.id));
      out.set(u.id, grand.filter((c) => ids.has(c.parent_id)));
    }
    return out;
  }
}

/**
 * Children matching kinds, or names as the plan writes them (folded: exact name
 * or alias first, else the one child whose name starts with it). A listed
 * name that matches no child comes back with id null, never dropped silently.
 */
export function selectChildren(children: ChildUnitRow[], kinds?: string[], names?: string[]): TargetUnit[] {
  const out: TargetUnit[] = [];
  const seen = new Set<number>();
  const add = (c: ChildUnitRow) => {
    if (!seen.has(c.id)) {
      seen.add(c.id);
      out.push({ id: c.id, name: c.name, kind: c.kind });
    }
  };
  if (kinds && kinds.length > 0) children.filter((c) => kinds.includes(c.kind)).forEach(add);
  for (const name of names ?? []) {
    const f = foldName(name);
    const exact = children.filter((c) => foldName(c.name) === f || c.aliases.some((a) => foldName(a) === f));
    const prefix = exact.length > 0 ? exact : children.filter((c) => foldName(c.name).startsWith(`${f} `));
    if (prefix.length === 1 || (exact.length > 0 && prefix.length >= 1)) prefix.forEach(add);
    else out.push({ id: null, name });
  }
  return out;
}

function byGroup<T extends { group_id: number }>(rows: T[]): Map<number, T> {
  return new Map(rows.map((r) => [r.group_id, r]));
}

function targetValue(rule: EngineRule): number {
  const p = rule.params;
  if (typeof p.min === 'number') return p.min;
  if (typeof p.minPercent === 'number') return p.minPercent;
  return rule.shape === 'manual' ? 1 : 0;
}

function measureOf(shape: string): string {
  return ({ model_count: 'models', child_share: 'percent', recognition_rate: 'percent', exemplar_count: 'exemplars', launch_held: 'launched', manual: 'criterion' } as Record<string, string>)[shape] ?? 'unknown';
}

/** "mô hình mới hoặc nhân rộng lĩnh vực kinh tế được công nhận cấp huyện" */
export function modelNoun(f: ModelFilter): string {
  let noun = 'mô hình';
  if (f.statuses && f.statuses.length > 0) noun += ` ${f.statuses.map((s) => STATUS_NAMES[s] ?? s).join(' hoặc ')}`;
  if (f.ownerTypes && f.ownerTypes.length > 0) noun += ` của ${f.ownerTypes.map((t) => TYPE_NAMES[t] ?? t).join(' hoặc ')}`;
  if (f.fields && f.fields.length > 0) noun += ` lĩnh vực ${f.fields.map((x) => FIELD_NAMES[x] ?? x).join(', ')}`;
  if (f.recognizedLevels && f.recognizedLevels.length > 0) noun += ` được công nhận ${f.recognizedLevels.map((l) => LEVEL_NAMES[l] ?? l).join(' hoặc ')}`;
  return noun;
}

export function viDate(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}
