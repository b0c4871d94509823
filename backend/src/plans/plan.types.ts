/**
 * Plans and quotas as data: the document format (JSON / YAML, the API's
 * request body) and the JSON shapes the API answers with. The frontend and
 * the export pack read these through backend/src/api-types.ts.
 */

export type Field = 'economy' | 'culture_society' | 'defense_security' | 'political_system';
export type RegistrationStatus = 'new' | 'continued' | 'replicated' | 'dropped';
export type OwnerType = 'collective' | 'individual';
export type RecognitionLevel = 'commune' | 'district' | 'province';

export const FIELDS: readonly Field[] = ['economy', 'culture_society', 'defense_security', 'political_system'];
export const STATUSES: readonly RegistrationStatus[] = ['new', 'continued', 'replicated', 'dropped'];
export const OWNER_TYPES: readonly OwnerType[] = ['collective', 'individual'];
export const LEVELS: readonly RecognitionLevel[] = ['commune', 'district', 'province'];

/**
 * Whom a rule (or a deadline) applies to: the unit evaluated, or each of its
 * child units of given kinds or names. With `under`, the children are taken
 * of the unit's child units of those kinds instead (or of the unit itself
 * when it is of one of those kinds): "tổ chức đảng trực thuộc Đảng ủy" are the
 * children of the commune's party committee, `under: [party_committee]`.
 */
export type RuleTarget = { type: 'self' } | { type: 'children'; kinds?: string[]; names?: string[]; under?: string[]; label?: string };

/** Filters on the registrations a count considers. */
export interface ModelFilter {
  /** Only these statuses; default: every status except 'dropped' (and rows without a status). */
  statuses?: RegistrationStatus[];
  fields?: Field[];
  ownerTypes?: OwnerType[];
  /** Count only models recognised in the year at one of these levels. */
  recognizedLevels?: RecognitionLevel[];
}

/** The rule shapes, all from the seeds; one engine evaluates them. */
export type RuleShape = 'model_count' | 'child_share' | 'recognition_rate' | 'exemplar_count' | 'launch_held' | 'manual';
export const RULE_SHAPES: readonly RuleShape[] = ['model_count', 'child_share', 'recognition_rate', 'exemplar_count', 'launch_held', 'manual'];

export interface ModelCountParams extends ModelFilter {
  target?: RuleTarget;
  /** 'own': the target unit itself (and its predecessors); 'subtree': it and every unit under it. */
  scope?: 'own' | 'subtree';
  min: number;
}

export interface ChildShareParams extends ModelFilter {
  target?: RuleTarget;
  /** The child units counted: kinds and/or names (as written in the plan). */
  childKinds?: string[];
  childNames?: string[];
  /** Take the children of the target's child units of these kinds (see RuleTarget.under). */
  childrenUnder?: string[];
  /** How the plan names those children, e.g. "tổ chức đảng". */
  childLabel?: string;
  /** Models a child needs (default 1). */
  minModels?: number;
  minPercent: number;
}

export interface RecognitionRateParams {
  target?: RuleTarget;
  /** Recognitions at these levels count; default any level. */
  levels?: RecognitionLevel[];
  minPercent: number;
}

export interface ExemplarCountParams {
  target?: RuleTarget;
  /** Default both collectives and individuals. */
  types?: OwnerType[];
  min: number;
}

export interface LaunchHeldParams {
  target?: RuleTarget;
}

/** A criterion the data cannot decide (e.g. "10/10 làng đạt danh hiệu văn hóa"): always reported, never guessed. */
export interface ManualParams {
  target?: RuleTarget;
  criterion: string;
}

export type RuleParams = ModelCountParams | ChildShareParams | RecognitionRateParams | ExemplarCountParams | LaunchHeldParams | ManualParams;

export interface RuleDocument {
  code: string;
  description: string;
  shape: RuleShape;
  params: RuleParams;
}

export interface DeadlineDocument {
  /** registration | h1_report | year_report | recognition | conference | … */
  kind: string;
  label?: string;
  /** The date as the plan writes it: 'DD/MM/YYYY' (kept as written even when it does not exist). */
  text: string;
  /** Kind of file that answers it (registration | report | recognition | exemplar); none: not tracked as a submission. */
  document?: string;
  period?: 'H1' | 'FY' | null;
  submitters?: RuleTarget;
}

/** A plan as imported from JSON / YAML or posted to the API. */
export interface PlanDocument {
  code?: string | null;
  year: number;
  title: string;
  /** The issuer as the document names it. */
  issuer?: string | null;
  /** The issuer's unit id, when known; otherwise the issuer name is looked up among units and aliases. */
  issuerUnitId?: number | null;
  sourceDocument?: string | null;
  notes?: string | null;
  deadlines: DeadlineDocument[];
  rules: RuleDocument[];
}

// ---------------------------------------------------------------- responses

export interface PlanIssue {
  code: 'INVALID_DATE' | 'ISSUER_UNRESOLVED' | 'TARGET_UNRESOLVED';
  message: string;
  value: string | null;
}

export interface PlanDeadlineView extends DeadlineDocument {
  /** ISO date, or null when the written date does not exist (see issues). */
  date: string | null;
}

export interface PlanRuleView extends RuleDocument {
  id: number;
}

export interface PlanView {
  id: number;
  code: string | null;
  year: number;
  title: string;
  issuer: string | null;
  issuerUnitId: number | null;
  issuerUnitName: string | null;
  sourceDocument: string | null;
  notes: string | null;
  deadlines: PlanDeadlineView[];
  rules: PlanRuleView[];
  /** What is wrong in the plan as written: impossible dates, an issuer not in the registry. */
  issues: PlanIssue[];
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

export type RuleStatus = 'met' | 'not_met' | 'no_data';

export interface RuleResult {
  ruleId: number;
  ruleCode: string;
  description: string;
  shape: RuleShape;
  /** The unit the rule was checked for; null when a unit the plan names is not in the registry. */
  unitId: number | null;
  unitName: string;
  status: RuleStatus;
  actual: number | null;
  target: number;
  /** 'models' | 'percent' | 'exemplars' | 'launched' | 'criterion' */
  measure: string;
  /** In Vietnamese: "Đạt 3/5 mô hình, còn thiếu 2". */
  reason: string;
  /** Names behind the figure (child units without a model, new models without a launch). */
  missing?: string[];
}

export interface PlanEvaluation {
  planId: number;
  planTitle: string;
  year: number;
  unitId: number;
  unitName: string;
  /** The date the evaluation looks from (only files uploaded by then count); null: now. */
  asOf: string | null;
  results: RuleResult[];
  summary: { met: number; notMet: number; noData: number; total: number };
  issues: PlanIssue[];
}

export type SubmissionStatus = 'on_time' | 'late' | 'missing' | 'not_due' | 'received';

export interface SubmissionRow {
  unitId: number | null;
  unitName: string;
  status: SubmissionStatus;
  /** When the first file that answers the deadline was uploaded (ISO), if any. */
  firstUploadAt: string | null;
  files: number;
  /** Days after the deadline (late only). */
  daysLate: number | null;
}

export interface DeadlineSubmissions {
  kind: string;
  label: string | null;
  text: string;
  date: string | null;
  document: string | null;
  period: string | null;
  /** Why timeliness cannot be judged, when the date does not exist. */
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
  /** Units to chase: every (deadline, unit) past due with nothing received. */
  chase: { unitId: number | null; unitName: string; deadline: string; label: string | null; dueDate: string | null }[];
}
