/**
 * A tiny sheet model for the generators, and its writers: .xlsx (exceljs),
 * .xls BIFF8 (SheetJS) and .csv. Builders record the row of every value they
 * place, so the expected reading is written from what was put in.
 */
import ExcelJS from 'exceljs';
import * as XLSX from '@e965/xlsx';
import iconv from 'iconv-lite';
import { unicodeToTcvn3, unicodeToVni } from '../../../etl/src/text/legacy-encoding.js';
import { fixZipTimes } from './zipfix.js';

export type Value = string | number | Date | null;
export type Legacy = 'tcvn3' | 'tcvn3H' | 'vni';

export interface CellSpec {
  v: Value;
  font?: string;
  bold?: boolean;
  numFmt?: string;
  /** Write the text in a legacy font encoding (null: force Unicode in a legacy sheet). */
  legacy?: Legacy | null;
  formula?: string;
  rich?: { text: string; bold?: boolean; italic?: boolean }[];
}
export type CellIn = CellSpec | Value;

export class SheetSpec {
  rows: (CellSpec | undefined)[][] = [];
  merges: [number, number, number, number][] = [];
  hiddenRows = new Set<number>();
  hiddenCols = new Set<number>();
  widths: number[] = [];
  state: 'visible' | 'hidden' = 'visible';
  /** Default legacy encoding of string cells. */
  legacy: Legacy | null = null;
  constructor(public name: string) {}

  get next(): number {
    return this.rows.length;
  }

  /** Adds a row at the bottom; returns its 0-based index. */
  add(cells: CellIn[], opts: { bold?: boolean; hidden?: boolean; at?: number } = {}): number {
    const r = this.rows.length;
    const row: (CellSpec | undefined)[] = [];
    const at = opts.at ?? 0;
    cells.forEach((c, i) => {
      if (c === null || c === undefined || c === '') return;
      const spec: CellSpec = typeof c === 'object' && !(c instanceof Date) ? { ...c } : { v: c };
      if (opts.bold && spec.bold === undefined) spec.bold = true;
      row[at + i] = spec;
    });
    this.rows.push(row);
    if (opts.hidden) this.hiddenRows.add(r);
    return r;
  }

  blank(n = 1): void {
    for (let i = 0; i < n; i++) this.rows.push([]);
  }

  merge(r1: number, c1: number, r2: number, c2: number): void {
    if (r1 === r2 && c1 === c2) return;
    this.merges.push([r1, c1, r2, c2]);
  }
}

const LEGACY_FONT: Record<Legacy, string> = { tcvn3: '.VnTime', tcvn3H: '.VnTimeH', vni: 'VNI-Times' };

function encodeLegacy(text: string, legacy: Legacy): string {
  if (legacy === 'vni') return unicodeToVni(text);
  // An upper-case TCVN3 font shows lower-case codes as capitals: store lower case.
  if (legacy === 'tcvn3H') return unicodeToTcvn3(text.toLowerCase(), { upperCaseFont: true });
  return unicodeToTcvn3(text);
}

function legacyOf(sheet: SheetSpec, cell: CellSpec): Legacy | null {
  return cell.legacy === undefined ? sheet.legacy : cell.legacy;
}

const FIXED = new Date(Date.UTC(2026, 0, 15, 8, 0, 0));

export async function toXlsx(sheets: SheetSpec[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Văn phòng Đảng ủy';
  wb.lastModifiedBy = 'Văn phòng Đảng ủy';
  wb.created = FIXED;
  wb.modified = FIXED;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { state: s.state });
    s.widths.forEach((w, i) => {
      if (w) ws.getColumn(i + 1).width = w;
    });
    s.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell) return;
        const x = ws.getCell(r + 1, c + 1);
        const legacy = legacyOf(s, cell);
        const fontName = cell.font ?? (legacy ? LEGACY_FONT[legacy] : 'Times New Roman');
        if (cell.rich) {
          x.value = { richText: cell.rich.map((run) => ({ text: legacy ? encodeLegacy(run.text, legacy) : run.text, font: { name: fontName, bold: run.bold ?? false, italic: run.italic ?? false } })) };
        } else if (cell.formula) {
          x.value = { formula: cell.formula, result: cell.v as number | string } as ExcelJS.CellFormulaValue;
        } else if (typeof cell.v === 'string' && legacy) x.value = encodeLegacy(cell.v, legacy);
        else x.value = cell.v;
        x.font = { name: fontName, size: 12, bold: cell.bold ?? false };
        if (cell.numFmt) x.numFmt = cell.numFmt;
        x.alignment = { wrapText: true, vertical: 'middle' };
      });
    });
    for (const [r1, c1, r2, c2] of s.merges) ws.mergeCells(r1 + 1, c1 + 1, r2 + 1, c2 + 1);
    for (const r of s.hiddenRows) ws.getRow(r + 1).hidden = true;
    for (const c of s.hiddenCols) ws.getColumn(c + 1).hidden = true;
  }
  const buf = Buffer.from(await wb.xlsx.writeBuffer());
  return fixZipTimes(buf);
}

