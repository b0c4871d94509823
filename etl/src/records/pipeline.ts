/**
 * The shared half of the pipeline: grids (from any reader, Word tables
 * included) → tables → mapping → records, plus the file-level facts.
 */
import type { DocumentKind, EtlIssue, EtlRecord, FileResult, SourceFormat, TextEncoding } from '../contract.js';
import type { Grid } from '../grid.js';
import { dedupeRoles, mapColumnsRaw, type ColumnMapping } from '../mapping/map.js';
import { refineByValues } from '../mapping/values.js';
import type { Role } from '../mapping/vocabulary.js';
import { findTables, type FoundTable } from '../tables/find.js';
import { fold } from '../text/vietnamese.js';
import { buildRecords } from './build.js';
import { documentMeta, kindFromText, levelFromTitle, type DocumentMeta } from './meta.js';

export interface GridsContext {
  file: string;
  sha256: string;
  format: SourceFormat;
  /** Issues the reader already raised (charset, skipped parts …). */
  issues?: EtlIssue[];
  /** Extra title lines known outside the grids (Word paragraphs above a table). */
  titleLines?: string[];
  /** Epoch ms after which reading stops with TIME_BUDGET (the reader's budget, carried on). */
  deadline?: number;
}

const INSTRUCTION_SHEET = /^(huong dan|hd\b|cach ghi|instruction|readme|ghi chu|chu y|luu y|danh muc|dm\b|list|data$|du lieu nguon|tham so|cau hinh|config|vi du|mau ghi)/;

function isEmptyGrid(grid: Grid): boolean {
  for (const row of grid.rows) if (row) for (const c of row) if (c && c.text.trim() !== '') return false;
  return true;
}

const COUNT_ROLES: Role[] = ['models_registered', 'models_new', 'models_continued', 'models_replicated', 'recognized_commune', 'recognized_district', 'recognized_province', 'exemplars_collective', 'exemplars_individual'];

/** The kind of list a table is, from its mapped columns (when no title says). */
export function kindFromRoles(roles: Set<Role>): DocumentKind {
  if (roles.has('name') && (roles.has('award') || roles.has('position'))) return 'exemplar';
  if (roles.has('model_name')) return roles.has('decision') || roles.has('decision_no') || roles.has('decision_date') ? 'recognition' : 'registration';
  if (roles.has('name')) return 'exemplar';
  if (COUNT_ROLES.filter((r) => roles.has(r)).length >= 2) return 'report';
  return 'unknown';
}

function encodingOf(grids: Grid[]): TextEncoding {
  let tcvn3 = 0;
  let vni = 0;
  let uni = 0;
  for (const g of grids) {
    for (const row of g.rows) {
      if (!row) continue;
      for (const c of row) {
        if (!c || c.text === '') continue;
        if (c.encoding === 'tcvn3') tcvn3++;
        else if (c.encoding === 'vni') vni++;
              else if (typeof c.raw === 'string' && /[^\x00-\x7f]/.test(c.text)) uni++;
      }
    }
  }
  const kinds = [tcvn3 > 0, vni > 0, uni > 0].filter(Boolean).length;
  if (kinds > 1) return 'mixed';
  if (tcvn3) return 'tcvn3';
  if (vni) return 'vni';
  return 'unicode';
}

function mapTable(grid: Grid, table: FoundTable, kind: DocumentKind): { kind: DocumentKind; mapping: ColumnMapping[] } {
  let mapping = mapColumnsRaw(table.columns, kind);
  let k = kind;
  if (k === 'unknown') {
    k = kindFromRoles(new Set(mapping.filter((m) => m.role).map((m) => m.role!)));
    mapping = mapColumnsRaw(table.columns, k);
  }
  if (k !== 'report') refineByValues(mapping, grid, table);
  return { kind: k, mapping: dedupeRoles(mapping) };
}

