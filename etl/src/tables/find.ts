/**
 * Table finding on a Grid: title block, one to three header rows (merged),
 * the numbering row "(1) (2) (3)", then data rows classified as data, group
 * ("I. LĨNH VỰC KINH TẾ", "TẬP THỂ"), total ("Tổng cộng") or blank, up to
 * the signature block or the next table's title. Several tables per sheet.
 */
import type { Grid, GridCell } from '../grid.js';
import { fold } from '../text/vietnamese.js';
import { headerKey, matchHeader } from '../mapping/vocabulary.js';
import { looseKey } from './keys.js';

export type RowKind = 'data' | 'group' | 'total' | 'blank';

export interface TableRow {
  row: number;
  kind: RowKind;
  hidden: boolean;
  /** For group rows: the group's text. */
  text?: string;
}

export interface FoundTable {
  /** Title lines above the header (after the previous table), in order. */
  title: { row: number; text: string; bold: boolean; col: number }[];
  headerTop: number;
  headerBottom: number;
  numberingRow: number | null;
  /** Columns with a header or any data, left to right. */
  columns: { col: number; path: string[]; hidden: boolean }[];
  rows: TableRow[];
  /** Rows after the table up to the next one (signature block, notes). */
  footer: { row: number; text: string }[];
}

/** Visible text of a cell, reading through merges. */
export function cellText(grid: Grid, r: number, c: number): string {
  const cell = grid.rows[r]?.[c];
  if (!cell) return '';
  if (cell.mergedInto) {
    const [mr, mc] = cell.mergedInto;
    return (grid.rows[mr]?.[mc]?.text ?? '').trim();
  }
  return cell.text.trim();
}

export function masterCell(grid: Grid, r: number, c: number): GridCell | undefined {
  const cell = grid.rows[r]?.[c];
  if (cell?.mergedInto) return grid.rows[cell.mergedInto[0]]?.[cell.mergedInto[1]];
  return cell;
}

/** Own (non-covered) non-empty cells of a row. */
function ownCells(grid: Grid, r: number): { col: number; cell: GridCell }[] {
  const out: { col: number; cell: GridCell }[] = [];
  const row = grid.rows[r];
  if (!row) return out;
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (cell && !cell.mergedInto && cell.text.trim() !== '') out.push({ col: c, cell });
  }
  return out;
}

function rowWidth(grid: Grid): number {
  let w = 0;
  for (const row of grid.rows) if (row && row.length > w) w = row.length;
  return w;
}

const SUB_HEADER_ROLES = new Set(['status_new', 'status_continued', 'status_replicated', 'status_dropped', 'year']);
const NAMEISH = new Set(['model_name', 'name', 'owner', 'stt', 'unit', 'decision', 'decision_no']);

/** How much a row looks like a header: distinct cells matching the vocabulary. */
export function headerScore(grid: Grid, r: number): { score: number; nameish: boolean } {
  let score = 0;
  let nameish = false;
  let long = 0;
  const cells = ownCells(grid, r);
  let dataLike = 0;
  // A row that starts with a running number ("1", "12") is a data row, whatever words follow.
  const first = cells[0]?.cell;
  if (first && cells.length > 1 && (typeof first.raw === 'number' || /^\d{1,4}\.?$/.test(first.text.trim()))) return { score: 0, nameish: false };
  for (const { cell } of cells) {
    const t = cell.text.trim();
    if (t.length > 60) {
      long++;
      continue;
    }
    // Dates and amounts belong to data rows, never to headers.
    if (cell.raw instanceof Date || (typeof cell.raw === 'number' && !/^\(?\d{1,2}\)?$/.test(t)) || /^\d{1,2}[/.-]\d{1,2}([/.-]\d{2,4})?$/.test(t)) {
      dataLike++;
      continue;
    }
    if (/^\(?\d+\)?$/.test(t)) continue;
    const m = matchHeader(t);
    // Sub-header words ("Mới", "Duy trì") and long texts that merely begin like a header ("Mô hình …") do not make a header row.
    if (m && !SUB_HEADER_ROLES.has(m.role) && (m.confidence >= 0.95 || (m.confidence >= 0.85 && t.length <= 40))) {
      score++;
      if (NAMEISH.has(m.role)) nameish = true;
    }
  }
  if (dataLike >= 2 || (long > 0 && long >= score)) return { score: 0, nameish: false };
  return { score, nameish };
}

