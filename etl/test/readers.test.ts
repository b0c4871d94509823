import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { makeBudget } from '../src/readers/cell.js';
import { decodeCsvBytes, parseCsv, readCsv, sniffDelimiter } from '../src/readers/csv.js';
import { readXls } from '../src/readers/xls.js';
import { readXlsx } from '../src/readers/xlsx.js';
import { sample } from './helpers.js';

const budget = () => makeBudget(30_000, 1_000_000);

describe('xlsx reader', () => {
  it('reads merges, Date cells and the title block of a real file', async () => {
    const r = await readXlsx(sample('2026_dong-hoa_dang-ky-mo-hinh.xlsx'), budget());
    expect(r.fatal).toBeUndefined();
    const g = r.grids[0]!;
    expect(g.name).toBe('Đăng ký 2026');
    expect(g.rows[1]?.[0]?.text).toBe('ĐẢNG ỦY XÃ ĐÔNG HÒA');
    const master = g.rows[0]?.[0];
    expect(master?.colSpan).toBe(4);
    expect(g.rows[0]?.[1]?.mergedInto).toEqual([0, 0]);
    const dates = g.rows.flatMap((row) => (row ?? []).filter((c) => c?.raw instanceof Date));
    expect(dates.length).toBeGreaterThan(10);
    expect(dates[0]?.text).toMatch(/^\d{2}\/\d{2}\/\d{4}$/);
  });

  it('marks hidden rows and columns', async () => {
    const g = (await readXlsx(sample('2025-h1_dong-la_dang-ky-ba-dong-tieu-de.xlsx'), budget())).grids[0]!;
    expect(g.hiddenColumns.has(2)).toBe(true);
    expect(g.hiddenRows.size).toBe(1);
  });

  it('converts .VnTime and .VnTimeH cells to Unicode, restoring upper case from the font', async () => {
    const g = (await readXlsx(sample('2024_dong-lai_font-tcvn3.xlsx'), budget())).grids[0]!;
    expect(g.rows[1]?.[0]?.text).toBe('ĐẢNG ỦY XÃ ĐÔNG LAI');
    expect(g.rows[1]?.[0]?.encoding).toBe('tcvn3');
    expect(g.rows[1]?.[0]?.font).toBe('.VnTimeH');
    const header = (g.rows[5] ?? []).map((c) => c?.text);
    expect(header).toContain('Tên mô hình');
  });

  it('reads VNI-Times cells', async () => {
    const g = (await readXlsx(sample('2025-h1_tan-phu_font-vni.xlsx'), budget())).grids[0]!;
    expect(g.rows[1]?.[0]?.text).toBe('ĐẢNG ỦY XÃ TÂN PHÚ');
    expect(g.rows[1]?.[0]?.encoding).toBe('vni');
  });

  it('composes NFD text and keeps the old tone placement as written', async () => {
    const g = (await readXlsx(sample('2026_kim-son_mac-nfd-dau-kieu-cu.xlsx'), budget())).grids[0]!;
    const unit = g.rows[1]?.[0]?.text ?? '';
    expect(unit).toBe('ĐẢNG UỶ XÃ KIM SƠN');
    expect(unit).toBe(unit.normalize('NFC'));
    expect(g.name).toBe('Danh sách'.normalize('NFC'));
  });

  it('takes formulas by their cached values and joins rich-text runs with their spaces', async () => {
    const g = (await readXlsx(sample('2026_tan-lai_cong-thuc-chu-dinh-dang.xlsx'), budget())).grids;
    const sheet = g[0]!;
    const stt = sheet.rows.map((row) => row?.[0]?.raw).filter((v) => typeof v === 'number');
    expect(stt).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const names = sheet.rows.map((row) => row?.[1]?.text ?? '');
    expect(names).toContain('Nói không với rác thải nhựa');
    expect(g[1]?.hidden).toBe(true);
  });

  it('refuses a truncated workbook without throwing', async () => {
    const bytes = sample('2026_dong-hoa_dang-ky-mo-hinh.xlsx');
    const r = await readXlsx(bytes.subarray(0, 3000), budget());
    expect(r.fatal).toBe(true);
    expect(r.issues[0]?.code).toBe('CORRUPT_FILE');
  });

  it('stops at the cell budget', async () => {
    const b = makeBudget(30_000, 50);
    await readXlsx(sample('2026_tan-lai_bieu-tong-hop-45-mo-hinh.xlsx'), b);
    expect(b.exceeded).toBe('cells');
  });
});

