/**
 * The server's JSON shapes the client reads, mirrored from
 * backend/src/analytics/analytics.types.ts and backend/src/plans/plan.types.ts
 * (re-exported by @dvk/backend/api-types). Mirrored, not imported: that module
 * now also re-exports types from decorated NestJS services, which the
 * dashboard's type check (Bundler resolution, no decorators) cannot walk.
 * Keep field names identical; the adapters' tests use these shapes.
 */
export type RuleStatus = 'met' | 'not_met' | 'no_data';

export interface UnitRef {
  id: number;
  name: string;
  kind: string;
  level: string;
}

export interface StructureInfo {
  mode: 'year' | 'current';
  referenceDate: string | null;
  rolledUp: { id: number; name: string }[];
  note: string;
}

export interface Kpis {
  registered: number;
  new: number;
  continued: number;
  replicated: number;
  dropped: number;
  recognized: { commune: number; district: number; province: number; total: number };
  recognitionRate: number | null;
  exemplars: { collective: number; individual: number; total: number };
}

export interface Overview {
  unit: UnitRef;
  year: number;
  years: number[];
  structure: StructureInfo;
  kpis: Kpis;
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

export interface DistributionItem {
  dimension: 'field' | 'status' | 'owner_type';
  key: string | null;
  label: string;
  models: number;
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

export interface PlanSummary {
  id: number;
  code: string | null;
  year: number;
  title: string;
  issuer: string | null;
  issuerUnitId: number | null;
  rules: number;
  issues: number;
}

export type SubmissionStatus = 'on_time' | 'late' | 'missing' | 'not_due' | 'received';

export interface SubmissionRow {
  unitId: number | null;
  unitName: string;
  status: SubmissionStatus;
  firstUploadAt: string | null;
  files: number;
  daysLate: number | null;
}

export interface DeadlineSubmissions {
  kind: string;
  label: string | null;
  text: string;
  date: string | null;
  document: string | null;
  period: string | null;
  issue: string | null;
  rows: SubmissionRow[];
  counts: Record<SubmissionStatus, number>;
}

export interface PlanSubmissions {
  planId: number;
  year: number;
  unitId: number;
  unitName: string;
  asOf: string;
  deadlines: DeadlineSubmissions[];
}