function isHeaderRow(grid: Grid, r: number): boolean {
  const { score, nameish } = headerScore(grid, r);
  return score >= 3 || (score >= 2 && nameish);
}

const NUMBERING = /^\(?\s*(\d{1,2}|[a-z]|[ivx]{1,4})\s*\)?$/i;

function isNumberingRow(grid: Grid, r: number): boolean {
  const cells = ownCells(grid, r);
  if (cells.length < 2) return false;
  let prev = 0;
  let sequential = 0;
  for (const { cell } of cells) {
    const t = cell.text.trim();
    if (!NUMBERING.test(t)) return false;
    const n = Number(t.replace(/[()\s]/g, ''));
    if (Number.isFinite(n)) {
      if (n === prev + 1) sequential++;
      prev = n;
    }
  }
  // Data rows also start with 1, 2 … but never hold only small numbers in every cell.
  return sequential >= Math.max(2, cells.length - 1) || cells.every(({ cell }) => /^\(.*\)$/.test(cell.text.trim()));
}

const SIGNATURE = /^(nguoi lap( bieu)?|nguoi tong hop|t\/m|tm\.?\s|tm$|k\/t|kt\.?\s|xac nhan|noi nhan|thu truong|bi thu$|chu tich$|truong ban$|pho bi thu$|pho chu tich$|(\(|\[)?ky(,| ten| va| ghi| dong)|dai dien|lanh dao don vi|can bo tong hop|q\.? ?truong|pho truong ban$|truong phong$|ban thuong vu$)/;
const DATE_LINE = /\bngay\s*(\d{1,2}|\.{2,}|…)\s*thang\s*(\d{1,2}|\.{2,}|…)\s*nam\s*\d{4}/;

const NOTE = /^(ghi chu\s*:|luu y\s*:|chu y\s*:|\*|\(\*\)|nguon\s*:|ghi chu$|luu y$)/;

/** A lone note under the table ("Ghi chú: …", "* Lưu ý …") ends it like a signature does. */
export function isNoteRow(grid: Grid, r: number): boolean {
  const cells = ownCells(grid, r);
  return cells.length === 1 && NOTE.test(looseKey(cells[0]!.cell.text));
}

export function isSignatureRow(grid: Grid, r: number): boolean {
  const cells = ownCells(grid, r);
  // Signature blocks are sparse rows; a full data row is never one.
  if (cells.length > 3) return false;
  for (const { cell } of cells) {
    if (cell.text.length > 90) continue;
    const k = looseKey(cell.text);
    if (SIGNATURE.test(k)) return true;
    // "Đông Hòa, ngày 10 tháng 3 năm 2026" stands alone (or beside a left note), unlike a data cell.
    if (cells.length <= 2 && DATE_LINE.test(fold(cell.text)) && k.length < 90) return true;
  }
  return false;
}

/** "Tổng cộng", "Tổng số: 45 mô hình", "Cộng:", "Cộng 12" — but not "Công an xã …" or "Tổng đội …". */
const TOTAL = /^(tong cong|tong so|cong so|luy ke|total)\b|^(tong|cong)\s*(:|$|\(|\d)/;

/** Roman numerals and letters that number groups: "I.", "II", "A.", "B)". */
const GROUP_NUMBER = /^((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)|[a-d])[.)]?$/i;
const ROMAN_NUMBER = /^(?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)[.)]?$/i;
const GROUP_PREFIX = /^((?:i|ii|iii|iv|v|vi|vii|viii|ix|x|xi|xii)|[a-d])[.)\s-]\s*\S/i;
const GROUP_WORDS = /^(tap the|ca nhan|linh vuc|khoi|nhom|cac|mo hinh (moi|duy tri|nhan rong)|cap (xa|huyen|tinh|thanh pho)|xa |phuong |thi tran |thon |to dan pho |chi bo |dang bo |quoc phong|kinh te|van hoa|xay dung|an ninh|phat trien kinh te)/;