describe('xls reader (BIFF8)', () => {
  it('reads merges, hidden columns and date-formatted serials', () => {
    const r = readXls(sample('2023_dong-la_dang-ky.xls'), budget());
    const g = r.grids[0]!;
    expect(g.rows[1]?.[0]?.text).toBe('ĐẢNG ỦY XÃ ĐÔNG LA');
    expect(g.rows[0]?.[0]?.colSpan).toBeGreaterThan(1);
    const dates = g.rows.flatMap((row) => (row ?? []).filter((c) => c?.raw instanceof Date));
    expect(dates.length).toBe(10);
    expect(dates[0]?.text).toMatch(/^\d{2}\/\d{2}\/2023$/);
  });

  it('finds TCVN3 by statistics when there are no fonts, short cells by the sheet majority', () => {
    const g = readXls(sample('2024_tan-phu_tcvn3.xls'), budget()).grids[0]!;
    const texts = g.rows.flatMap((row) => (row ?? []).map((c) => c?.text ?? ''));
    expect(texts).toContain('Đảng ủy xã Tân Phú');
    expect(texts).toContain('Quốc phòng - an ninh');
    const legacy = g.rows.flatMap((row) => (row ?? []).filter((c) => c && /[^\x00-\x7f]/.test(c.text))).every((c) => c?.encoding === 'tcvn3');
    expect(legacy).toBe(true);
  });

  it('turns a damaged OLE workbook into an issue, never an exception', () => {
    const bytes = sample('2023_dong-la_dang-ky.xls').slice();
    for (let i = 600; i < bytes.length; i++) bytes[i] = (i * 7) & 0xff;
    expect(() => readXls(bytes, budget())).not.toThrow();
  });
});

describe('csv reader', () => {
  it('decodes UTF-8, UTF-8 BOM, UTF-16LE and Windows-1258 to the same NFC text', () => {
    const text = 'Tên mô hình,Chủ thể\r\nPhòng chống tội phạm,Chi bộ Công an xã\r\n';
    const forms = [
      Buffer.from(text, 'utf8'),
      Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]),
      Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]),
      Buffer.from(text, 'utf16le'),
    ];
    for (const f of forms) expect(decodeCsvBytes(f).text.normalize('NFC')).toBe(text);
    expect(decodeCsvBytes(forms[3]!).charset).toBe('utf-16le');
    const cp = decodeCsvBytes(sample('2024_dong-lai_windows-1258.csv'));
    expect(cp.charset).toBe('windows-1258');
    expect(cp.text).toContain('Chủ thể thực hiện');
    expect(iconv.encodingExists('windows1258')).toBe(true);
  });

  it('sniffs comma, semicolon and tab, ignoring delimiters inside quotes', () => {
    expect(sniffDelimiter('a,b,c\n1,2,3\n')).toBe(',');
    expect(sniffDelimiter('STT;Tên mô hình;Ghi chú\n1;"Dân vận khéo, hiệu quả";x\n')).toBe(';');
    expect(sniffDelimiter('STT\tTên\n1\t"a;b;c;d"\n')).toBe('\t');
  });

  it('parses quoted fields with delimiters, quotes and line breaks', () => {
    expect(parseCsv('a,"b, c","d ""e""","f\ng"\r\n1,2,3,4', ',')).toEqual([
      ['a', 'b, c', 'd "e"', 'f\ng'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('reads a semicolon CSV with BOM into one grid named after the file', () => {
    const r = readCsv(sample('2026_tan-lai_utf8-bom_cham-phay.csv'), budget(), '2026_tan-lai');
    expect(r.delimiter).toBe(';');
    expect(r.charset).toBe('utf-8-bom');
    expect(r.grids[0]?.name).toBe('2026_tan-lai');
    expect(r.grids[0]?.rows[0]?.[0]?.text).toBe('ĐẢNG ỦY XÃ TÂN LAI');
  });
});
