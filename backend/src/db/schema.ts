import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

/**
 * Typed schema of the DuckDB store, kept in step with migrations/.
 * Dates with partial precision ('2026', '2026-03', '2026-03-15') are text;
 * calendar dates of the registry are DATE and come back as 'YYYY-MM-DD'.
 */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Json<T> = ColumnType<T, string | T, string | T>;

export interface AppMetaTable {
  key: string;
  value: string;
}

export interface UnitTable {
  id: Generated<number>;
  name: string;
  kind: string;
  level: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  code: string | null;
  created_at: Generated<Date>;
  /** The name folded for matching (units/fold.ts). */
  folded_name: string | null;
}

export interface UnitAliasTable {
  unit_id: number;
  alias: string;
  folded: string;
  source: Generated<string>;
}

export interface UnitLineageTable {
  predecessor_id: number;
  successor_id: number;
  effective_date: string;
  note: string | null;
}

export interface SourceFileTable {
  id: Generated<number>;
  sha256: string;
  file_name: string;
  size_bytes: number;
  format: string | null;
  kind: Generated<string>;
  year: number | null;
  unit_text: string | null;
  unit_id: number | null;
  level: string | null;
  encoding: string | null;
  decision_no: string | null;
  decision_date: string | null;
  /** loaded | failed | needs_review | superseded | deleted */
  status: string;
  superseded_by: number | null;
  record_count: Generated<number>;
  uploaded_by: number | null;
  uploaded_at: Timestamp;
  deleted_at: Timestamp | null;
  deleted_by: number | null;
  batch_id: number | null;
  /** What tells versions apart beyond unit+kind+year: a report's period, a recognition's decision number. */
  variant: string | null;
  /** How unit_id was found: exact | alias | confirmed | null (unresolved). */
  unit_method: string | null;
  /** When the raw bytes were removed by an admin (the row stays). */
  purged_at: Timestamp | null;
}

export interface ModelTable {
  id: Generated<number>;
  name: string;
  folded_name: string;
  owner_unit_id: number | null;
  owner_text: string | null;
  field: string | null;
  first_year: number | null;
  /** The source file whose row created this model. */
  created_from: number | null;
}

/** Provenance of one stored row: the file's sheet/table, row and cells. */
export interface RowSource {
  sheet?: string | null;
  row?: number | null;
  table?: number | null;
  paragraph?: number | null;
  cells?: Record<string, string>;
}

interface RecordColumns {
  id: Generated<number>;
  source_file_id: number;
  year: number | null;
  unit_id: number | null;
  extra: Json<Record<string, string>> | null;
  source: Json<RowSource>;
  /** Stable key of the row within its file ('S:Sheet1!R12', 'T1R3', 'P4'), for corrections. */
  record_key: string | null;
}

/** How owner_unit_id was found: exact | alias | confirmed | issuer (no owner written) | null (unresolved). */
interface OwnerColumns {
  owner_method: string | null;
}

export interface RegistrationTable extends RecordColumns, OwnerColumns {
  model_id: number | null;
  model_name: string | null;
  field: string | null;
  field_inferred: Generated<boolean>;
  owner: string | null;
  owner_unit_id: number | null;
  owner_type: string | null;
  status: string | null;
  start_date: string | null;
  end_date: string | null;
  launch_date: string | null;
  location: string | null;
  person_in_charge: string | null;
  goal: string | null;
  content: string | null;
  note: string | null;
  review_state: Generated<string>;
}

export interface RecognitionTable extends RecordColumns, OwnerColumns {
  model_id: number | null;
  model_name: string | null;
  owner: string | null;
  owner_unit_id: number | null;
  field: string | null;
  level: string | null;
  decision_no: string | null;
  decision_date: string | null;
  review_state: Generated<string>;
}

export interface ExemplarTable extends RecordColumns, OwnerColumns {
  model_id: number | null;
  name: string | null;
  exemplar_type: string | null;
  position: string | null;
  unit_text: string | null;
  owner_unit_id: number | null;
  model_name: string | null;
  award: string | null;
  level: string | null;
  review_state: Generated<string>;
}

export interface ReportFigureTable extends RecordColumns {
  period: string | null;
  models_registered: number | null;
  models_new: number | null;
  models_continued: number | null;
  models_replicated: number | null;
  recognized_commune: number | null;
  recognized_district: number | null;
  recognized_province: number | null;
  exemplars_collective: number | null;
  exemplars_individual: number | null;
}

export interface IngestIssueTable {
  id: Generated<number>;
  source_file_id: number;
  severity: string;
  code: string;
  message: string;
  sheet: string | null;
  row: number | null;
  column: string | null;
  value: string | null;
}

export interface PlanDeadline {
  /** registration | h1_report | year_report | recognition | … */
  kind: string;
  /** The date as written in the plan ('31/11/2026' stays as written). */
  text: string;
  /** ISO date, or null when the written date does not exist. */
  date: string | null;
  /** What is due, in the plan's words (Vietnamese). */
  label?: string;
  /** Kind of file that answers it (source_file.kind): registration | report | recognition | exemplar. */
  document?: string;
  /** For reports: H1 or FY. */
  period?: string | null;
  /** Who must send it: the issuer itself, or its child units of given kinds or names. */
  submitters?: { type: 'self' } | { type: 'children'; kinds?: string[]; names?: string[] };
}

