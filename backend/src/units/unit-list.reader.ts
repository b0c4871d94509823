import { checkZip } from '@dvk/etl';
import ExcelJS from 'exceljs';
import { fold } from './fold.js';

/** Larger files are refused before parsing (they are read on the request thread). */
const UNIT_LIST_MAX_BYTES = 5 * 1048576;

/** One row of a unit list as the office types it (a spreadsheet or a CSV). */
export interface UnitListRow {
  /** 1-based row number in the sheet, for messages. */
  row: number;
  code: string | null;
  name: string;
  kind: string | null;
  level: string | null;
  parent: string | null;
  valid_from: string | null;
  valid_to: string | null;
  aliases: string[];
  successor: string | null;
  merged_on: string | null;
}

export interface UnitListReading {
  sheet: string;
  rows: UnitListRow[];
  errors: string[];
}

type Column = Exclude<keyof UnitListRow, 'row' | 'aliases'> | 'aliases';

/** Header spellings (folded) → column. */
const HEADERS: [RegExp, Column][] = [
  [/^(ma|ma don vi|ma so)$/, 'code'],
  [/^(ten don vi|don vi|ten|ten to chuc)$/, 'name'],
  [/^(loai|loai don vi|loai hinh|loai to chuc)$/, 'kind'],
  [/^(cap|cap hanh chinh|cap don vi)$/, 'level'],
  [/^(don vi cap tren|cap tren|truc thuoc|thuoc)$/, 'parent'],
  [/^(hieu luc tu|tu ngay|ngay thanh lap|hieu luc tu ngay)$/, 'valid_from'],
  [/^(hieu luc den|den ngay|ngay giai the|het hieu luc|hieu luc den ngay)$/, 'valid_to'],
  [/^(ten khac|ten goi khac|ten viet tat|cach viet khac|bi danh)$/, 'aliases'],
  [/^(sap nhap vao|hop nhat vao|don vi ke thua|ke thua boi)$/, 'successor'],
  [/^(ngay sap nhap|ngay hop nhat|ngay hieu luc sap nhap)$/, 'merged_on'],
];

/**
 * Reads the office's unit list: the first sheet whose header row names a
 * "Tên đơn vị" column; .xlsx or .csv (UTF-8). Pure: bytes in, rows and
 * Vietnamese messages out.
 */
export async function readUnitList(bytes: Uint8Array, fileName: string): Promise<UnitListReading> {
  // Read on the request thread: refuse what could stall it before any parser runs (a real list is a few hundred KB).
  if (bytes.byteLength > UNIT_LIST_MAX_BYTES) {
    return { sheet: '', rows: [], errors: [`Tệp “${fileName}” nặng quá ${UNIT_LIST_MAX_BYTES / 1048576} MB, không giống một danh sách đơn vị.`] };
  }
  if (!/\.csv$/i.test(fileName)) {
    const check = checkZip(bytes, { maxUncompressedBytes: 32 * 1048576, maxRatio: 200, maxEntries: 1000 });
    if (!check.ok) return { sheet: '', rows: [], errors: [`Tệp “${fileName}”: ${check.problem.detail}; tệp bị từ chối để bảo vệ hệ thống.`] };
  }
  const grid = /\.csv$/i.test(fileName) ? { sheet: 'CSV', rows: parseCsv(new TextDecoder('utf-8').decode(bytes)) } : await readXlsx(bytes, fileName);
  if (!grid) return { sheet: '', rows: [], errors: [`Tệp “${fileName}” không đọc được như bảng tính .xlsx hoặc .csv.`] };
  const headerIndex = grid.rows.findIndex((cells) => cells.some((c) => fold(c) === 'ten don vi' || fold(c) === 'don vi'));
  if (headerIndex < 0) {
    return { sheet: grid.sheet, rows: [], errors: [`Tệp “${fileName}”, trang “${grid.sheet}”: không thấy dòng tiêu đề có cột “Tên đơn vị”.`] };
  }
  const columns = new Map<number, Column>();
  grid.rows[headerIndex]!.forEach((cell, index) => {
    const key = fold(cell);
    const match = HEADERS.find(([pattern]) => pattern.test(key));
    if (match && ![...columns.values()].includes(match[1])) columns.set(index, match[1]);
  });
  const rows: UnitListRow[] = [];
  for (let i = headerIndex + 1; i < grid.rows.length; i++) {
    const cells = grid.rows[i]!;
    if (cells.every((c) => !c.trim())) continue;
    const row: UnitListRow = { row: i + 1, code: null, name: '', kind: null, level: null, parent: null, valid_from: null, valid_to: null, aliases: [], successor: null, merged_on: null };
    for (const [index, column] of columns) {
      const value = (cells[index] ?? '').normalize('NFC').trim();
      if (!value) continue;
      if (column === 'aliases') row.aliases = value.split(/[;\n]/).map((a) => a.trim()).filter(Boolean);
      else if (column === 'name') row.name = value;
      else row[column] = value;
    }
    rows.push(row);
  }
  return { sheet: grid.sheet, rows, errors: [] };
}

