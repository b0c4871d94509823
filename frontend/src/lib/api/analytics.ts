/**
 * The analytics API (backend/src/analytics, types re-exported by
 * @dvk/backend/api-types) turned into the view models the pages render.
 * The overview page needs five endpoints; they run in parallel with the same
 * unit/year, so the server's defaults (top unit, latest year) agree.
 */
import type {
  ChildrenBreakdown,
  Distribution,
  Overview as WireOverview,
  PlanSubmissions,
  PlanSummary,
  QuotaFulfilment,
  StructureInfo,
  Trends,
} from './wire-types';
import type { ChildUnitRow, Overview, QuotaCheck, StructureNote, Submission, Trend } from '../types';
import { getJson, withQuery } from './http';

export type Structure = 'year' | 'current';

export interface OverviewQuery {
  unit?: number | null;
  year?: number | null;
  structure?: Structure | null;
}

const note = (s: StructureInfo): StructureNote => ({ mode: s.mode, note: s.note, rolledUp: s.rolledUp });

const toCheck = (r: QuotaFulfilment['rows'][number]): QuotaCheck => ({
  ruleId: `${r.planId}:${r.ruleId}:${r.unitId ?? r.unitName}`,
  code: r.ruleCode,
  description: r.description,
  status: r.status,
  actual: r.actual,
  target: r.target,
  reason: r.reason,
});

/** Joins the five answers into one view; exported for the unit tests. */
export function toOverview(o: WireOverview, children: ChildrenBreakdown, quotas: QuotaFulfilment, dist: Distribution): Overview {
  const byUnit = new Map<number, QuotaCheck[]>();
  for (const r of quotas.rows) {
    if (r.unitId === null) continue;
    const list = byUnit.get(r.unitId) ?? [];
    list.push(toCheck(r));
    byUnit.set(r.unitId, list);
  }
  const allMet = new Map(quotas.units.map((u) => [u.unitId, u.allMet]));
  const rows: ChildUnitRow[] = children.rows.map((c) => ({
    unitId: c.unitId,
    unitName: c.unitName,
    kind: c.kind,
    registered: c.registered,
    recognized: c.recognized,
    exemplars: c.exemplars,
    allMet: allMet.get(c.unitId) ?? null,
    quotas: byUnit.get(c.unitId) ?? [],
    hasChildren: c.hasChildren,
  }));
  const slices = (dimension: 'field' | 'status' | 'owner_type') =>
    dist.rows.filter((r) => r.dimension === dimension).map((r) => ({ key: r.key, count: r.models }));
  return {
    unit: o.unit,
    // The server has answered the year as a string (query param not transformed); numbers here either way.
    year: Number(o.year),
    years: o.years.map(Number),
    structure: note(o.structure),
    kpis: {
      registered: o.kpis.registered,
      new: o.kpis.new,
      continued: o.kpis.continued,
      replicated: o.kpis.replicated,
      recognized: o.kpis.recognized,
      recognitionRate: o.kpis.recognitionRate,
      exemplars: o.kpis.exemplars,
      unitsMeetingAll: o.quotas.unitsMeetingAll,
      unitsEvaluated: o.quotas.unitsEvaluated,
    },
    byField: slices('field').map((s) => ({ field: s.key, registered: s.count })),
    byStatus: slices('status'),
    byOwnerType: slices('owner_type'),
    children: rows,
    quotas: byUnit.get(o.unit.id) ?? [],
  };
}

export async function getOverview(q: OverviewQuery): Promise<Overview> {
  const params = { unit: q.unit, year: q.year, structure: q.structure };
  const [o, children, quotas, dist] = await Promise.all([
    getJson<WireOverview>(withQuery('/api/analytics/overview', params)),
    getJson<ChildrenBreakdown>(withQuery('/api/analytics/children', params)),
    getJson<QuotaFulfilment>(withQuery('/api/analytics/quota-fulfilment', params)),
    getJson<Distribution>(withQuery('/api/analytics/distribution', params)),
  ]);
  return toOverview(o, children, quotas, dist);
}

export function toTrend(t: Trends): Trend {
  const rolled = t.structure.mode === 'current' && t.structure.rolledUp.length > 0;
  // Years before the July 2025 merger hold the predecessors' figures when rolled up.
  return {
    unit: t.unit,
    structure: note(t.structure),
    points: t.rows.map((r) => ({ year: r.year, registered: r.registered, recognized: r.recognized, exemplars: r.exemplars, rolledUp: rolled && r.year <= 2025 })),
  };
}

export async function getTrend(q: { unit?: number | null; structure?: Structure | null }): Promise<Trend> {
  return toTrend(await getJson<Trends>(withQuery('/api/analytics/trends', { unit: q.unit, structure: q.structure })));
}

/** The unit's own quota checks for the year (rules evaluated for the unit itself). */
export async function getQuotaChecks(unit: number, year: number): Promise<QuotaCheck[]> {
  const q = await getJson<QuotaFulfilment>(withQuery('/api/analytics/quota-fulfilment', { unit, year }));
  return q.rows.filter((r) => r.unitId === unit).map(toCheck);
}

/** The unit's submissions against every plan of the year that has deadlines for it. */
export async function getSubmissions(unit: number, year: number): Promise<Submission[]> {
  const plans = await getJson<PlanSummary[]>(withQuery('/api/plans', { year }));
  const answers = await Promise.all(plans.map((p) => getJson<PlanSubmissions>(withQuery(`/api/plans/${p.id}/submissions`, {})).catch(() => null)));
  const out: Submission[] = [];
  for (const a of answers) {
    if (!a) continue;
    for (const d of a.deadlines) {
      const row = d.rows.find((r) => r.unitId === unit);
      if (!row) continue;
      out.push({
        deadlineLabel: d.label ?? d.text,
        deadline: d.date,
        deadlineProblem: d.issue,
        kind: d.document ?? d.kind,
        state: row.status,
        fileId: null,
        fileName: row.files > 0 ? `${row.files} tệp` : null,
        receivedAt: row.firstUploadAt,
        daysLate: row.daysLate,
      });
    }
  }
  return out;
}
