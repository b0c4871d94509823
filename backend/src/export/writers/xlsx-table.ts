import ExcelJS from 'exceljs';
import type { ExportMeta } from '../export-data.js';
import { cleanText, looksLikeFormula, upper, vietnameseDate } from './text.js';

/**
 * One printed table in the way Vietnamese offices lay it out: the header
 * block (issuing unit left, "ĐẢNG CỘNG SẢN VIỆT NAM" right, place and date),
 * a bold merged title, the column headers (two rows when columns are grouped),
 * a numbering row "(1) (2) …", the data, a totals row; A4 landscape, header
 * rows repeated on every page, widths fitted to the text, panes frozen.
 */

export type CellValue = string | number | null | undefined;

export interface TableColumn {
  header: string;
  /** Columns sharing a group get a merged upper header ("Lĩnh vực" over four fields). */
  group?: string;
  /** Numbers are centred; text wraps. */
  numeric?: boolean;
  /** Upper bound for the fitted width, in characters (default 45). */
  maxWidth?: number;
}

export type TableRow = { group: string } | { cells: CellValue[] };

export interface TableSpec {
  sheetName: string;
  title: string;
  subtitle?: string;
  columns: TableColumn[];
  rows: TableRow[];
  /** Cells of the totals row; its label goes in the second column. */
  totals?: CellValue[];
  /** Label of the totals row (default "Tổng cộng"). */
  totalsLabel?: string;
  /** Columns kept in view when scrolling right (default 2: STT and the name). */
  frozenColumns?: number;
}

const FONT = 'Times New Roman';
const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/**
 * The one way any writer puts a value in a cell. Numbers stay numbers; text is
 * cleaned and stored as a string, never a formula; text a spreadsheet would
 * run if typed ("=HYPERLINK(…)", "+84…", "@SUM…") also gets the Text number
 * format, so editing the cell in Excel keeps it text. The value itself is
 * unchanged, so the list reads back the same.
 */
export function setCell(cell: ExcelJS.Cell, value: CellValue): void {
  if (typeof value === 'number') {
    cell.value = Number.isFinite(value) ? value : null;
    return;
  }
  const text = cleanText(value);
  cell.value = text === '' ? null : text;
  if (looksLikeFormula(text)) cell.numFmt = '@';
}

/** The document number line ("Số      -BC/ĐU"), left blank for the office to fill. */
export function documentNumberLine(meta: ExportMeta, kind = 'BC'): string {
  const issuer = upper(meta.issuerLine);
  const suffix = issuer.includes('TỈNH ỦY')
    ? 'TU'
    : issuer.includes('THÀNH ỦY') || issuer.includes('THỊ ỦY')
      ? 'ThU'
      : issuer.includes('HUYỆN ỦY')
        ? 'HU'
        : issuer.includes('ĐẢNG ỦY')
          ? 'ĐU'
          : '';
  return `Số        -${kind}${suffix ? `/${suffix}` : ''}`;
}

export function placeAndDate(meta: ExportMeta): string {
  return `${cleanText(meta.place)}, ${vietnameseDate(meta.issuedOn)}`;
}

function widthOf(value: CellValue): number {
  if (value === null || value === undefined) return 0;
  const text = typeof value === 'number' ? String(value) : cleanText(value);
  return Math.max(...text.split('\n').map((line) => line.length));
}

