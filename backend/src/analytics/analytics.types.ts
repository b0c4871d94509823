import type { RuleStatus } from '../plans/plan.types.js';

/**
 * JSON shapes of /api/analytics/*, stable for the dashboard and the export
 * pack (re-exported by backend/src/api-types.ts). Rates are fractions 0..1.
 * Endpoints with `rows` also answer in Apache Arrow IPC (stream) when asked
 * with `Accept: application/vnd.apache.arrow.stream`: the table is `rows`,
 * and the rest of the JSON sits in the schema metadata under "dvk".
 */

export interface UnitRef {
  id: number;
  name: string;
  kind: string;
  level: string;
}

/** Which unit structure grouped the figures (the 2025 reorganisation). */
export interface StructureInfo {
  /** 'year': the structure of the year itself; 'current': today's structure, pre-merger units rolled up into their successors. */
  mode: 'year' | 'current';
  /** The date whose structure was used ('current' only). */
  referenceDate: string | null;
  /** Pre-merger communes/districts whose records are counted in this unit's figures (lineage). */
  rolledUp: { id: number; name: string }[];
  /** Said in Vietnamese for the page. */
  note: string;
}

export interface Kpis {
  /** Distinct models registered in the year (dropped ones excluded). */
  registered: number;
  new: number;
  continued: number;
  replicated: number;
  dropped: number;
  /** Registered models recognised in the same year, by the highest level that recognised them. */
  recognized: { commune: number; district: number; province: number; total: number };
  /** recognized.total ÷ registered, or null when nothing was registered. */
  recognitionRate: number | null;
  exemplars: { collective: number; individual: number; total: number };
}

export interface Overview {
  unit: UnitRef;
  year: number;
  /** Years with data for the unit, for the year selector. */
  years: number[];
  structure: StructureInfo;
  kpis: Kpis;
  /** Child units checked against the quotas of the year's plans (issued by the unit or by the child). */
  quotas: { unitsEvaluated: number; unitsMeetingAll: number; unitsNotMeeting: number; unitsNoData: number; plans: number };
}

export interface ChildRow {
  unitId: number;
  unitName: string;
  kind: string;
  level: string;
  hasChildren: boolean;
  registered: number;
  new: number;
  continued: number;
  replicated: number;
  recognized: number;
  recognitionRate: number | null;
  exemplars: number;
}

export interface ChildrenBreakdown {
  unit: UnitRef;
  year: number;
  structure: StructureInfo;
  rows: ChildRow[];
}

export interface FulfilmentRow {
  unitId: number | null;
  unitName: string;
  planId: number;
  ruleId: number;
  ruleCode: string;
  description: string;
  status: RuleStatus;
  actual: number | null;
  target: number;
  measure: string;
  reason: string;
}

export interface FulfilmentUnit {
  unitId: number;
  unitName: string;
  /** true: every quota met; false: some not met; null: no quota applies, or some lack data and none fails. */
  allMet: boolean | null;
  met: number;
  notMet: number;
  noData: number;
}

export interface QuotaFulfilment {
  unit: UnitRef;
  year: number;
  plans: { id: number; code: string | null; title: string; issuerUnitId: number | null }[];
  units: FulfilmentUnit[];
  rows: FulfilmentRow[];
  summary: Overview['quotas'];
}

export interface RecognitionRow {
  unitId: number;
  unitName: string;
  year: number;
  registered: number;
  recognized: number;
  recognizedCommune: number;
  recognizedDistrict: number;
  recognizedProvince: number;
  rate: number | null;
}

export interface RecognitionRates {
  unit: UnitRef;
  from: number;
  to: number;
  by: 'total' | 'children';
  structure: StructureInfo;
  rows: RecognitionRow[];
}

export interface DistributionItem {
  dimension: 'field' | 'status' | 'owner_type';
  key: string | null;
  /** Vietnamese label ("Kinh tế", "Mới", "Tập thể", "Chưa rõ"). */
  label: string;
  models: number;
  /** Share of the dimension's total, 0..1. */
  share: number;
}

export interface Distribution {
  unit: UnitRef;
  year: number;
  rows: DistributionItem[];
}

export interface TrendRow {
  year: number;
  unitId: number;
  unitName: string;
  registered: number;
  new: number;
  continued: number;
  replicated: number;
  recognized: number;
  recognitionRate: number | null;
  exemplars: number;
}

export interface Trends {
  unit: UnitRef;
  from: number;
  to: number;
  by: 'total' | 'children';
  structure: StructureInfo;
  rows: TrendRow[];
}
