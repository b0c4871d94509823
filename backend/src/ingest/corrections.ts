/**
 * What a person may correct on a stored row, and how a correction's text
 * value becomes a column value. Corrections are stored as text (old, new) in
 * the `correction` table, keyed by the file's sha256 and the row's record key,
 * and re-applied whenever the same file is loaded again.
 */

export type RecordType = 'registration' | 'recognition' | 'exemplar' | 'report' | 'file';
export type FactTableName = 'registration' | 'recognition' | 'exemplar' | 'report_figure';

export function tableOf(type: Exclude<RecordType, 'file'>): FactTableName {
  return type === 'report' ? 'report_figure' : type;
}

type ValueKind = 'text' | 'int' | 'unit' | 'model' | 'date' | { values: string[] };

const FIELDS = { values: ['economy', 'culture_society', 'defense_security', 'political_system'] };
const OWNER_TYPES = { values: ['collective', 'individual'] };
const LEVELS = { values: ['commune', 'district', 'province'] };

export const CORRECTABLE: Record<RecordType, Record<string, ValueKind>> = {
  registration: {
    model_name: 'text', field: FIELDS, owner: 'text', owner_unit_id: 'unit', owner_type: OWNER_TYPES,
    status: { values: ['new', 'continued', 'replicated', 'dropped'] }, start_date: 'date', end_date: 'date', launch_date: 'date',
    location: 'text', person_in_charge: 'text', goal: 'text', content: 'text', note: 'text', year: 'int', model_id: 'model',
  },
  recognition: {
    model_name: 'text', owner: 'text', owner_unit_id: 'unit', field: FIELDS, level: LEVELS, decision_no: 'text', decision_date: 'date', year: 'int', model_id: 'model',
  },
  exemplar: {
    name: 'text', exemplar_type: OWNER_TYPES, position: 'text', unit_text: 'text', owner_unit_id: 'unit', model_name: 'text', award: 'text', level: LEVELS, year: 'int', model_id: 'model',
  },
  report: {
    period: { values: ['H1', 'FY'] }, models_registered: 'int', models_new: 'int', models_continued: 'int', models_replicated: 'int',
    recognized_commune: 'int', recognized_district: 'int', recognized_province: 'int', exemplars_collective: 'int', exemplars_individual: 'int', year: 'int',
  },
  file: { unit_id: 'unit', year: 'int' },
};

/** A decision on a review item, stored as a correction of this pseudo-field. */
export const REVIEW_FIELD_PREFIX = 'review:';
/** A rejected row: stored as a correction of this pseudo-field; the row is not loaded again. */
export const REJECT_FIELD = '_rejected';

/**
 * A row's review state from the states of its review items (open, confirmed,
 * corrected; withdrawn and file-level ones left out) and whether a stored
 * correction changed one of its values: pending while an item is open;
 * corrected when a decision or a correction changed a value; confirmed when
 * its items were confirmed; ok without doubts. Loading, deciding and
 * withdrawing all use this one rule.
 */
export function rowReviewState(itemStates: ReadonlySet<string>, valuesChanged: boolean): string {
  if (itemStates.has('open')) return 'pending';
  if (itemStates.has('corrected') || valuesChanged) return 'corrected';
  return itemStates.has('confirmed') ? 'confirmed' : 'ok';
}

/** Checks and converts one value; returns a Vietnamese message when it does not fit. */
export function convertValue(type: RecordType, field: string, value: unknown): { ok: true; value: string | number | null } | { ok: false; message: string } {
  const kind = CORRECTABLE[type][field];
  if (!kind) return { ok: false, message: `Không sửa được trường “${field}” của loại bản ghi này.` };
  if (value === null || value === '') return { ok: true, value: null };
  if (kind === 'text') return typeof value === 'string' ? { ok: true, value: value.normalize('NFC').trim() } : { ok: false, message: `“${field}” phải là chuỗi ký tự.` };
  if (kind === 'int' || kind === 'unit' || kind === 'model') {
    const n = typeof value === 'number' ? value : Number(value);
    return Number.isInteger(n) && n >= 0 ? { ok: true, value: n } : { ok: false, message: `“${field}” phải là số nguyên.` };
  }
  if (kind === 'date') {
    const text = String(value);
    if (!/^\d{4}(-\d{2}(-\d{2})?)?$/.test(text)) return { ok: false, message: `“${field}” phải là ngày dạng YYYY, YYYY-MM hoặc YYYY-MM-DD.` };
    const [y, m, d] = text.split('-').map(Number);
    if (m !== undefined && (m < 1 || m > 12)) return { ok: false, message: `“${field}”: tháng ${m} không tồn tại.` };
    if (d !== undefined) {
      const date = new Date(Date.UTC(y!, m! - 1, d));
      if (date.getUTCDate() !== d) return { ok: false, message: `“${field}”: ngày ${text} không tồn tại.` };
    }
    return { ok: true, value: text };
  }
  return kind.values.includes(String(value))
    ? { ok: true, value: String(value) }
    : { ok: false, message: `“${field}” phải là một trong: ${kind.values.join(', ')}.` };
}

/** Back from the stored text to the column's value. */
export function storedValue(type: RecordType, field: string, text: string | null): string | number | null {
  if (text === null) return null;
  const kind = CORRECTABLE[type][field];
  return kind === 'int' || kind === 'unit' || kind === 'model' ? Number(text) : text;
}
