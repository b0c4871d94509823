import type { EtlIssue, EtlRecord, FileResult, RecordSource } from '@dvk/etl';
import { memoizeByString } from '../common/string-memo.js';
import { fold } from '../units/fold.js';
import type { UnitRegistry } from '../units/registry.js';
import { REJECT_FIELD, REVIEW_FIELD_PREFIX, storedValue, tableOf, type FactTableName, type RecordType } from './corrections.js';
import type { CorrectionRow } from './ingest.repository.js';

/** One row ready to insert, before the file id and model links are known. */
export interface PreparedRow {
  type: Exclude<RecordType, 'file'>;
  table: FactTableName;
  key: string;
  values: Record<string, unknown>;
  /** For model identity: the folded model name and the written owner. */
  modelKey: string | null;
  ownerText: string | null;
  /** A model id fixed by a correction. */
  fixedModelId: number | null;
  /** Where in its file the row came from (describeSource words it, only for a review message). */
  source: RecordSource | null | undefined;
}

export interface ReviewDraft {
  record_type: RecordType;
  record_key: string;
  reason: string;
  message: string;
  detail: Record<string, unknown>;
}

export interface PreparedFile {
  unitId: number | null;
  unitMethod: string | null;
  year: number | null;
  variant: string | null;
  rows: PreparedRow[];
  review: ReviewDraft[];
  /** Decisions already taken on review items of this file (record_type:key:reason → state). */
  decisions: Map<string, string>;
  /** Rows a person rejected before: not loaded again. */
  rejected: number;
  /** Rows with at least one correction re-applied. */
  corrected: Set<string>;
}

/** 'Tệp “a.xlsx”, trang “Sheet1”, dòng 7' — where a record came from, in words. */
export function describeSource(file: string, source: RecordSource | null | undefined): string {
  const position = describePosition(source);
  return position ? `Tệp “${file}”, ${position}` : `Tệp “${file}”`;
}

/** 'trang “Sheet1”, dòng 7' — where in its file a record came from ('' when the reader gave no position). */
function describePosition(source: RecordSource | null | undefined): string {
  const parts: string[] = [];
  if (source?.sheet) parts.push(`trang “${source.sheet}”`);
  if (source?.table) parts.push(`bảng ${source.table}`);
  if (source?.row) parts.push(`dòng ${source.row}`);
  if (source?.paragraph) parts.push(`đoạn ${source.paragraph}`);
  return parts.join(', ');
}

/** A row's stable key within its file: the same bytes always give the same keys. */
export function recordKey(source: RecordSource | null | undefined, index: number): string {
  if (source?.sheet && source.row) return `S:${source.sheet}!R${source.row}`;
  if (source?.table && source.row) return `T${source.table}R${source.row}`;
  if (source?.row) return `R${source.row}`;
  if (source?.paragraph) return `P${source.paragraph}`;
  return `#${index + 1}`;
}

/** The folded name that identifies a model across years ('Mô hình “Dân vận khéo” …' → '…'). */
export function modelKey(name: string | null | undefined): string | null {
  return name ? modelKeyMemo(name) : null;
}

// A thousand communes register the same few hundred model names.
const modelKeyMemo = memoizeByString((name: string): string | null => {
  const key = fold(name).replace(/\bmo hinh\b/g, ' ').replace(/\bdan van kheo\b/g, ' ').replace(/\s+/g, ' ').trim();
  return key || null;
});

const FIELD_LABEL: Record<string, string> = {
  economy: 'Kinh tế', culture_society: 'Văn hóa - xã hội', defense_security: 'Quốc phòng - an ninh', political_system: 'Xây dựng hệ thống chính trị',
};

const FILE_LEVEL_WARNINGS = new Set(['REPORT_FIGURE_CONFLICT', 'REPORT_NO_FIGURES', 'DOC_TABLES_FLATTENED']);

/** Which review reason an ETL issue on a row raises. */
function reasonOf(issue: EtlIssue): string | null {
  if (issue.severity === 'info') return null;
  if (/DATE/.test(issue.code)) return 'invalid_date';
  if (/CONFIDENCE|MAPPING|UNCERTAIN|AMBIGUOUS_(COLUMN|HEADER)/.test(issue.code)) return 'low_confidence_mapping';
  return 'etl_warning';
}

