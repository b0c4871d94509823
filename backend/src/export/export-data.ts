/**
 * Everything one export pack shows, as plain data. The writers (XLSX, charts,
 * DOCX, PPTX) are pure functions of this; ExportService fills it from the
 * analytics services, so the pack shows the same numbers as the dashboard.
 */

export type FieldCode = 'economy' | 'culture_society' | 'defense_security' | 'political_system';
export type StatusCode = 'new' | 'continued' | 'replicated' | 'dropped';
export type LevelCode = 'commune' | 'district' | 'province';
export type OwnerTypeCode = 'collective' | 'individual';

export const FIELDS: readonly FieldCode[] = ['economy', 'culture_society', 'defense_security', 'political_system'];
export const STATUSES: readonly StatusCode[] = ['new', 'continued', 'replicated', 'dropped'];
/** Highest level first: the order the lists are printed in. */
export const LEVELS: readonly LevelCode[] = ['province', 'district', 'commune'];

/** Who issues the pack and where: the header block of every document. */
export interface ExportMeta {
  unitId: number;
  /** The unit as registered, e.g. "Đảng ủy xã Đông Hòa". */
  unitName: string;
  /** Upper line of the header block, e.g. "ĐẢNG BỘ TỈNH HẢI ĐÔNG" (null: the unit is the top). */
  parentLine: string | null;
  /** Lower line of the header block, e.g. "ĐẢNG ỦY XÃ ĐÔNG HÒA". */
  issuerLine: string;
  /** The committee reported to, for "Nơi nhận" ("Tỉnh ủy Hải Đông"); null at the top. */
  superior: string | null;
  /** Collective noun used in sentences: "Toàn Đảng bộ", "Toàn xã". */
  collective: string;
  /** Place written before the date ("Đông Hòa, ngày … tháng … năm …"). */
  place: string;
  year: number;
  /** First year of the trend when a range was asked for; null for one year. */
  fromYear: number | null;
  /** The date printed in the header block. */
  issuedOn: Date;
}

/** Totals for the whole subtree in the year: the dashboard's KPI cards. */
export interface ExportOverview {
  registered: number;
  byStatus: Record<StatusCode, number>;
  /** Registered models whose file gave no status (new / continued / replicated). */
  statusUnknown: number;
  /** The dashboard's status distribution as it draws it (key null: no status); null: derive from byStatus. */
  statusSlices: { key: string | null; count: number }[] | null;
  byField: Record<FieldCode, number>;
  /** Registrations whose field is unknown (shown, never guessed). */
  fieldUnknown: number;
  /** Recognised models by field (null when analytics does not break recognitions down by field). */
  recognizedByField: Record<FieldCode, number> | null;
  recognizedFieldUnknown: number;
  recognized: Record<LevelCode, number>;
  recognizedTotal: number;
  exemplars: Record<OwnerTypeCode, number>;
  /** recognised ÷ registered, null when nothing was registered. */
  recognitionRate: number | null;
  childUnits: number;
  childUnitsWithModel: number;
}

/** One row of the registration summary: a child unit of the chosen unit. */
export interface UnitRegistrationRow {
  unitId: number;
  unitName: string;
  registered: number;
  byField: Record<FieldCode, number>;
  fieldUnknown: number;
  byStatus: Record<StatusCode, number>;
  statusUnknown: number;
  recognized: number;
  exemplars: number;
}

export interface RecognitionItem {
  modelName: string;
  owner: string | null;
  /** The child unit the model is counted under. */
  unitName: string | null;
  field: FieldCode | null;
  level: LevelCode | null;
  decisionNo: string | null;
  /** Partial date as stored: '2026-11-20', '2026-11' or '2026'. */
  decisionDate: string | null;
}

export interface ExemplarItem {
  name: string;
  exemplarType: OwnerTypeCode | null;
  position: string | null;
  unit: string | null;
  modelName: string | null;
  award: string | null;
  level: LevelCode | null;
}

/** One quota rule evaluated for one unit. */
export interface QuotaRow {
  unitName: string;
  rule: string;
  /** The target as the plan writes it ("≥ 5 mô hình", "≥ 50 %"). */
  target: string;
  /** The measured value as a reader sees it ("7", "62,5 %"). */
  actual: string;
  /** true met, false not met, null cannot be evaluated (no data). */
  met: boolean | null;
  note: string | null;
}

export type SubmissionStatus = 'on_time' | 'late' | 'missing' | 'not_due' | 'received';

/** One unit against one deadline of the year's plan: what it sent and when. */
export interface SubmissionRow {
  unitName: string;
  /** What is due, as the plan says it ("Đăng ký mô hình"). */
  deadline: string;
  /** The due date as written ("10/02/2026", or "31/11/2026" kept as written). */
  dueText: string;
  status: SubmissionStatus;
  /** ISO date the first answering file arrived, null when none. */
  receivedOn: string | null;
  files: number;
  daysLate: number | null;
}

export interface TrendPoint {
  year: number;
  registered: number;
  recognized: number;
  exemplars: number;
  /** The year's figures include pre-merger units rolled up into today's unit (marked on the chart). */
  rolledUp?: boolean;
}

export interface ExportData {
  meta: ExportMeta;
  overview: ExportOverview;
  units: UnitRegistrationRow[];
  recognitions: RecognitionItem[];
  exemplars: ExemplarItem[];
  quotas: QuotaRow[];
  submissions: SubmissionRow[];
  /** One point per year from fromYear to year; a single point without a range. */
  trend: TrendPoint[];
  /** The plan's recognised ÷ registered target (0.5 for "≥ 50 %"), drawn on the rate chart; null if none. */
  recognitionTarget: number | null;
}

export const zeroFields = (): Record<FieldCode, number> => ({ economy: 0, culture_society: 0, defense_security: 0, political_system: 0 });
export const zeroStatuses = (): Record<StatusCode, number> => ({ new: 0, continued: 0, replicated: 0, dropped: 0 });
export const zeroLevels = (): Record<LevelCode, number> => ({ commune: 0, district: 0, province: 0 });
