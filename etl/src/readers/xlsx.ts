/**
 * .xlsx reader (exceljs): values, rich text runs (decoded run by run, since a
 * TCVN3 run can sit beside a Unicode one), formulas' cached results, merges,
 * hidden rows and columns, fonts, bold and number formats.
 */
import ExcelJS from 'exceljs';
import type { EtlIssue } from '../contract.js';
import type { Grid, GridCell } from '../grid.js';
import { nfc } from '../text/vietnamese.js';
import { applyMerges, type Budget, decodeText, formatDate, makeCell, type ReadResult, readerError, spend } from './cell.js';

interface RichRun {
  text: string;
  font?: { name?: string };
}

interface MergeRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type CellValue = ExcelJS.CellValue;

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !(v instanceof Date);
}

/** Turns an exceljs value into text + raw, decoding rich-text runs by their own fonts. */
function convert(value: CellValue, font: string | undefined): { text: string; raw: GridCell['raw']; encoding?: 'tcvn3' | 'vni'; decoded: boolean } {
  if (value === null || value === undefined) return { text: '', raw: null, decoded: true };
  if (typeof value === 'string') return { text: value, raw: value, decoded: false };
  if (typeof value === 'number') return { text: numberText(value), raw: value, decoded: true };
  if (typeof value === 'boolean') return { text: value ? 'TRUE' : 'FALSE', raw: value, decoded: true };
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { text: '', raw: null, decoded: true } : { text: formatDate(value), raw: value, decoded: true };
  if (isObject(value)) {
    if (Array.isArray(value.richText)) {
      let text = '';
      let encoding: 'tcvn3' | 'vni' | undefined;
      for (const run of value.richText as RichRun[]) {
        const t = run.text ?? '';
        const d = decodeText(t, run.font?.name ?? font);
        // decodeText trims; the spaces between runs are part of the text.
        const lead = /^\s/.test(t) ? ' ' : '';
        const trail = /\s$/.test(t) && d.text !== '' ? ' ' : '';
        text += lead + d.text + trail;
        encoding ??= d.encoding;
      }
      text = nfc(text);
      return encoding ? { text, raw: text, encoding, decoded: true } : { text, raw: text, decoded: true };
    }
    if ('formula' in value || 'sharedFormula' in value) {
      return convert((value.result ?? null) as CellValue, font);
    }
    if ('hyperlink' in value) return convert((value.text ?? '') as CellValue, font);
    if ('error' in value) return { text: String(value.error), raw: String(value.error), decoded: true };
  }
  return { text: String(value), raw: String(value), decoded: false };
}

function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e9) / 1e9);
}

export async function readXlsx(bytes: Uint8Array, budget: Budget): Promise<ReadResult> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    return readerError('CORRUPT_FILE', `Không mở được bảng tính .xlsx: tệp hỏng hoặc không đúng cấu trúc (${msg.slice(0, 120)}).`);
  }
  const grids: Grid[] = [];
  const issues: EtlIssue[] = [];
  for (const ws of wb.worksheets) {
    const grid: Grid = { name: ws.name.normalize('NFC'), rows: [], hiddenRows: new Set(), hiddenColumns: new Set() };
    if (ws.state === 'hidden' || ws.state === 'veryHidden') grid.hidden = true;
    let stop = false;
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (stop) return;
      const r = rowNumber - 1;
      if (row.hidden) grid.hiddenRows.add(r);
      const cells: (GridCell | undefined)[] = [];
      let n = 0;
      row.eachCell({ includeEmpty: false }, (cell, colNumber) => {
        if (cell.type === ExcelJS.ValueType.Merge) return;
        const font = cell.font?.name;
        const v = convert(cell.value, font);
        if (v.text === '' && v.raw === null) return;
        const numFmt = cell.numFmt;
        cells[colNumber - 1] = makeCell(v.text, v.raw, { font, bold: cell.font?.bold, numFmt: numFmt && numFmt !== 'General' ? numFmt : undefined, encoding: v.encoding, decoded: v.decoded });
        n++;
      });
      grid.rows[r] = cells;
      if (!spend(budget, n + 1)) stop = true;
    });
    const merges = Object.values((ws as unknown as { _merges: Record<string, MergeRange> })._merges ?? {});
    applyMerges(
      grid,
      merges.map((m) => ({ top: m.top - 1, left: m.left - 1, bottom: m.bottom - 1, right: m.right - 1 })),
    );
    const colCount = Math.min(ws.columnCount, 500);
    for (let c = 1; c <= colCount; c++) if (ws.getColumn(c).hidden) grid.hiddenColumns.add(c - 1);
    grids.push(grid);
    if (stop) break;
  }
  return { grids, issues };
}