export interface PlanTable {
  id: Generated<number>;
  issuer_unit_id: number | null;
  year: number;
  title: string;
  source_document: string | null;
  deadlines: Json<PlanDeadline[]>;
  created_at: Generated<Timestamp>;
  /** Stable key ('seed-004-2026'); importing the same code again replaces the plan. */
  code: string | null;
  /** The issuer as the document names it, kept even when resolved to a unit. */
  issuer_text: string | null;
  notes: string | null;
}

export interface QuotaRuleTable {
  id: Generated<number>;
  plan_id: number;
  code: string;
  description: string;
  shape: string;
  params: Json<Record<string, unknown>>;
  position: Generated<number | null>;
}

/** Derived from unit + unit_lineage by db/unit-scope.ts; never written elsewhere. */
export interface UnitClosureTable {
  ancestor_id: number;
  descendant_id: number;
  depth: number;
  lineage_hops: number;
}

export interface CorrectionTable {
  id: Generated<number>;
  sha256: string;
  record_type: string;
  record_key: string;
  field: string;
  old_value: string | null;
  new_value: string | null;
  reason: string | null;
  user_id: number | null;
  created_at: Generated<Timestamp>;
  /** Who made the change, as they named themselves until auth provides user_id. */
  author: string | null;
  source_file_id: number | null;
}

export interface AppUserTable {
  id: Generated<number>;
  username: string;
  password_hash: string;
  /** admin | uploader | viewer */
  role: string;
  unit_id: number | null;
  display_name: string | null;
  disabled: Generated<boolean>;
  created_at: Generated<Timestamp>;
  last_login_at: NullableTimestamp;
  password_changed_at: NullableTimestamp;
}

type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

/** A server-side login session (0004-auth); `id` is the sha256 of the cookie's token. */
export interface AuthSessionTable {
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: Timestamp;
  expires_at: Timestamp;
  last_seen_at: Timestamp;
  ip: string | null;
  user_agent: string | null;
}

export interface AuditLogTable {
  id: Generated<number>;
  occurred_at: Generated<Timestamp>;
  user_id: number | null;
  username: string | null;
  action: string;
  target: string | null;
  detail: Json<Record<string, unknown>> | null;
  ip: string | null;
}

export interface UploadBatchTable {
  id: Generated<number>;
  /** api | cli | seed */
  origin: string;
  created_by: string | null;
  file_count: number;
  created_at: Timestamp;
}

export interface IngestJobTable {
  id: Generated<number>;
  batch_id: number;
  file_name: string;
  sha256: string;
  size_bytes: number;
  /** queued | reading | loaded | failed | needs_review */
  state: string;
  /** 0–100 */
  progress: Generated<number>;
  message: string | null;
  errors: Json<JobError[]> | null;
  source_file_id: number | null;
  /** The same bytes were already stored: nothing changed. */
  duplicate: Generated<boolean>;
  record_count: Generated<number>;
  review_count: Generated<number>;
  attempts: Generated<number>;
  queued_at: Timestamp;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
}

export interface JobError {
  code: string;
  message: string;
  sheet?: string | null;
  row?: number | null;
  column?: string | null;
}

export interface ReviewItemTable {
  id: Generated<number>;
  source_file_id: number;
  /** registration | recognition | exemplar | report | file */
  record_type: string;
  record_key: string;
  record_id: number | null;
  /** field_inferred | unresolved_owner | unresolved_unit | invalid_date | low_confidence_mapping | possible_duplicate | possible_model_match | etl_warning */
  reason: string;
  message: string;
  detail: Json<Record<string, unknown>> | null;
  /** open | confirmed | corrected | rejected | withdrawn */
  state: Generated<string>;
  resolved_by: string | null;
  resolved_at: Timestamp | null;
  created_at: Timestamp;
}

export interface DB {
  app_meta: AppMetaTable;
  unit: UnitTable;
  unit_alias: UnitAliasTable;
  unit_lineage: UnitLineageTable;
  source_file: SourceFileTable;
  model: ModelTable;
  registration: RegistrationTable;
  recognition: RecognitionTable;
  exemplar: ExemplarTable;
  report_figure: ReportFigureTable;
  ingest_issue: IngestIssueTable;
  plan: PlanTable;
  quota_rule: QuotaRuleTable;
  unit_closure: UnitClosureTable;
  correction: CorrectionTable;
  app_user: AppUserTable;
  audit_log: AuditLogTable;
  auth_session: AuthSessionTable;
  upload_batch: UploadBatchTable;
  ingest_job: IngestJobTable;
  review_item: ReviewItemTable;
}

export type Unit = Selectable<UnitTable>;
export type NewUnit = Insertable<UnitTable>;
export type SourceFile = Selectable<SourceFileTable>;
export type NewSourceFile = Insertable<SourceFileTable>;
export type SourceFileUpdate = Updateable<SourceFileTable>;