function excelSerial(d: Date): number {
  return (d.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** Legacy .xls through SheetJS's BIFF8 writer (fonts are not written: legacy text is found by statistics). */
export function toXls(sheets: SheetSpec[]): Buffer {
  const wb = XLSX.utils.book_new();
  for (const s of sheets) {
    const ws: XLSX.WorkSheet = {};
    let maxR = 0;
    let maxC = 0;
    s.rows.forEach((row, r) => {
      row.forEach((cell, c) => {
        if (!cell) return;
        maxR = Math.max(maxR, r);
        maxC = Math.max(maxC, c);
        const addr = XLSX.utils.encode_cell({ r, c });
        const legacy = legacyOf(s, cell);
        const v = cell.rich ? cell.rich.map((x) => x.text).join('') : cell.v;
        if (v instanceof Date) ws[addr] = { t: 'n', v: excelSerial(v), z: cell.numFmt ?? 'dd/mm/yyyy' };
        else if (typeof v === 'number') ws[addr] = cell.numFmt ? { t: 'n', v, z: cell.numFmt } : { t: 'n', v };
        else if (typeof v === 'string') ws[addr] = { t: 's', v: legacy ? encodeLegacy(v, legacy) : v };
      });
    });
    ws['!ref'] = XLSX.utils.encode_range({ s: { r: 0, c: 0 }, e: { r: maxR, c: maxC } });
    ws['!merges'] = s.merges.map(([r1, c1, r2, c2]) => ({ s: { r: r1, c: c1 }, e: { r: r2, c: c2 } }));
    const cols: XLSX.ColInfo[] = [];
    for (let c = 0; c <= maxC; c++) cols.push(s.hiddenCols.has(c) ? { hidden: true, wch: s.widths[c] ?? 12 } : { wch: s.widths[c] ?? 12 });
    ws['!cols'] = cols;
    XLSX.utils.book_append_sheet(wb, ws, s.name);
  }
  wb.Props = { Author: 'Van phong', CreatedDate: FIXED };
  return XLSX.write(wb, { bookType: 'biff8', type: 'buffer' }) as Buffer;
}

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'windows-1258' | 'tcvn3-1252';

/** Windows-1258 holds base letters precomposed (ê, ơ, ă …) and tones as combining marks. */
function toCp1258Form(s: string): string {
  let out = '';
  // Each letter: base + shape marks (circumflex, breve, horn) composed, then the tone mark.
  for (const cluster of s.normalize('NFD').match(/\P{M}\p{M}*/gu) ?? []) {
    const marks = [...cluster.slice(1)];
    const shape = marks.filter((m) => /[\u0302\u0306\u031b]/.test(m)).join('');
    const tones = marks.filter((m) => !/[\u0302\u0306\u031b]/.test(m)).join('');
    out += (cluster[0]! + shape).normalize('NFC') + tones;
  }
  return out;
}

function csvCell(v: string, d: string): string {
  return /["\r\n]/.test(v) || v.includes(d) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** Rows as the text of each cell (dates already formatted as the producer wrote them). */
export function toCsv(rows: string[][], delimiter: ',' | ';' | '\t', encoding: CsvEncoding): Buffer {
  const text = rows.map((r) => r.map((v) => csvCell(v, delimiter)).join(delimiter)).join('\r\n') + '\r\n';
  if (encoding === 'utf-8') return Buffer.from(text, 'utf8');
  if (encoding === 'utf-8-bom') return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
  if (encoding === 'utf-16le') return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
  // A .VnTime sheet saved as CSV: TCVN3 codes written as Windows-1252 bytes.
  if (encoding === 'tcvn3-1252') return iconv.encode(unicodeToTcvn3(text), 'windows1252');
  return iconv.encode(toCp1258Form(text), 'windows1258');
}
