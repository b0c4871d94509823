/**
 * Word documents (.docx, .doc) → one FileResult, through the same pipeline as
 * spreadsheets wherever the content is a table:
 *
 *   reader → WordDocument (paragraphs and tables in order)
 *     → header block and title lines (the left/right table at the top)
 *     → a narrative report (title "báo cáo" and figures in its text): one
 *       record from sentences and small tables (a one-row Grid of the report
 *       vocabulary), plus one record per unit row of a per-unit figures table
 *     → else list tables (mẫu 01, recognition and exemplar lists): each Word
 *       table with the paragraphs just above it becomes a Grid for gridsToResult
 *     → else registration forms (mẫu 04, one or several per file): labelled
 *       values → one-row Grids
 *     → else a report from a figures table alone, or with no figures (nulls)
 *
 * Forms and reports are turned into Grids too, so record building (dates,
 * fields, status, owner type, numbers) is the spreadsheet code, not a copy.
 * Word provenance (table/paragraph) replaces the synthetic sheet/row.
 */
import type { EtlIssue, EtlRecord, FileResult, RecordSource, SourceFormat } from '../contract.js';
import type { DocumentBlock, Grid, GridCell, WordDocument } from '../grid.js';
import { mapColumns } from '../mapping/map.js';
import type { Role } from '../mapping/vocabulary.js';
import { buildRecords } from '../records/build.js';
import { documentMeta, type DocumentMeta } from '../records/meta.js';
import { gridsToResult, kindFromRoles } from '../records/pipeline.js';
import { readDoc } from '../readers/doc.js';
import { readDocx, type WordReadResult } from '../readers/docx.js';
import type { ZipLimits } from '../detect/zip.js';
import { findTables, type FoundTable } from '../tables/find.js';
import { fold } from '../text/index.js';
import { isSignatureText, labelRole, looksLikeForm, readForms, type FormReading, type FormValue } from './form.js';
import { FIGURE_KEYS, type FigureKey } from './figures.js';
import { readReport } from './report.js';

export { readDocx } from '../readers/docx.js';
export { readDoc } from '../readers/doc.js';

export interface WordLayout {
  /** The header block table, when the document opens with one. */
  headerTable: number | null;
  /** Title lines in the order documentMeta expects: right column, left column, then title paragraphs. */
  titleLines: string[];
  /** Blocks after the title. */
  body: DocumentBlock[];
}

const HEADER_MARK = /(dang cong san viet nam|cong hoa xa hoi chu nghia|doc lap|dang bo|dang uy|chi bo|uy ban|ubnd|hoi |doan |mat tran|ngay .{0,6}thang .{0,6}nam)/;
const SECTION = /^\s*(?:[IVX]{1,4}|\d{1,2}|[a-d])[.)]\s+\S/u;

