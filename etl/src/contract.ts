/**
 * The ETL's output contract (../shared/DESIGN.md, "Contracts"): the seam
 * between reading and loading. Versioned; change it only with a new version.
 */
export const CONTRACT_VERSION = 1;

export type SourceFormat = 'xlsx' | 'xls' | 'csv' | 'docx' | 'doc';
export type DocumentKind = 'registration' | 'recognition' | 'exemplar' | 'report' | 'unknown';
export type TextEncoding = 'unicode' | 'tcvn3' | 'vni' | 'mixed';
export type Field = 'economy' | 'culture_society' | 'defense_security' | 'political_system';
export type OwnerType = 'collective' | 'individual';
export type RegistrationStatus = 'new' | 'continued' | 'replicated' | 'dropped';
/** Administrative level of a recognition or of an issuing unit. */
export type Level = 'commune' | 'district' | 'province';
export type Period = 'H1' | 'FY';
export type Severity = 'error' | 'warning' | 'info';

/**
 * A date with the precision the file had: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'.
 */
export type PartialDate = string;

/** Where a record came from: a sheet row, or a Word table row / paragraph. */
export interface RecordSource {
  sheet?: string | null;
  row?: number | null;
  table?: number | null;
  paragraph?: number | null;
  /** Canonical field → A1 cell address (spreadsheets) or 'T1R3C2' (Word tables). */
  cells?: Record<string, string>;
}

interface RecordBase {
  year: number | null;
  source: RecordSource;
  /** Unmapped columns, header → value, so nothing in the file is lost. */
  extra: Record<string, string>;
}

export interface RegistrationRecord extends RecordBase {
  type: 'registration';
  model_name: string | null;
  field: Field | null;
  field_inferred: boolean;
  owner: string | null;
  owner_type: OwnerType | null;
  status: RegistrationStatus | null;
  start_date: PartialDate | null;
  end_date: PartialDate | null;
  launch_date: PartialDate | null;
  location: string | null;
  person_in_charge: string | null;
  goal: string | null;
  content: string | null;
  note: string | null;
}

export interface RecognitionRecord extends RecordBase {
  type: 'recognition';
  model_name: string | null;
  owner: string | null;
  field: Field | null;
  level: Level | null;
  decision_no: string | null;
  decision_date: PartialDate | null;
}

export interface ExemplarRecord extends RecordBase {
  type: 'exemplar';
  name: string | null;
  exemplar_type: OwnerType | null;
  position: string | null;
  unit: string | null;
  model_name: string | null;
  award: string | null;
  level: Level | null;
}

export interface ReportRecord extends RecordBase {
  type: 'report';
  period: Period | null;
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

export type EtlRecord = RegistrationRecord | RecognitionRecord | ExemplarRecord | ReportRecord;

export interface EtlIssue {
  severity: Severity;
  /** Stable machine code, e.g. 'ENCRYPTED', 'INVALID_DATE', 'LOW_CONFIDENCE_MAPPING'. */
  code: string;
  /** Vietnamese, names the file, sheet, row or cell. */
  message: string;
  sheet?: string | null;
  row?: number | null;
  column?: string | null;
  value?: string | null;
}

export interface FileResult {
  file: string;
  sha256: string;
  format: SourceFormat | null;
  kind: DocumentKind;
  year: number | null;
  /** The issuing unit as written in the title block (NFC), or null. */
  unit: string | null;
  level: Level | null;
  encoding: TextEncoding;
  /** Decision number and date from the title block, when the file is a decision's annex. */
  decision_no?: string | null;
  decision_date?: PartialDate | null;
  records: EtlRecord[];
  issues: EtlIssue[];
}

export interface ExtractOutput {
  files: FileResult[];
}