/** Adds one formatted table sheet to the workbook. */
export function addTableSheet(workbook: ExcelJS.Workbook, meta: ExportMeta, spec: TableSpec): ExcelJS.Worksheet {
  const n = spec.columns.length;
  const sheet = workbook.addWorksheet(spec.sheetName.slice(0, 31), {
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: { left: 0.5, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '&C&"Times New Roman"&11Trang &P/&N' },
  });
  sheet.properties.defaultRowHeight = 18;

  // Header block: left third for the issuer, right half for the national line.
  const leftEnd = Math.max(2, Math.floor(n * 0.4));
  const rightStart = Math.max(leftEnd + 1, n - Math.max(2, Math.ceil(n * 0.5)) + 1);
  const block = (row: number, left: string, right: string, leftFont: Partial<ExcelJS.Font>, rightFont: Partial<ExcelJS.Font>): void => {
    sheet.mergeCells(row, 1, row, leftEnd);
    sheet.mergeCells(row, rightStart, row, n);
    const l = sheet.getCell(row, 1);
    const r = sheet.getCell(row, rightStart);
    setCell(l, left);
    setCell(r, right);
    l.font = { name: FONT, size: 12, ...leftFont };
    r.font = { name: FONT, size: 12, ...rightFont };
    l.alignment = { horizontal: 'center', vertical: 'middle' };
    r.alignment = { horizontal: 'center', vertical: 'middle' };
  };
  const top = meta.parentLine ? upper(meta.parentLine) : upper(meta.issuerLine);
  const second = meta.parentLine ? upper(meta.issuerLine) : '';
  block(1, top, 'ĐẢNG CỘNG SẢN VIỆT NAM', { bold: !meta.parentLine }, { bold: true, underline: true });
  block(2, second, '', { bold: true }, {});
  block(3, '*', placeAndDate(meta), {}, { italic: true });
  block(4, documentNumberLine(meta), '', {}, {});

  // Title and subtitle, merged over the whole width.
  let row = 6;
  sheet.mergeCells(row, 1, row, n);
  setCell(sheet.getCell(row, 1), upper(spec.title));
  sheet.getCell(row, 1).font = { name: FONT, size: 14, bold: true };
  sheet.getCell(row, 1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  sheet.getRow(row).height = 36;
  row++;
  if (spec.subtitle) {
    sheet.mergeCells(row, 1, row, n);
    setCell(sheet.getCell(row, 1), spec.subtitle);
    sheet.getCell(row, 1).font = { name: FONT, size: 12, italic: true };
    sheet.getCell(row, 1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    row++;
  }
  row++;

  // Column headers: one row, or two when some columns are grouped.
  const grouped = spec.columns.some((c) => c.group);
  const headerTop = row;
  const headerBottom = grouped ? row + 1 : row;
  const headerStyle = (cell: ExcelJS.Cell): void => {
    cell.font = { name: FONT, size: 12, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.border = THIN;
  };
  for (let c = 1; c <= n; ) {
    const column = spec.columns[c - 1]!;
    if (grouped && column.group) {
      let end = c;
      while (end < n && spec.columns[end]?.group === column.group) end++;
      if (end > c) sheet.mergeCells(headerTop, c, headerTop, end);
      setCell(sheet.getCell(headerTop, c), column.group);
      for (let k = c; k <= end; k++) {
        setCell(sheet.getCell(headerBottom, k), spec.columns[k - 1]!.header);
        headerStyle(sheet.getCell(headerTop, k));
        headerStyle(sheet.getCell(headerBottom, k));
      }
      c = end + 1;
    } else {
      if (grouped) sheet.mergeCells(headerTop, c, headerBottom, c);
      setCell(sheet.getCell(headerTop, c), column.header);
      headerStyle(sheet.getCell(headerTop, c));
      if (grouped) headerStyle(sheet.getCell(headerBottom, c));
      c++;
    }
  }
  row = headerBottom + 1;

  // Numbering row "(1) (2) …", printed under the headers as offices do.
  const numbering = row;
  for (let c = 1; c <= n; c++) {
    const cell = sheet.getCell(numbering, c);
    setCell(cell, `(${c})`);
    cell.font = { name: FONT, size: 11, italic: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    cell.border = THIN;
  }
  row++;

  // A header may wrap to three lines, never break inside a word.
  const widths = spec.columns.map((c) => Math.max(5, Math.ceil(c.header.length / 3) + 2, ...c.header.split(/\s+/).map((w) => w.length + 2)));
  const note = (c: number, value: CellValue): void => {
    widths[c] = Math.max(widths[c] ?? 0, Math.min(widthOf(value) + 2, spec.columns[c]?.maxWidth ?? 45));
  };

  for (const item of spec.rows) {
    if ('group' in item) {
      sheet.mergeCells(row, 1, row, n);
      const cell = sheet.getCell(row, 1);
      setCell(cell, item.group);
      cell.font = { name: FONT, size: 12, bold: true };
      cell.alignment = { horizontal: 'left', vertical: 'middle' };
      cell.border = THIN;
    } else {
      item.cells.forEach((value, i) => note(i, value));
      for (let c = 1; c <= n; c++) {
        const cell = sheet.getCell(row, c);
        const column = spec.columns[c - 1]!;
        setCell(cell, item.cells[c - 1]);
        cell.font = { name: FONT, size: 12 };
        cell.alignment = column.numeric || c === 1
          ? { horizontal: 'center', vertical: 'middle' }
          : { horizontal: 'left', vertical: 'middle', wrapText: true };
        cell.border = THIN;
      }
    }
    row++;
  }

  if (spec.totals) {
    for (let c = 1; c <= n; c++) {
      const cell = sheet.getCell(row, c);
      setCell(cell, c === 2 ? (spec.totalsLabel ?? 'Tổng cộng') : spec.totals[c - 1]);
      cell.font = { name: FONT, size: 12, bold: true };
      cell.alignment = { horizontal: 'center', vertical: 'middle' };
      cell.border = THIN;
    }
  }

  widths.forEach((w, i) => {
    sheet.getColumn(i + 1).width = w;
  });
  sheet.views = [{ state: 'frozen', xSplit: spec.frozenColumns ?? 2, ySplit: numbering, topLeftCell: `A${numbering + 1}` }];
  sheet.pageSetup.printTitlesRow = `${headerTop}:${numbering}`;
  return sheet;
}

export function newWorkbook(meta: ExportMeta): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Dân vận khéo';
  workbook.title = cleanText(`Phong trào thi đua “Dân vận khéo” năm ${meta.year} — ${meta.unitName}`);
  workbook.created = meta.issuedOn;
  workbook.modified = meta.issuedOn;
  return workbook;
}

/** Fast deflate: a province's lists compress in a fraction of the time for a few per cent of size. */
export async function workbookBuffer(workbook: ExcelJS.Workbook): Promise<Buffer> {
  return Buffer.from(await workbook.xlsx.writeBuffer({ zip: { compression: 'DEFLATE', compressionOptions: { level: 1 } } } as ExcelJS.XlsxWriteOptions));
}