function classify(grid: Grid, r: number, sttCol: number | null, nameCol: number | null, width: number): { kind: RowKind; text?: string } {
  const cells = ownCells(grid, r).filter(({ col }) => !grid.hiddenColumns.has(col));
  if (cells.length === 0) return { kind: 'blank' };
  const first = cells[0]!;
  const firstKey = looseKey(first.cell.text);
  const texts = cells.map((c) => c.cell.text.trim());
  const joined = texts.join(' ');
  if (TOTAL.test(firstKey) || (cells.length <= 3 && TOTAL.test(looseKey(texts[1] ?? '')) && (sttCol === null || first.col === sttCol))) {
    return { kind: 'total', text: joined };
  }
  const sttText = sttCol !== null ? cellText(grid, r, sttCol) : '';
  const nameText = nameCol !== null ? cellText(grid, r, nameCol) : '';
  // A wide merged cell, or a lone text with a roman/letter number, is a group heading.
  const span = first.cell.colSpan ?? 1;
  const isWide = span >= Math.max(3, Math.floor(width / 2));
  if (cells.length === 1 && (isWide || GROUP_PREFIX.test(first.cell.text.trim()) || GROUP_WORDS.test(firstKey) || (first.cell.bold && (sttCol === null || first.col !== sttCol) && !/^\d/.test(firstKey)))) {
    if (!/^\d+[.)]?$/.test(firstKey)) return { kind: 'group', text: first.cell.text.trim() };
  }
  if (cells.length === 2 && GROUP_NUMBER.test(sttText) && cells[0]!.col === sttCol) {
    return { kind: 'group', text: `${sttText}. ${cells[1]!.cell.text.trim()}` };
  }
  // "II | LĨNH VỰC VĂN HÓA - XÃ HỘI | 5" : a roman-numbered heading with its subtotal.
  if (cells[0]!.col === sttCol && ROMAN_NUMBER.test(sttText) && nameText !== '' && cells.slice(2).every((c) => /^\(?\d+\)?$/.test(c.cell.text.trim()) || /^\(?\d+\s*mô hình\)?$/iu.test(c.cell.text.trim()))) {
    return { kind: 'group', text: `${sttText}. ${nameText}` };
  }
  if (cells.length <= 2 && sttText === '' && nameText !== '' && GROUP_WORDS.test(looseKey(nameText)) && (first.cell.bold || /^(tap the|ca nhan)$/.test(fold(nameText)))) {
    return { kind: 'group', text: nameText };
  }
  return { kind: 'data' };
}

/** Header paths per column: each header row's text over that column (merged parents repeated). */
function headerPaths(grid: Grid, top: number, bottom: number, width: number): { col: number; path: string[] }[] {
  const out: { col: number; path: string[] }[] = [];
  for (let c = 0; c < width; c++) {
    const path: string[] = [];
    for (let r = top; r <= bottom; r++) path.push(cellText(grid, r, c));
    out.push({ col: c, path });
  }
  return out;
}

function rowSpanInto(grid: Grid, from: number, to: number, k: number): boolean {
  const row = grid.rows[k];
  if (!row) return false;
  for (const cell of row) if (cell?.mergedInto && cell.mergedInto[0] >= from && cell.mergedInto[0] <= to && cell.mergedInto[0] < k) return true;
  return false;
}

/** Header-block extension: a row below is a sub-header if merges reach it or its words are sub-header words. */
function isSubHeaderRow(grid: Grid, top: number, k: number): boolean {
  if (isNumberingRow(grid, k)) return false;
  const cells = ownCells(grid, k);
  if (cells.length === 0) return rowSpanInto(grid, top, k - 1, k);
  let words = 0;
  for (const { cell } of cells) {
    const key = headerKey(cell.text);
    if (/^\d/.test(key) && !/^\(\d+\)$/.test(cell.text.trim())) return false;
    if (matchHeader(cell.text) || /^(moi|duy tri|nhan rong|loai bo|tu|den|so|ngay|tap the|ca nhan|nam|cap xa|cap huyen|cap tinh|tong so)$/.test(key)) words++;
  }
  if (rowSpanInto(grid, top, k - 1, k)) return words >= 1 || cells.length <= 3;
  return words >= 2 && words === cells.length;
}

