/**
 * Response shapes of the API endpoints the pages use. Mirrors
 * backend/src/api-types.ts; where an endpoint has not landed yet, this is the
 * shape the page expects, and the adapters in lib/api/ are the one place to
 * change when the real one differs.
 */
export interface StoreSummary {
  files: number;
  filesLoaded: number;
  filesFailed: number;
  registrations: number;
  recognitions: number;
  exemplars: number;
  reports: number;
}

export interface HealthStatus {
  status: 'ok' | 'error';
  database: 'ok' | 'error';
  schemaVersion: string | null;
  version: string;
}

export interface UnitRef {
  id: number;
  name: string;
}

export interface UnitInfo extends UnitRef {
  kind: string;
  level: string;
  parentId: number | null;
  validFrom: string | null;
  validTo: string | null;
  /** Root first, the unit's parent last. */
  ancestors: UnitRef[];
  children: (UnitRef & { kind: string; level: string })[];
  /** 2025 mergers: units this one replaced, and the unit that replaced it. */
  predecessors: UnitRef[];
  successor: UnitRef | null;
  aliases: string[];
}

export type QuotaStatus = 'met' | 'not_met' | 'no_data';

export interface QuotaCheck {
  ruleId: number | string;
  code: string;
  description: string;
  status: QuotaStatus;
  actual: number | null;
  target: number | null;
  /** Vietnamese reason ("Đạt 3/5 mô hình, còn thiếu 2"). */
  reason: string;
}

export interface OverviewKpis {
  registered: number;
  new: number;
  continued: number;
  replicated: number;
  recognized: { commune: number; district: number; province: number; total: number };
  /** recognised ÷ registered (0..1) or null when nothing was registered. */
  recognitionRate: number | null;
  exemplars: { collective: number; individual: number; total: number };
  unitsMeetingAll: number;
  unitsEvaluated: number;
}

export interface ChildUnitRow {
  unitId: number;
  unitName: string;
  kind: string;
  registered: number;
  recognized: number;
  exemplars: number;
  /** true every quota met, false some not met, null no data. */
  allMet: boolean | null;
  quotas: QuotaCheck[];
  hasChildren: boolean;
}

/** Which unit structure grouped the figures (the 2025 reorganisation), as the server says. */
export interface StructureNote {
  mode: 'year' | 'current';
  note: string;
  rolledUp: UnitRef[];
}

export interface Overview {
  unit: UnitRef & { kind: string; level: string };
  year: number;
  years: number[];
  structure: StructureNote;
  kpis: OverviewKpis;
  byField: { field: string | null; registered: number; recognized?: number | null }[];
  byStatus: { key: string | null; count: number }[];
  byOwnerType: { key: string | null; count: number }[];
  children: ChildUnitRow[];
  /** The unit's own quota checks. */
  quotas: QuotaCheck[];
}

export interface TrendPoint {
  year: number;
  registered: number;
  recognized: number;
  exemplars: number | null;
  rolledUp: boolean;
}

export interface Trend {
  unit: UnitRef;
  structure: StructureNote;
  points: TrendPoint[];
}

export type SubmissionState = 'on_time' | 'late' | 'missing' | 'not_due' | 'received';

export interface Submission {
  deadlineLabel: string;
  deadline: string | null;
  /** Set when the plan names a date that does not exist ("31/11/2026"). */
  deadlineProblem: string | null;
  kind: string;
  state: SubmissionState;
  fileId: number | null;
  fileName: string | null;
  receivedAt: string | null;
  daysLate?: number | null;
}

export interface SourceFileRow {
  id: number;
  fileName: string;
  kind: string;
  year: number | null;
  status: string;
  recordCount: number;
  uploadedAt: string;
  unitName: string | null;
}

export interface ModelRow {
  id: number;
  name: string;
  ownerName: string | null;
  ownerUnitId: number | null;
  unitName: string | null;
  field: string | null;
  fieldInferred: boolean;
  status: string | null;
  ownerType: string | null;
  year: number | null;
  firstYear: number | null;
  recognitionLevel: string | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  page: number;
  pageSize: number;
}

/** Where a stored value came from: the file, and the sheet/row/cell in it. */
export interface Provenance {
  fileId: number;
  fileName: string;
  sheet: string | null;
  row: number | null;
  cell: string | null;
  table?: number | null;
  paragraph?: number | null;
}

export interface ProvenancedValue {
  field: string;
  value: string | number | boolean | null;
  source: Provenance | null;
  inferred?: boolean;
  corrected?: boolean;
}

export interface ModelYear {
  year: number;
  kind: 'registration' | 'recognition' | 'exemplar';
  unitName: string | null;
  values: ProvenancedValue[];
}

export interface ModelDetail {
  id: number;
  name: string;
  ownerName: string | null;
  ownerUnitId: number | null;
  field: string | null;
  firstYear: number | null;
  history: ModelYear[];
}

export type JobState = 'queued' | 'reading' | 'loaded' | 'failed' | 'needs_review';

export interface IngestIssue {
  severity: 'error' | 'warning' | 'info';
  code: string;
  message: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  value: string | null;
}

export interface UploadJob {
  id: number;
  fileName: string;
  sizeBytes: number;
  state: JobState;
  /** 0..100 */
  progress: number;
  message: string | null;
  sourceFileId: number | null;
  duplicate: boolean;
  kind: string | null;
  year: number | null;
  unitName: string | null;
  recordCount: number;
  reviewCount: number;
  /** Problems the job reports itself (failures); the file's reading adds the rest. */
  issues: IngestIssue[];
}

export interface UploadBatch {
  id: number;
  createdAt: string | null;
  state: 'queued' | 'running' | 'done';
  /** 0..100 over all files, as the server counts it. */
  progress: number;
  jobs: UploadJob[];
}

/** What the reader understood of a stored file (kind, year, unit) and its issues. */
export interface FileReading {
  id: number;
  kind: string;
  year: number | null;
  unitName: string | null;
  unitResolved: boolean;
  records: number;
  issues: IngestIssue[];
}

export interface ReviewItem {
  id: number;
  fileId: number;
  fileName: string | null;
  recordType: string;
  /** field_inferred | unresolved_owner | unresolved_unit | unknown_year | invalid_date | low_confidence_mapping | possible_duplicate | possible_model_match | etl_warning */
  reason: string;
  /** Vietnamese; names the file, sheet and row. */
  message: string;
  /** How a person settles it: pick a unit, pick an earlier model, or edit a value. */
  action: 'choose_unit' | 'choose_model' | 'edit';
  /** The record field the doubt is about, when known. */
  field: string | null;
  value: string | null;
  candidates: { id: number; label: string }[];
  /** Fields of the stored row, offered when correcting. */
  recordFields: string[];
  source: Provenance | null;
  state: string;
}

/** One line of the audit log: who did what, when, from where. */
export interface AuditEntry {
  id: number;
  occurredAt: string;
  userId: number | null;
  username: string | null;
  action: string;
  target: string | null;
  detail: Record<string, unknown> | null;
  ip: string | null;
}