/** "(Kèm theo Báo cáo số …)": an attachment note, not the document's own title (decision annexes excepted). */
function isAttachmentNote(t: string): boolean {
  const f = fold(t).replace(/^[(\s]+/, '');
  return /^kem theo/.test(f) && !/(quyet dinh|qd)/.test(f);
}

function lines(text: string): string[] {
  return text.split('\n').map((l) => l.trim()).filter((l) => l !== '');
}

/** Header-block lines of one table: right column first (documentMeta takes the last organisation line as the issuer). */
function headerLines(grid: Grid): string[] {
  const out: string[] = [];
  for (const row of grid.rows) {
    const cells = row.filter((c): c is GridCell => c !== undefined && !c.mergedInto);
    for (const c of cells.slice(1).reverse()) out.push(...lines(c.text));
    if (cells[0]) out.push(...lines(cells[0].text));
  }
  return out;
}

/**
 * Finds the header block and the title paragraphs under it. When the body
 * has no header block, the page header's (if any) stands in for it.
 */
export function layoutOf(doc: WordDocument, pageHeader: DocumentBlock[] = []): WordLayout {
  const blocks = doc.blocks;
  const titleLines: string[] = [];
  let i = 0;
  let headerTable: number | null = null;
  // Paragraphs before a header table ("Mẫu 04", "Phụ lục 02").
  const firstTable = blocks.findIndex((b) => b.type === 'table');
  const nonEmptyBefore = blocks.slice(0, Math.max(0, firstTable)).filter((b) => b.type === 'paragraph' && b.text.trim() !== '');
  const ft = firstTable >= 0 ? blocks[firstTable] : undefined;
  if (ft && ft.type === 'table' && nonEmptyBefore.length <= 2 && ft.grid.rows.length <= 3 && ft.grid.rows.every((r) => r.length <= 3)) {
    const text = fold(ft.grid.rows.flatMap((r) => r.map((c) => c?.text ?? '')).join(' '));
    if (HEADER_MARK.test(text)) {
      headerTable = ft.index;
      for (const b of nonEmptyBefore) if (b.type === 'paragraph') titleLines.push(b.text.trim());
      titleLines.push(...headerLines(ft.grid));
      i = firstTable + 1;
    }
  }
  if (headerTable === null) {
    for (const b of pageHeader) {
      if (b.type === 'table') titleLines.push(...headerLines(b.grid));
      else titleLines.push(...lines(b.text));
    }
  }
  // Title paragraphs: up to the first section, labelled line, long paragraph, table or signature.
  let taken = 0;
  for (; i < blocks.length; i++) {
    const b = blocks[i]!;
    if (b.type === 'table') break;
    const t = b.text.trim();
    if (t === '') continue;
    if (SECTION.test(t) || t.length > 160 || isSignatureText(t)) break;
    // A sentence, or (when alignment is known) a left-aligned line after the title: the body has begun.
    if (taken > 0 && ((t.length > 80 && /[.:;]$/.test(t)) || (b.align !== undefined && b.align !== 'center' && b.align !== 'right'))) break;
    if (isAttachmentNote(t)) continue;
    const m = /^([^:：]{2,70})[:：]/u.exec(t);
    if (m && labelRole(m[1] ?? '') !== null) break;
    titleLines.push(...lines(t));
    if (++taken >= 8) { i++; break; }
  }
  return { headerTable, titleLines, body: blocks.slice(i) };
}

interface ListCandidate { grid: Grid; table: number; offset: number }

/** A Word table with the paragraphs just above it (its caption) as one Grid. */
function candidateGrid(body: DocumentBlock[], at: number): ListCandidate | null {
  const b = body[at];
  if (!b || b.type !== 'table') return null;
  const caption: string[] = [];
  for (let k = at - 1; k >= 0 && caption.length < 4; k--) {
    const p = body[k]!;
    if (p.type === 'table') break;
    const t = p.text.trim();
    if (t === '') { if (caption.length > 0) break; continue; }
    // A caption is a title, not body text: stop at bullets and sentences.
    if (t.length > 200 || /^[-–+•*]\s/u.test(t) || (t.length > 60 && /[.;:]$/.test(t))) break;
    if (!isAttachmentNote(t)) caption.unshift(t);
  }
  const rows: (GridCell | undefined)[][] = caption.map((t) => [{ text: t, raw: t, bold: true }]);
  const offset = rows.length;
  for (const row of b.grid.rows) {
    rows.push(row.map((c) => (c ? { ...c, ...(c.mergedInto ? { mergedInto: [c.mergedInto[0] + offset, c.mergedInto[1]] as [number, number] } : {}) } : c)));
  }
  return { grid: { name: `Bảng ${b.index}`, rows, hiddenRows: new Set(), hiddenColumns: new Set() }, table: b.index, offset };
}

const FIGURE_ROLES = new Set<Role>(FIGURE_KEYS);

/**
 * What findTables sees in a Word table: a list (a name column and at least
 * two other known columns), a table of report figures per unit (at least two
 * figure columns, read by the spreadsheet report builder), or neither.
 */
function tableKind(grid: Grid): 'list' | 'figures' | null {
  for (const t of findTables(grid)) {
    if (t.rows.filter((r) => r.kind === 'data').length === 0) continue;
    const roles = new Set(mapColumns(t.columns, 'unknown').filter((m) => m.role && m.confidence >= 0.7).map((m) => m.role!));
    if ((roles.has('model_name') || roles.has('name')) && roles.size >= 3) return 'list';
    // Mapped as a report, "Công nhận cấp xã" is a count, not a level.
    const asReport = new Set(mapColumns(t.columns, 'report').filter((m) => m.role && m.confidence >= 0.7).map((m) => m.role!));
    if ([...asReport].filter((r) => FIGURE_ROLES.has(r)).length >= 2 && kindFromRoles(asReport) === 'report') return 'figures';
  }
  return null;
}

/** Word tables through the spreadsheet pipeline; Word provenance replaces the synthetic sheet/row. */
function tablesResult(tables: ListCandidate[], base: Ctx): FileResult {
  const res = gridsToResult(tables.map((l) => l.grid), base);
  const byName = new Map(tables.map((l) => [l.grid.name, l]));
  res.records = res.records.map((r) => {
    const l = r.source.sheet ? byName.get(r.source.sheet) : undefined;
    if (!l) return r;
    const row = (r.source.row ?? 0) - l.offset;
    const cells: Record<string, string> = {};
    for (const [k, a] of Object.entries(r.source.cells ?? {})) {
      const m = /^([A-Z]+)(\d+)$/.exec(a);
      cells[k] = m ? `T${l.table}R${Number(m[2]) - l.offset}C${colNumber(m[1]!)}` : a;
    }
    return { ...r, source: { table: l.table, row, cells } };
  });
  res.issues = res.issues.map((i) => {
    const l = i.sheet ? byName.get(i.sheet) : undefined;
    if (!l) return i;
    // Spreadsheet wording ("Trang …, dòng 7") → the Word table and its own row number.
    const row = typeof i.row === 'number' ? i.row - l.offset : i.row;
    const message = i.message
      .replace(/Trang "Bảng (\d+)"/g, `Tệp "${base.file}", bảng $1`)
      .replace(/dòng (\d+)/g, (_m, n: string) => `dòng ${Number(n) - l.offset}`)
      .replace(/ô ([A-Z]+)(\d+)/g, (_m, c: string, n: string) => `ô cột ${colNumber(c)}, dòng ${Number(n) - l.offset}`);
    return { ...i, row, message };
  });
  return res;
}

/** Canonical headers for the one-row grids of forms and reports (all exact in the vocabulary). */
const FORM_HEADERS: Partial<Record<Role, string>> = {
  model_name: 'Tên mô hình',
  owner: 'Chủ thể thực hiện',
  owner_type: 'Loại chủ thể',
  location: 'Địa bàn thực hiện',
  field: 'Lĩnh vực',
  period: 'Thời gian thực hiện',
  start_date: 'Thời gian bắt đầu',
  end_date: 'Thời gian kết thúc',
  launch_date: 'Thời gian ra mắt',
  content: 'Nội dung',
  goal: 'Mục tiêu',
  person_in_charge: 'Người phụ trách',
  status: 'Hình thức',
  note: 'Ghi chú',
  unit: 'Đơn vị',
};

const REPORT_HEADERS: Record<FigureKey, string> = {
  models_registered: 'Số mô hình đăng ký',
  models_new: 'Số mô hình mới',
  models_continued: 'Số mô hình duy trì',
  models_replicated: 'Số mô hình nhân rộng',
  recognized_commune: 'Công nhận cấp xã',
  recognized_district: 'Công nhận cấp huyện',
  recognized_province: 'Công nhận cấp tỉnh',
  exemplars_collective: 'Điển hình tập thể',
  exemplars_individual: 'Điển hình cá nhân',
};

function oneRowGrid(name: string, header: string[], values: string[]): Grid {
  const cell = (t: string, bold = false): GridCell => ({ text: t, raw: t === '' ? null : t, ...(bold ? { bold: true } : {}) });
  return { name, rows: [['STT', ...header].map((h) => cell(h, true)), ['1', ...values].map((v) => cell(v))], hiddenRows: new Set(), hiddenColumns: new Set() };
}

interface Ctx { file: string; sha256: string; format: SourceFormat; titleLines: string[]; issues: EtlIssue[]; meta: DocumentMeta }

/**
 * Builds the one record of a form or report with the spreadsheet record
 * builder: header row 0, data row 1. Table finding is skipped on purpose: a
 * single data row full of dates and "Mới" looks like a second header to it.
 */
function oneRecord(kind: 'registration' | 'report', name: string, header: string[], values: string[], ctx: Ctx, places: string[] = []): { records: EtlRecord[]; issues: EtlIssue[] } {
  const grid = oneRowGrid(name, header, values);
  const table: FoundTable = {
    title: [], headerTop: 0, headerBottom: 0, numberingRow: null,
    columns: ['STT', ...header].map((h, col) => ({ col, path: [h], hidden: false })),
    rows: [{ row: 1, kind: 'data', hidden: false }],
    footer: [],
  };
  const mapping = mapColumns(table.columns, kind);
  const built = buildRecords({ grid, table, mapping, kind, meta: { ...ctx.meta, kind }, titleLevel: null });
  // Messages name the synthetic sheet: speak of the document instead.
  const issues = built.issues.map((i) => {
    // Column B is the first value (A is the synthetic STT): name the paragraph or table cell instead.
    const col = i.column ? i.column.charCodeAt(0) - 66 : -1;
    const place = places[col] ?? name.toLowerCase();
    return { ...i, sheet: null, row: null, column: null, message: i.message.replace(new RegExp(`Trang "${name}", (dòng|ô|cột) [A-Z]*\\d*:?`, 'u'), `Tệp "${ctx.file}", ${place}:`) };
  });
  return { records: built.records, issues };
}

function fileResult(ctx: Ctx, kind: FileResult['kind'], records: EtlRecord[], issues: EtlIssue[]): FileResult {
  const m = ctx.meta;
  return {
    file: ctx.file, sha256: ctx.sha256, format: ctx.format, kind, year: m.year, unit: m.unit, level: m.level, encoding: 'unicode',
    decision_no: m.decision_no, decision_date: m.decision_date, records, issues: [...ctx.issues, ...issues],
  };
}

function placeOf(v: FormValue): string {
  return v.table !== undefined ? `bảng ${v.table}, dòng ${(v.row ?? 0) + 1}` : `đoạn ${v.paragraph ?? '?'}`;
}

function whereOf(v: FormValue): string {
  return v.table !== undefined ? `T${v.table}R${(v.row ?? 0) + 1}C${(v.col ?? 0) + 1}` : `P${v.paragraph ?? 0}`;
}

function stripQuotes(s: string): string {
  const t = s.trim();
  const m = /^[“"'‘«]\s*(.*?)\s*[”"'’»]?[.;]?$/su.exec(t);
  return m && /^[“"'‘«]/u.test(t) && /[”"'’»][.;]?$/u.test(t) ? (m[1] ?? t) : t;
}

function formResult(forms: FormReading[], ctx: Ctx): FileResult {
  const records: EtlRecord[] = [];
  const issues: EtlIssue[] = [];
  for (const form of forms) {
    const one = formRecord(form, ctx);
    records.push(...one.records);
    issues.push(...one.issues);
  }
  return fileResult(ctx, 'registration', records, issues);
}

function formRecord(form: FormReading, ctx: Ctx): { records: EtlRecord[]; issues: EtlIssue[] } {
  const header: string[] = [];
  const values: string[] = [];
  const places: string[] = [];
  const cells: Record<string, string> = {};
  for (const [role, v] of form.values) {
    const h = FORM_HEADERS[role];
    if (!h || role === 'status') continue;
    header.push(h);
    places.push(placeOf(v));
    values.push(role === 'model_name' ? stripQuotes(v.value) : v.value);
    cells[role === 'period' ? 'start_date' : role] = whereOf(v);
  }
  if (form.status || form.statusSource) {
    header.push(FORM_HEADERS.status!);
    values.push(form.status === 'new' ? 'Mới' : form.status === 'continued' ? 'Duy trì' : form.status === 'replicated' ? 'Nhân rộng' : form.status === 'dropped' ? 'Loại bỏ' : '');
    if (form.statusSource) cells.status = whereOf(form.statusSource);
  }
  if (form.ownerType && !form.values.has('owner_type')) {
    header.push(FORM_HEADERS.owner_type!);
    values.push(form.ownerType === 'collective' ? 'Tập thể' : 'Cá nhân');
  }
  const built = oneRecord('registration', 'Phiếu đăng ký', header, values, ctx, places);
  const name = form.values.get('model_name');
  const source: RecordSource = name?.table !== undefined ? { table: name.table, row: (name.row ?? 0) + 1, cells } : { paragraph: name?.paragraph ?? null, cells };
  const records = built.records.map((r) => ({ ...r, source, extra: { ...r.extra, ...form.extra } }));
  return { records, issues: [...form.issues, ...built.issues] };
}

function reportResult(report: ReturnType<typeof readReport>, ctx: Ctx): FileResult {
  const header = FIGURE_KEYS.map((k) => REPORT_HEADERS[k]);
  const values = FIGURE_KEYS.map((k) => (report.figures[k] === undefined ? '' : String(report.figures[k])));
  const built = oneRecord('report', 'Báo cáo', header, values, { ...ctx, meta: { ...ctx.meta, period: report.period ?? ctx.meta.period, year: ctx.meta.year ?? report.year } });
  const cells: Record<string, string> = {};
  let first: { paragraph?: number; table?: number; row?: number } | undefined;
  for (const k of FIGURE_KEYS) {
    const s = report.sources[k];
    if (!s) continue;
    first ??= s;
    cells[k] = s.table !== undefined ? `T${s.table}R${(s.row ?? 0) + 1}` : `P${s.paragraph ?? 0}`;
  }
  const source: RecordSource = first?.table !== undefined ? { table: first.table, row: (first.row ?? 0) + 1, cells } : { paragraph: first?.paragraph ?? null, cells };
  // No figure at all still makes one report record (period, year), every figure null.
  const records: EtlRecord[] = built.records.length > 0
    ? built.records.map((r) => ({ ...r, source }))
    : [{
      type: 'report', year: ctx.meta.year ?? report.year, source, extra: {}, period: report.period ?? ctx.meta.period,
      models_registered: null, models_new: null, models_continued: null, models_replicated: null,
      recognized_commune: null, recognized_district: null, recognized_province: null, exemplars_collective: null, exemplars_individual: null,
    }];
  const issues = [...report.issues, ...built.issues];
  if (report.found === 0) {
    issues.push({ severity: 'warning', code: 'REPORT_NO_FIGURES', message: `Báo cáo "${ctx.file}": không tìm thấy số liệu nào (số mô hình đăng ký, công nhận, điển hình) trong câu chữ hay bảng; các số liệu để trống.` });
  }
  return fileResult({ ...ctx, meta: { ...ctx.meta, year: ctx.meta.year ?? report.year } }, 'report', records, issues);
}

function failed(file: string, sha256: string, format: SourceFormat, read: WordReadResult, preIssues: EtlIssue[]): FileResult {
  return {
    file, sha256, format, kind: 'unknown', year: null, unit: null, level: null, encoding: 'unicode',
    decision_no: null, decision_date: null, records: [],
    issues: [...preIssues, ...read.issues],
  };
}

/** Reads a Word file into a FileResult. Never throws. */
export async function extractWord(bytes: Uint8Array, ctx: { file: string; sha256: string; format: 'docx' | 'doc'; issues?: EtlIssue[]; zip?: ZipLimits }): Promise<FileResult> {
  const preIssues = ctx.issues ?? [];
  const read = ctx.format === 'docx' ? await readDocx(bytes, ctx.file, ctx.zip) : await readDoc(bytes, ctx.file);
  if (!read.document) return failed(ctx.file, ctx.sha256, ctx.format, read, preIssues);
  const result = wordDocumentToResult(read.document, { file: ctx.file, sha256: ctx.sha256, format: ctx.format, issues: [...preIssues, ...read.issues] }, read.pageHeader);
  result.encoding = read.encoding;
  return result;
}

/** The shared half for both Word formats: a WordDocument → FileResult. */
export function wordDocumentToResult(doc: WordDocument, ctx: { file: string; sha256: string; format: SourceFormat; issues: EtlIssue[] }, pageHeader: DocumentBlock[] = []): FileResult {
  const layout = layoutOf(doc, pageHeader);
  const meta = documentMeta(layout.titleLines.map((text) => ({ text, col: 0 })), [], ctx.file);
  const base: Ctx = { file: ctx.file, sha256: ctx.sha256, format: ctx.format, titleLines: layout.titleLines, issues: ctx.issues, meta };
  const lists: ListCandidate[] = [];
  const figureTables: ListCandidate[] = [];
  layout.body.forEach((b, k) => {
    if (b.type !== 'table') return;
    const c = candidateGrid(layout.body, k);
    const kind = c ? tableKind(c.grid) : null;
    if (c && kind === 'list') lists.push(c);
    else if (c && kind === 'figures') figureTables.push(c);
  });
  // Per-unit figure tables are read row by row below, not summed into the narrative.
  const skip = new Set(figureTables.map((t) => t.table));
  const report = readReport(layout.body.filter((b) => b.type !== 'table' || !skip.has(b.index)), layout.titleLines.join(' '), meta.year, ctx.file);
  // A narrative report with figures in its text is a report even if it carries a list table.
  const isReport = meta.kind === 'report' && report.found > 0;

  if (isReport) {
    // The narrative's own figures, then one record per unit row of a figures table (phụ lục 02).
    const res = reportResult(report, base);
    if (figureTables.length > 0) {
      const t = tablesResult(figureTables, { ...base, issues: [] });
      res.records.push(...t.records.filter((r) => r.type === 'report'));
      res.issues.push(...t.issues.filter((i) => i.severity !== 'error'));
    }
    return res;
  }
  if (lists.length > 0) return tablesResult(lists, base);
  const forms = readForms(layout.body, ctx.file).filter(looksLikeForm);
  if (forms.length > 0) return formResult(forms, base);
  if (figureTables.length > 0) return tablesResult(figureTables, base);
  if (meta.kind === 'report' || report.found > 0) return reportResult(report, base);

  return {
    file: ctx.file, sha256: ctx.sha256, format: ctx.format, kind: 'unknown', year: meta.year, unit: meta.unit, level: meta.level, encoding: 'unicode',
    decision_no: meta.decision_no, decision_date: meta.decision_date, records: [],
    issues: [...ctx.issues, {
      severity: 'error', code: 'NO_CONTENT',
      message: `Tệp "${ctx.file}": không nhận ra nội dung cần đọc — không có bảng danh sách (STT, Tên mô hình…), phiếu đăng ký (Tên mô hình: …) hay số liệu báo cáo. Hãy kiểm tra đúng mẫu 01, mẫu 04 hoặc phụ lục 02.`,
    }],
  };
}

function colNumber(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}