async function readXlsx(bytes: Uint8Array, fileName: string): Promise<{ sheet: string; rows: string[][] } | null> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ArrayBuffer);
  } catch {
    void fileName;
    return null;
  }
  const sheets = workbook.worksheets.map((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row, number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, col) => {
        cells[col - 1] = cellText(cell.value);
      });
      rows[number - 1] = Array.from(cells, (c) => c ?? '');
    });
    return { sheet: sheet.name, rows: Array.from(rows, (r) => r ?? []) };
  });
  return sheets.find((s) => s.rows.some((r) => r.some((c) => fold(c) === 'ten don vi'))) ?? sheets[0] ?? null;
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('result' in value) return cellText(value.result as ExcelJS.CellValue);
    return '';
  }
  return String(value);
}

/** A small RFC 4180 reader (quotes, doubled quotes, commas or semicolons). */
function parseCsv(text: string): string[][] {
  const clean = text.replace(/^\uFEFF/, '');
  const firstLine = clean.split('\n', 1)[0] ?? '';
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < clean.length; i++) {
    const ch = clean[i]!;
    if (quoted) {
      if (ch === '"' && clean[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === delimiter) {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && clean[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (cell || row.length > 0) {
    row.push(cell);
    rows.push(row);
  }
  return rows;
}

/** Kind labels the office writes (folded) → registry kind. */
const KIND_LABELS: [RegExp, string][] = [
  [/^(province|tinh)$/, 'province'],
  [/^(district|huyen|thi xa|thanh pho thuoc tinh)$/, 'district'],
  [/^(commune|xa|phuong|thi tran|dac khu)$/, 'commune'],
  [/^(party committee|party_committee|dang uy|dang bo|cap uy)$/, 'party_committee'],
  [/^(party_agency|ban dan van|ban xay dung dang|ban tuyen giao va dan van|co quan dang)$/, 'party_agency'],
  [/^(party cell|party_cell|chi bo|chi bo thon)$/, 'party_cell'],
  [/^(peoples_committee|uy ban nhan dan|chinh quyen)$/, 'peoples_committee'],
  [/^(front|mat tran to quoc|mat tran)$/, 'front'],
  [/^(mass_organisation|doan the|hoi|to chuc chinh tri xa hoi|doan the chinh tri xa hoi)$/, 'mass_organisation'],
  [/^(police|cong an)$/, 'police'],
  [/^(military|quan su|bien phong)$/, 'military'],
  [/^(school|truong|truong hoc|giao duc)$/, 'school'],
  [/^(health|y te|tram y te)$/, 'health'],
  [/^(enterprise|doanh nghiep|hop tac xa)$/, 'enterprise'],
  [/^(village|thon|to dan pho|khu pho|ap|ban)$/, 'village'],
];

export const UNIT_KINDS = [...new Set(KIND_LABELS.map(([, kind]) => kind))];
export const UNIT_LEVELS = ['province', 'district', 'commune', 'grassroots'];

export function kindFromLabel(label: string): string | null {
  const key = fold(label);
  return KIND_LABELS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

/** The kind a unit's name tells, when the list leaves the column empty. */
export function kindFromName(name: string): string | null {
  const key = fold(name);
  const rules: [RegExp, string][] = [
    [/^tinh /, 'province'],
    [/^(huyen|thi xa) /, 'district'],
    [/^(xa|phuong|thi tran) /, 'commune'],
    [/^(tinh uy|huyen uy|thi uy|thanh uy|dang uy|dang bo) /, 'party_committee'],
    [/^(ban dan van|ban xay dung dang|ban tuyen giao) /, 'party_agency'],
    [/^chi bo cong an/, 'police'],
    [/^chi bo quan su/, 'military'],
    [/^chi bo truong/, 'school'],
    [/^chi bo tram y te/, 'health'],
    [/^chi bo /, 'party_cell'],
    [/^uy ban nhan dan /, 'peoples_committee'],
    [/^mat tran to quoc/, 'front'],
    [/^(hoi|doan thanh nien) /, 'mass_organisation'],
    [/^cong an /, 'police'],
    [/^(ban chi huy quan su|quan su) /, 'military'],
    [/^truong /, 'school'],
    [/^(cong ty|hop tac xa|doanh nghiep) /, 'enterprise'],
    [/^(thon|to dan pho|khu pho|ap) /, 'village'],
  ];
  return rules.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

export function levelFromLabel(label: string): string | null {
  const key = fold(label);
  if (UNIT_LEVELS.includes(key)) return key;
  if (/^(tinh|cap tinh|thanh pho truc thuoc trung uong)$/.test(key)) return 'province';
  if (/^(huyen|cap huyen)$/.test(key)) return 'district';
  if (/^(xa|cap xa|phuong|thi tran)$/.test(key)) return 'commune';
  if (/^(co so|thon|chi bo|cap co so)$/.test(key)) return 'grassroots';
  return null;
}

/** '01/07/2025', '2025-07-01', '1/7/2025' → '2025-07-01'; null when not a real date. */
export function parseDay(text: string | null): string | null | 'invalid' {
  if (!text) return null;
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const vn = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
  const [y, m, d] = iso ? [Number(iso[1]), Number(iso[2]), Number(iso[3])] : vn ? [Number(vn[3]), Number(vn[2]), Number(vn[1])] : [0, 0, 0];
  if (!y) return 'invalid';
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return 'invalid';
  return date.toISOString().slice(0, 10);
}
