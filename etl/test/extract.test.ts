import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { extract, SPREADSHEET_ISSUE_CODES } from '../src/index.js';
import { sample } from './helpers.js';

describe('extract()', () => {
  it('reads a real registration list end to end', async () => {
    const r = await extract(sample('2026_dong-hoa_dang-ky-mo-hinh.xlsx'), '2026_dong-hoa_dang-ky-mo-hinh.xlsx');
    expect(r).toMatchObject({ format: 'xlsx', kind: 'registration', year: 2026, unit: 'ĐẢNG ỦY XÃ ĐÔNG HÒA', level: 'commune', encoding: 'unicode' });
    expect(r.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(r.records).toHaveLength(12);
    expect(r.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('refuses a file above the size limit before reading it', async () => {
    const r = await extract(sample('2026_dong-hoa_dang-ky-mo-hinh.xlsx'), 'to.xlsx', { maxBytes: 1000 });
    expect(r.records).toEqual([]);
    expect(r.issues).toEqual([expect.objectContaining({ severity: 'error', code: 'FILE_TOO_LARGE' })]);
    expect(r.issues[0]?.message).toMatch(/vượt giới hạn/);
  });

  it('stops a workbook over the cell budget with a clear error', async () => {
    const r = await extract(sample('2026_tan-lai_bieu-tong-hop-45-mo-hinh.xlsx'), 'lon.xlsx', { maxCells: 100 });
    expect(r.records).toEqual([]);
    expect(r.issues.at(-1)).toMatchObject({ severity: 'error', code: 'TOO_MANY_CELLS' });
  });

  it('reads by content: a workbook named .csv is read as xlsx with a warning', async () => {
    const r = await extract(sample('2026_dong-hoa_dang-ky-mo-hinh.xlsx'), 'sai-duoi.csv');
    expect(r.format).toBe('xlsx');
    expect(r.records).toHaveLength(12);
    expect(r.issues).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'EXTENSION_MISMATCH' }));
  });

  it('refuses every broken sample with one error and no records', async () => {
    const cases: [string, string][] = [
      ['hong_bi-cat-cut.xlsx', 'CORRUPT_FILE'],
      ['hong_tep-rong.xlsx', 'EMPTY_FILE'],
      ['hong_thuc-ra-la-html.xlsx', 'HTML_NOT_SPREADSHEET'],
      ['hong_thuc-ra-la-csv.xlsx', 'NOT_A_WORKBOOK'],
      ['hong_co-mat-khau.xlsx', 'ENCRYPTED'],
      ['hong_bom-nen.xlsx', 'ZIP_BOMB'],
      ['hong_bom-thuc-the-xml.xlsx', 'XML_ENTITY'],
      ['hong_khong-co-bang.xlsx', 'NO_TABLE'],
    ];
    for (const [file, code] of cases) {
      const r = await extract(sample(file), file);
      expect(r.records, file).toEqual([]);
      const errors = r.issues.filter((i) => i.severity === 'error');
      expect(errors.map((e) => e.code), file).toEqual([code]);
      expect(errors[0]?.message, file).toContain(file);
    }
  });

  it('says Word is handled elsewhere without crashing on a fake docx', async () => {
    const r = await extract(Buffer.from('PK\u0003\u0004garbage'), 'x.docx');
    expect(r.records).toEqual([]);
    expect(r.issues.some((i) => i.severity === 'error')).toBe(true);
  });

  it('does not call a Unicode file TCVN3 because some ASCII cells keep an old .VnTime font', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('DS');
    ws.addRow(['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Năm']);
    ws.addRow([1, 'Camera an ninh góp phần phòng chống tội phạm', 'Chi bộ Công an xã', '2026']);
    ws.getCell('D2').font = { name: '.VnTime' };
    ws.getCell('A1').font = { name: '.VnTime' };
    const r = await extract(new Uint8Array(await wb.xlsx.writeBuffer()), 'ds.xlsx');
    expect(r.encoding).toBe('unicode');
    expect(r.records).toHaveLength(1);
  });

  it('stops with TIME_BUDGET and no records when the time budget is spent', async () => {
    const r = await extract(sample('2023_kim-son_tong-hop-cac-xa.xlsx'), 'cham.xlsx', { timeBudgetMs: -1 });
    expect(r.records).toEqual([]);
    expect(r.issues.filter((i) => i.severity === 'error').map((i) => i.code)).toEqual(['TIME_BUDGET']);
  });

  it('raises only documented codes, each with its documented severity, on the whole spreadsheet corpus', async () => {
    const { readdirSync } = await import('node:fs');
    const { SAMPLES } = await import('./helpers.js');
    const dateCodes = new Set(['INVALID_DATE', 'UNREADABLE_DATE', 'INCOMPLETE_DATE', 'INVERTED_RANGE']);
    for (const f of readdirSync(SAMPLES).filter((x) => /\.(xlsx|xls|csv)$/.test(x))) {
      const r = await extract(sample(f), f);
      for (const i of r.issues) {
        if (dateCodes.has(i.code)) continue;
        const doc = (SPREADSHEET_ISSUE_CODES as Record<string, { severity: string }>)[i.code];
        expect(doc, `${f}: ${i.code}`).toBeDefined();
        expect(i.severity, `${f}: ${i.code}`).toBe(doc?.severity);
      }
    }
  });
});
