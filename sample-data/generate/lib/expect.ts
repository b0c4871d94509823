/**
 * Expected records written from the generator's knowledge of what it put in
 * each row (never from running the extractor).
 */
import type { ExemplarRecord, Field, Level, OwnerType, PartialDate, RecognitionRecord, RegistrationRecord, ReportRecord } from '@dvk/etl';
import type { Reg } from './bank.js';
import type { ExpectedIssue, ExpectedRecord } from './expected.js';

export type RegRole = 'field' | 'owner' | 'owner_type' | 'status' | 'start' | 'end' | 'launch' | 'location' | 'person' | 'goal' | 'content' | 'note';

export interface RegExpectOptions {
  sheet: string;
  /** 0-based row in the sheet (Excel row − 1), or the CSV record index. */
  row: number;
  year: number | null;
  /** Canonical facts the file shows for this row (by a column or a group row). */
  shows: RegRole[];
  /** The file names no field anywhere: the reader must infer it from the name. */
  fieldInferred?: boolean;
  extra?: Record<string, string>;
  /** Values as a careful reader reads them when they differ from the truth (e.g. an impossible date). */
  override?: Partial<RegistrationRecord>;
}

export function expReg(r: Reg, o: RegExpectOptions): ExpectedRecord {
  const has = new Set(o.shows);
  const rec: Omit<RegistrationRecord, 'source'> = {
    type: 'registration',
    year: o.year,
    extra: o.extra ?? {},
    model_name: r.name,
    field: has.has('field') || o.fieldInferred ? r.field : null,
    field_inferred: !has.has('field') && Boolean(o.fieldInferred),
    owner: has.has('owner') ? r.owner : null,
    owner_type: has.has('owner') || has.has('owner_type') ? r.ownerType : null,
    status: has.has('status') ? r.status : null,
    start_date: has.has('start') ? r.start : null,
    end_date: has.has('end') ? r.end : null,
    launch_date: has.has('launch') ? r.launch : null,
    location: has.has('location') ? r.location : null,
    person_in_charge: has.has('person') ? r.person : null,
    goal: has.has('goal') ? r.goal : null,
    content: has.has('content') ? r.content : null,
    note: has.has('note') && r.note !== '' ? r.note : null,
    ...o.override,
  } as Omit<RegistrationRecord, 'source'>;
  return { ...rec, source: { sheet: o.sheet, row: o.row + 1 } } as ExpectedRecord;
}

export interface Rec {
  name: string;
  owner: string;
  field: Field | null;
  level: Level | null;
  decisionNo: string | null;
  decisionDate: PartialDate | null;
}

export function expRec(r: Rec, sheet: string, row: number, year: number | null, extra: Record<string, string> = {}): ExpectedRecord {
  const rec: Omit<RecognitionRecord, 'source'> = {
    type: 'recognition', year, extra,
    model_name: r.name, owner: r.owner, field: r.field, level: r.level, decision_no: r.decisionNo, decision_date: r.decisionDate,
  };
  return { ...rec, source: { sheet, row: row + 1 } } as ExpectedRecord;
}

export interface Ex {
  /** As written, honorific included. */
  written: string;
  /** The name without honorific. */
  name: string;
  type: OwnerType;
  position: string | null;
  unit: string | null;
  model: string | null;
  award: string | null;
  level: Level | null;
}

export function expEx(e: Ex, sheet: string, row: number, year: number | null, extra: Record<string, string> = {}): ExpectedRecord {
  const rec: Omit<ExemplarRecord, 'source'> = {
    type: 'exemplar', year, extra,
    name: e.name, exemplar_type: e.type, position: e.position, unit: e.unit, model_name: e.model, award: e.award, level: e.level,
  };
  return { ...rec, source: { sheet, row: row + 1 } } as ExpectedRecord;
}

export function expReport(r: Omit<ReportRecord, 'type' | 'source' | 'extra' | 'year'>, sheet: string, row: number, year: number | null, extra: Record<string, string>): ExpectedRecord {
  return { type: 'report', year, extra, ...r, source: { sheet, row: row + 1 } } as ExpectedRecord;
}

export function info(code: string, sheet?: string, row?: number): ExpectedIssue {
  return { severity: 'info', code, ...(sheet !== undefined ? { sheet } : {}), ...(row !== undefined ? { row: row + 1 } : {}) };
}

export function warning(code: string, sheet?: string, row?: number): ExpectedIssue {
  return { severity: 'warning', code, ...(sheet !== undefined ? { sheet } : {}), ...(row !== undefined ? { row: row + 1 } : {}) };
}

export function error(code: string): ExpectedIssue {
  return { severity: 'error', code };
}

/** 'YYYY-MM-DD' → 'DD/MM/YYYY' (pad) or 'D/M/YYYY'. */
export function dmy(d: PartialDate, pad = true): string {
  const [y, m, day] = d.split('-');
  if (day === undefined) return pad ? `${m}/${y}` : `${Number(m)}/${y}`;
  return pad ? `${day}/${m}/${y}` : `${Number(day)}/${Number(m)}/${y}`;
}

export function utcDate(d: PartialDate): Date {
  const [y, m, day] = d.split('-').map(Number);
  return new Date(Date.UTC(y!, (m ?? 1) - 1, day ?? 1));
}