/**
 * From the ETL's reading to rows and review drafts: record keys, the issuing
 * unit and each owner resolved against the registry, corrections re-applied,
 * doubts turned into review items. Pure: no database.
 */
export function prepareFile(result: FileResult, fileName: string, registry: UnitRegistry, corrections: CorrectionRow[]): PreparedFile {
  const byRecord = new Map<string, CorrectionRow[]>();
  const decisions = new Map<string, string>();
  for (const c of corrections) {
    if (c.field.startsWith(REVIEW_FIELD_PREFIX)) {
      decisions.set(`${c.record_type}:${c.record_key}:${c.field.slice(REVIEW_FIELD_PREFIX.length)}`, c.new_value ?? 'confirmed');
      continue;
    }
    const key = `${c.record_type}:${c.record_key}`;
    byRecord.set(key, [...(byRecord.get(key) ?? []), c]);
  }

  const review: ReviewDraft[] = [];
  const fileWhere = `Tệp “${fileName}”`;
  let year = result.year;
  let unit = registry.resolve(result.unit, { year });
  let unitId = unit.unitId;
  let unitMethod: string | null = unit.method;
  for (const c of byRecord.get('file:file') ?? []) {
    if (c.field === 'unit_id' && c.new_value) {
      unitId = Number(c.new_value);
      unitMethod = 'confirmed';
    }
    if (c.field === 'year') year = c.new_value ? Number(c.new_value) : null;
  }
  if (unitId === null && unitMethod === null) {
    if (year !== result.year) unit = registry.resolve(result.unit, { year });
    review.push({
      record_type: 'file', record_key: 'file', reason: 'unresolved_unit',
      message: result.unit
        ? `${fileWhere}: đơn vị ban hành “${result.unit}” chưa khớp đơn vị nào trong danh mục${unit.suggestions.length ? `; có thể là: ${unit.suggestions.map((s) => s.name).join('; ')}` : ''}.`
        : `${fileWhere}: không thấy tên đơn vị ban hành; hãy chọn đơn vị.`,
      detail: { text: result.unit, suggestions: unit.suggestions, ambiguous: unit.ambiguous },
    });
  }
  if (result.records.length === 0) {
    review.push({ record_type: 'file', record_key: 'file', reason: 'no_records', message: `${fileWhere}: không đọc được dòng dữ liệu nào; hãy kiểm tra tệp.`, detail: {} });
  }
  if (year === null) {
    review.push({ record_type: 'file', record_key: 'file', reason: 'unknown_year', message: `${fileWhere}: không xác định được năm của văn bản.`, detail: {} });
  }

  const firstReport = result.records.find((r) => r.type === 'report');
  const firstRecognition = result.records.find((r) => r.type === 'recognition');
  const variant = result.kind === 'report' ? (firstReport?.type === 'report' ? firstReport.period : null)
    : result.kind === 'recognition' ? (result.decision_no ?? (firstRecognition?.type === 'recognition' ? firstRecognition.decision_no : null)) ?? null
    : null;

  const issuesByRow = new Map<string, EtlIssue[]>();
  for (const issue of result.issues) {
    if (!issue.row) continue;
    const key = `${issue.sheet ?? ''}!${issue.row}`;
    issuesByRow.set(key, [...(issuesByRow.get(key) ?? []), issue]);
  }
  for (const issue of result.issues) {
    if (issue.row) continue;
    const reason = reasonOf(issue);
    // File-level doubts worth a person's look; other file-level notes stay as issues of the file.
    if (reason === 'low_confidence_mapping' || (reason !== null && FILE_LEVEL_WARNINGS.has(issue.code))) {
      review.push({ record_type: 'file', record_key: 'file', reason, message: issue.message, detail: { code: issue.code, column: issue.column ?? null, value: issue.value ?? null } });
    }
  }

  // A sheet named after a commune ("Đông La", "TT Kim Sơn" in a district's summary) scopes its rows to that commune.
  const sheetScopes = new Map<string, number | null>();
  const scopeOf = (sheet: string | null | undefined, y: number | null): number | null => {
    if (!sheet) return unitId;
    const cacheKey = `${y}\u0000${sheet}`;
    if (!sheetScopes.has(cacheKey)) sheetScopes.set(cacheKey, registry.communeByPlace(sheet, y)?.id ?? null);
    return sheetScopes.get(cacheKey) ?? unitId;
  };
  const owners = new Map<string, ReturnType<UnitRegistry['resolve']>>();
  const resolveOwner = (text: string, y: number | null, sheet: string | null | undefined) => {
    const scope = scopeOf(sheet, y);
    const cacheKey = `${y}\u0000${scope}\u0000${text}`;
    let found = owners.get(cacheKey);
    if (!found) {
      found = registry.resolve(text, { year: y, scopeUnitId: scope });
      owners.set(cacheKey, found);
    }
    return found;
  };

  const rows: PreparedRow[] = [];
  const seenKeys = new Map<string, number>();
  // The first row of each model in this file, described only if another row repeats it.
  const seenModels = new Map<string, RecordSource | null | undefined>();
  const corrected = new Set<string>();
  let rejected = 0;
  result.records.forEach((record: EtlRecord, index) => {
    const type = record.type;
    const table = tableOf(type);
    let key = recordKey(record.source, index);
    const n = (seenKeys.get(`${type}:${key}`) ?? 0) + 1;
    seenKeys.set(`${type}:${key}`, n);
    if (n > 1) key = `${key}~${n}`;
    // Worded only for a review message: most rows never need it.
    const where = () => describeSource(fileName, record.source);
    const rowYear = record.year ?? year;
    // JSON columns (extra, source) travel as objects: the bulk insert serialises the whole group once.
    // Each row is built whole, in one literal with every column the write fills in later (ids, owner, model,
    // review state): a thousand files make tens of thousands of rows, and an object that grows after it is
    // made costs a copy of its properties each time.
    const extra = record.extra ?? {};
    const source = record.source ?? {};
    let values: Record<string, unknown>;
    let ownerText: string | null = null;
    let modelName: string | null = null;
    const rowReview: ReviewDraft[] = [];
    switch (record.type) {
      case 'registration':
        values = {
          id: 0, source_file_id: 0, year: rowYear, unit_id: unitId, record_key: key, extra, source,
          model_name: record.model_name, field: record.field, field_inferred: record.field_inferred, owner: record.owner,
          owner_type: record.owner_type, status: record.status, start_date: record.start_date, end_date: record.end_date,
          launch_date: record.launch_date, location: record.location, person_in_charge: record.person_in_charge,
          goal: record.goal, content: record.content, note: record.note,
          owner_unit_id: undefined, owner_method: null, model_id: null, review_state: 'ok',
        };
        ownerText = record.owner_type === 'individual' ? null : record.owner;
        modelName = record.model_name;
        if (record.field_inferred && record.field) {
          rowReview.push({ record_type: type, record_key: key, reason: 'field_inferred',
            message: `${where()}: lĩnh vực “${FIELD_LABEL[record.field] ?? record.field}” được suy ra từ tên mô hình “${record.model_name ?? ''}”, tệp không ghi.`,
            detail: { field: record.field, model_name: record.model_name } });
        }
        break;
      case 'recognition':
        values = {
          id: 0, source_file_id: 0, year: rowYear, unit_id: unitId, record_key: key, extra, source,
          model_name: record.model_name, owner: record.owner, field: record.field, level: record.level,
          decision_no: record.decision_no ?? result.decision_no ?? null, decision_date: record.decision_date ?? result.decision_date ?? null,
          owner_unit_id: undefined, owner_method: null, model_id: null, review_state: 'ok',
        };
        ownerText = record.owner;
        modelName = record.model_name;
        break;
      case 'exemplar':
        values = {
          id: 0, source_file_id: 0, year: rowYear, unit_id: unitId, record_key: key, extra, source,
          name: record.name, exemplar_type: record.exemplar_type, position: record.position, unit_text: record.unit,
          model_name: record.model_name, award: record.award, level: record.level,
          owner_unit_id: undefined, owner_method: null, model_id: null, review_state: 'ok',
        };
        ownerText = record.unit ?? (record.exemplar_type === 'collective' ? record.name : null);
        modelName = record.model_name;
        break;
      case 'report':
        values = {
          id: 0, source_file_id: 0, year: rowYear, unit_id: unitId, record_key: key, extra, source,
          period: record.period, models_registered: record.models_registered, models_new: record.models_new,
          models_continued: record.models_continued, models_replicated: record.models_replicated,
          recognized_commune: record.recognized_commune, recognized_district: record.recognized_district,
          recognized_province: record.recognized_province, exemplars_collective: record.exemplars_collective,
          exemplars_individual: record.exemplars_individual,
        };
        break;
    }

    let fixedModelId: number | null = null;
    let rejectedRow = false;
    for (const c of byRecord.get(`${type}:${key}`) ?? []) {
      if (c.field === REJECT_FIELD) {
        rejectedRow = c.new_value !== 'false';
        continue;
      }
      const value = storedValue(type, c.field, c.new_value);
      corrected.add(`${type}:${key}`);
      if (c.field === 'model_id') fixedModelId = value as number | null;
      else if (c.field === 'owner_unit_id') values.owner_unit_id = value;
      else values[c.field] = value;
      if (c.field === 'field' && type === 'registration') values.field_inferred = false;
      if (c.field === 'owner' || c.field === 'unit_text') ownerText = value as string | null;
      if (c.field === 'model_name') modelName = value as string | null;
    }
    if (rejectedRow) {
      rejected++;
      return;
    }

    if (type !== 'report') {
      const rowYearNow = (values.year as number | null) ?? null;
      if (values.owner_unit_id !== undefined) {
        values.owner_method = 'confirmed';
      } else if (!ownerText) {
        values.owner_unit_id = unitId;
        values.owner_method = unitId !== null ? 'issuer' : null;
      } else {
        const owner = resolveOwner(ownerText, rowYearNow, record.source?.sheet);
        values.owner_unit_id = owner.unitId;
        values.owner_method = owner.method;
        if (owner.unitId === null) {
          rowReview.push({ record_type: type, record_key: key, reason: 'unresolved_owner',
            message: owner.ambiguous
              ? `${where()}: “${ownerText}” trùng với nhiều đơn vị (${owner.suggestions.map((s) => s.name).join('; ')}); hãy chọn một.`
              : `${where()}: chủ thể “${ownerText}” chưa khớp đơn vị nào${owner.suggestions.length ? `; có thể là: ${owner.suggestions.map((s) => s.name).join('; ')}` : ''}.`,
            detail: { text: ownerText, suggestions: owner.suggestions, ambiguous: owner.ambiguous } });
        }
      }
    }

    for (const issue of (issuesByRow.size > 0 && issuesByRow.get(`${record.source?.sheet ?? ''}!${record.source?.row ?? ''}`)) || []) {
      const reason = reasonOf(issue);
      if (!reason) continue;
      rowReview.push({ record_type: type, record_key: key, reason, message: issue.message, detail: { code: issue.code, column: issue.column ?? null, value: issue.value ?? null } });
    }

    const mKey = type === 'report' ? null : modelKey(modelName);
    if (mKey && type === 'registration') {
      const dupKey = `${mKey}\u0000${values.owner_unit_id ?? fold(ownerText)}`;
      if (seenModels.has(dupKey)) {
        const firstSource = seenModels.get(dupKey);
        const first = describePosition(firstSource) || describeSource(fileName, firstSource);
        rowReview.push({ record_type: type, record_key: key, reason: 'possible_duplicate',
          message: `${where()}: mô hình “${modelName}” đã có ở ${first} của cùng tệp; có thể bị đếm hai lần.`, detail: { first } });
      } else seenModels.set(dupKey, record.source);
    }

    if (rowReview.length > 0) {
      const distinct = new Map<string, ReviewDraft>();
      for (const item of rowReview) if (!distinct.has(item.reason)) distinct.set(item.reason, item);
      review.push(...distinct.values());
    }
    rows.push({ type, table, key, values, modelKey: mKey, ownerText, fixedModelId, source: record.source });
  });

  return { unitId, unitMethod, year, variant, rows, review, decisions, rejected, corrected };
}