export function findTables(grid: Grid): FoundTable[] {
  const height = grid.rows.length;
  const width = rowWidth(grid);
  const headers: number[] = [];
  for (let r = 0; r < height; r++) {
    if (isHeaderRow(grid, r)) {
      headers.push(r);
      // skip this header's own sub-rows
      let k = r + 1;
      while (k < height && k <= r + 2 && isSubHeaderRow(grid, r, k)) k++;
      r = k - 1;
    }
  }
  const tables: FoundTable[] = [];
  let prevEnd = -1;
  for (let i = 0; i < headers.length; i++) {
    const top = headers[i]!;
    let bottom = top;
    while (bottom + 1 < height && bottom + 1 <= top + 2 && isSubHeaderRow(grid, top, bottom + 1)) bottom++;
    let dataStart = bottom + 1;
    let numberingRow: number | null = null;
    if (dataStart < height && isNumberingRow(grid, dataStart)) {
      numberingRow = dataStart;
      dataStart++;
    }
    const nextHeader = headers[i + 1] ?? height;
    const paths = headerPaths(grid, top, bottom, width);
    const mapped = paths.map((p) => ({ ...p, m: matchHeader(p.path.filter(Boolean).join(' ')) ?? matchHeader(p.path[0] ?? '') }));
    const sttCol = mapped.find((p) => p.m?.role === 'stt')?.col ?? null;
    const nameCol = mapped.find((p) => p.m?.role === 'model_name' || p.m?.role === 'name')?.col ?? null;
    // Title: contiguous non-blank rows just above the header, after the previous table.
    const title: FoundTable['title'] = [];
    for (let r = prevEnd + 1; r < top; r++) {
      for (const { col, cell } of ownCells(grid, r)) title.push({ row: r, text: cell.text.trim(), bold: Boolean(cell.bold), col });
    }
    const rows: TableRow[] = [];
    const footer: FoundTable['footer'] = [];
    let end = dataStart - 1;
    let inFooter = false;
    let seenData = false;
    // Rows just above the next header that are its title (after a blank line) are not ours.
    let limit = nextHeader;
    if (i + 1 < headers.length) {
      let r = nextHeader - 1;
      while (r > dataStart && ownCells(grid, r).length > 0 && classify(grid, r, sttCol, nameCol, width).kind !== 'data') r--;
      if (ownCells(grid, r).length === 0) limit = r + 1;
    }
    for (let r = dataStart; r < limit; r++) {
      if (!inFooter && (isSignatureRow(grid, r) || (seenData && isNoteRow(grid, r)))) inFooter = true;
      if (inFooter) {
        const t = ownCells(grid, r).map((c) => c.cell.text.trim()).join(' | ');
        if (t) footer.push({ row: r, text: t });
        continue;
      }
      const k = classify(grid, r, sttCol, nameCol, width);
      if (k.kind === 'blank') continue;
      rows.push({ row: r, kind: k.kind, hidden: grid.hiddenRows.has(r), ...(k.text !== undefined ? { text: k.text } : {}) });
      if (k.kind === 'data') seenData = true;
      end = r;
    }
    // Columns: those with a header text or any data below.
    const columns: FoundTable['columns'] = [];
    for (const p of paths) {
      const hasHeader = p.path.some((t) => t !== '');
      let hasData = false;
      if (!hasHeader) {
        for (const tr of rows) if (tr.kind === 'data' && cellText(grid, tr.row, p.col) !== '') hasData = true;
      }
      if (hasHeader || hasData) columns.push({ col: p.col, path: p.path, hidden: grid.hiddenColumns.has(p.col) });
    }
    tables.push({ title, headerTop: top, headerBottom: bottom, numberingRow, columns, rows, footer });
    prevEnd = Math.max(end, footer.length ? footer[footer.length - 1]!.row : end);
    if (limit < nextHeader) prevEnd = limit - 1;
  }
  return tables;
}