export function gridsToResult(grids: Grid[], ctx: GridsContext): FileResult {
  const issues: EtlIssue[] = [...(ctx.issues ?? [])];
  const records: EtlRecord[] = [];
  let meta: DocumentMeta | null = null;
  let fileKind: DocumentKind = 'unknown';
  let tablesFound = 0;
  const readGrids: Grid[] = [];
  for (const grid of grids) {
    if (ctx.deadline !== undefined && Date.now() > ctx.deadline) {
      // A file that cannot be read in time loads nothing rather than part of itself.
      return {
        file: ctx.file, sha256: ctx.sha256, format: ctx.format, kind: 'unknown', year: null, unit: null, level: null, encoding: 'unicode',
        decision_no: null, decision_date: null, records: [],
        issues: [...(ctx.issues ?? []), { severity: 'error', code: 'TIME_BUDGET', message: `Tệp "${ctx.file}": đọc quá thời gian cho phép (dừng ở trang "${grid.name}"); hãy tách tệp thành các phần nhỏ hơn.` }],
      };
    }
    const sheet = grid.name;
    if (isEmptyGrid(grid)) {
      issues.push({ severity: 'info', code: 'SHEET_EMPTY', sheet, message: `Trang "${sheet}" trống, bỏ qua.` });
      continue;
    }
    if (INSTRUCTION_SHEET.test(fold(sheet).trim())) {
      issues.push({ severity: 'info', code: 'SHEET_INSTRUCTIONS', sheet, message: `Trang "${sheet}" là trang hướng dẫn/danh mục, bỏ qua.` });
      continue;
    }
    const tables = findTables(grid);
    if (tables.length === 0) {
      const firstText = grid.rows.flatMap((r) => (r ?? []).map((c) => c?.text ?? '')).find((t) => t.trim() !== '') ?? '';
      const instr = /^(huong dan|cach ghi|luu y|chu y|ghi chu)/.test(fold(firstText));
      issues.push(
        instr
          ? { severity: 'info', code: 'SHEET_INSTRUCTIONS', sheet, message: `Trang "${sheet}" là trang hướng dẫn, bỏ qua.` }
          : { severity: 'info', code: 'SHEET_NO_TABLE', sheet, message: `Trang "${sheet}" không có bảng danh sách (không tìm thấy dòng tiêu đề cột), bỏ qua.` },
      );
      continue;
    }
    readGrids.push(grid);
    for (const table of tables) {
      tablesFound++;
      const titleItems = [...(meta === null && ctx.titleLines ? ctx.titleLines.map((t) => ({ text: t, col: 0 })) : []), ...table.title.map((t) => ({ text: t.text, col: t.col }))];
      const tmeta = documentMeta(titleItems, table.footer.map((f) => f.text), ctx.file);
      if (meta === null) {
        meta = tmeta;
        fileKind = meta.kind;
      }
      // A later table's caption may name its own kind or level; else the document's apply.
      const titleText = table.title.map((t) => t.text).join(' ');
      const ownKind = table.title.length ? kindFromText(titleText) : 'unknown';
      const { kind, mapping } = mapTable(grid, table, ownKind !== 'unknown' ? ownKind : fileKind);
      if (kind === 'unknown') {
        // Neither a title nor the columns say what list this is: nothing is guessed.
        issues.push({ severity: 'warning', code: 'UNKNOWN_TABLE', sheet, row: table.headerTop + 1, message: `Trang "${sheet}", bảng có tiêu đề cột ở dòng ${table.headerTop + 1}: không nhận ra đây là danh sách gì (không có cột tên mô hình hay tên tập thể, cá nhân), không nhập.` });
        tablesFound--;
        continue;
      }
      if (fileKind === 'unknown') {
        fileKind = kind;
        meta.kind = kind;
      }
      const effectiveMeta: DocumentMeta = { ...meta, year: meta.year ?? tmeta.year };
      const built = buildRecords({ grid, table, mapping, kind, meta: effectiveMeta, titleLevel: table.title.length ? levelFromTitle(titleText, meta.year) : null });
      // A hidden sheet is what the sender chose not to show (often last year's copy): like hidden rows, not imported.
      if (grid.hidden) {
        if (built.records.length > 0) {
          issues.push({ severity: 'warning', code: 'HIDDEN_SHEET_SKIPPED', sheet, value: String(built.records.length), message: `Trang "${sheet}" đang bị ẩn, có ${built.records.length} dòng dữ liệu nhưng không được nhập; nếu cần nhập, hãy bỏ ẩn trang rồi gửi lại.` });
        }
        continue;
      }
      records.push(...built.records);
      issues.push(...built.issues);
    }
  }
  if (tablesFound === 0 && !issues.some((i) => i.severity === 'error')) {
    issues.push({ severity: 'error', code: 'NO_TABLE', message: `Tệp "${ctx.file}": không tìm thấy bảng danh sách nào (không có dòng tiêu đề cột như "STT, Tên mô hình, …").` });
  }
  const m = meta;
  return {
    file: ctx.file,
    sha256: ctx.sha256,
    format: ctx.format,
    kind: m ? fileKind : 'unknown',
    year: m?.year ?? null,
    unit: m?.unit ?? null,
    level: m?.level ?? null,
    encoding: encodingOf(readGrids.length ? readGrids : grids),
    decision_no: m?.decision_no ?? null,
    decision_date: m?.decision_date ?? null,
    records,
    issues,
  };
}
