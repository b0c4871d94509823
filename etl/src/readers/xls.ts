/**
 * Legacy .xls (BIFF8) reader through SheetJS. SheetJS exposes no fonts for
 * BIFF, so legacy encodings here are found by character statistics.
 */
import * as XLSX from '@e965/xlsx';
import type { EtlIssue } from '../contract.js';
import type { Grid, GridCell } from '../grid.js';
import { applyMerges, type Budget, harmoniseLegacy, formatDate, makeCell, type ReadResult, readerError, serialToDate, spend } from './cell.js';

function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Math.round(n * 1e9) / 1e9);
}

export function readXls(bytes: Uint8Array, budget: Budget): ReadResult {
  let wb: XLSX.WorkBook;
  try {
    wb = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false, cellStyles: true, cellHTML: false });
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    if (/password|encrypt/i.test(msg)) {
      return readerError('ENCRYPTED', 'Tệp .xls được đặt mật khẩu (mã hóa); hãy gỡ mật khẩu rồi gửi lại.');
    }
    return readerError('CORRUPT_FILE', `Không mở được bảng tính .xls: tệp hỏng hoặc không đúng cấu trúc (${msg.slice(0, 120)}).`);
  }
  const date1904 = Boolean(wb.Workbook?.WBProps?.date1904);
  const grids: Grid[] = [];
  const issues: EtlIssue[] = [];
  wb.SheetNames.forEach((name, i) => {
    if (budget.exceeded) return;
    const ws = wb.Sheets[name];
    if (!ws) return;
    const grid: Grid = { name: name.normalize('NFC'), rows: [], hiddenRows: new Set(), hiddenColumns: new Set() };
    const state = wb.Workbook?.Sheets?.[i]?.Hidden;
    if (state === 1 || state === 2) grid.hidden = true;
    const data = (ws['!data'] ?? []) as (XLSX.CellObject | undefined)[][];
    for (let r = 0; r < data.length; r++) {
      const src = data[r];
      if (!src) continue;
      const cells: (GridCell | undefined)[] = [];
      let n = 0;
      for (let c = 0; c < src.length; c++) {
        const cell = src[c];
        if (!cell || cell.t === 'z' || cell.v === undefined) continue;
        const numFmt = typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : undefined;
        let out: GridCell;
        if (cell.t === 'n' && typeof cell.v === 'number') {
          if (numFmt && XLSX.SSF.is_date(numFmt)) {
            const d = serialToDate(cell.v, date1904);
            out = makeCell(formatDate(d), d, { numFmt });
          } else out = makeCell(numberText(cell.v), cell.v, { numFmt });
        } else if (cell.t === 'b') out = makeCell(cell.v ? 'TRUE' : 'FALSE', Boolean(cell.v));
        else if (cell.t === 'd' && cell.v instanceof Date) out = makeCell(formatDate(cell.v), cell.v, { numFmt });
        else if (cell.t === 'e') out = makeCell(cell.w ?? '#ERR', cell.w ?? '#ERR', { decoded: true });
        else {
          const s = String(cell.v);
          if (s === '') continue;
          out = makeCell(s, s);
        }
        cells[c] = out;
        n++;
      }
      grid.rows[r] = cells;
      if (!spend(budget, n + 1)) break;
    }
    const merges = (ws['!merges'] ?? []).map((m) => ({ top: m.s.r, left: m.s.c, bottom: m.e.r, right: m.e.c }));
    applyMerges(grid, merges);
    harmoniseLegacy(grid);
    (ws['!rows'] ?? []).forEach((ri, r) => {
      if (ri?.hidden) grid.hiddenRows.add(r);
    });
    (ws['!cols'] ?? []).forEach((ci, c) => {
      if (ci?.hidden) grid.hiddenColumns.add(c);
    });
    grids.push(grid);
  });
  return { grids, issues };
}
