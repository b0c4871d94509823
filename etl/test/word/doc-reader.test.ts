/**
 * The legacy .doc reader against files written by a real Word 97 writer
 * (LibreOffice, committed under sample-data/files), and against damage.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as CFB from 'cfb';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import { readDoc, rowsToGrid } from '../../src/readers/doc.js';
import { cells, paragraphs, tables } from './fixtures.js';

const FILES = join(dirname(fileURLToPath(import.meta.url)), '../../../sample-data/files');
const load = (name: string): Uint8Array => new Uint8Array(readFileSync(join(FILES, name)));

describe('readDoc: tables rebuilt from paragraph marks', () => {
  it('one header row, a two-paragraph cell, an empty cell: rows and columns exact', async () => {
    const res = await readDoc(load('2026_kim-son_dang-ky-word-97.doc'), 'a.doc');
    expect(res.issues).toEqual([]);
    const [header, list] = tables(res.document);
    expect(cells(header)).toEqual([['ĐẢNG BỘ TỈNH HẢI ĐÔNG\nĐẢNG ỦY XÃ KIM SƠN\n*', 'ĐẢNG CỘNG SẢN VIỆT NAM\nKim Sơn, ngày 06 tháng 3 năm 2026']]);
    const rows = cells(list);
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.length === 9)).toBe(true);
    expect(rows[2]).toEqual(['2', 'Tổ tự quản vệ sinh môi trường khu dân cư', 'Chi bộ thôn Kim Sơn 2', 'Văn hóa - xã hội', '01/2026', '12/2026', 'Duy trì', 'Ngô Thị Lan', 'Duy trì từ năm 2024\n(nâng chỉ tiêu)']);
    expect(rows[1]?.[8]).toBe('');
    expect(paragraphs(res.document)).toContain('DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026');
  });

  it('merged headers: cell boundaries give column spans, TC flags give vertical merges, nested header table flattened', async () => {
    const res = await readDoc(load('2026_dong-hoa_mau01-word-97-gop-o.doc'), 'b.doc');
    const [header, list] = tables(res.document);
    expect(cells(header)).toEqual([['ĐẢNG BỘ TỈNH HẢI ĐÔNG\nĐẢNG ỦY XÃ ĐÔNG HÒA\n*', 'ĐẢNG CỘNG SẢN VIỆT NAM\nĐông Hòa, ngày 09 tháng 3 năm 2026']]);
    const rows = cells(list);
    expect(rows[0]).toEqual(['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Lĩnh vực', 'Thời gian thực hiện', '<0,4>', 'Loại mô hình', '<0,6>', '<0,6>', 'Người phụ trách', 'Ghi chú']);
    expect(rows[1]).toEqual(['<0,0>', '<0,1>', '<0,2>', '<0,3>', 'Bắt đầu', 'Kết thúc', 'Mới', 'Duy trì', 'Nhân rộng', '<0,9>', '<0,10>']);
    expect(rows[2]?.slice(0, 3)).toEqual(['I', 'LĨNH VỰC KINH TẾ', '<2,1>']);
    expect(list?.rows[0]?.[0]?.rowSpan).toBe(2);
    expect(list?.rows[0]?.[6]?.colSpan).toBe(3);
  });
});

describe('readDoc: legacy fonts from the character runs', () => {
  it('TCVN3 in .VnTime and capitals in .VnTimeH, “ư” stored as Word’s optional hyphen', async () => {
    const res = await readDoc(load('2024_tan-phu_mau01-word-97-tcvn3.doc'), 't.doc');
    expect(res.encoding).toBe('tcvn3');
    const [header, list] = tables(res.document);
    expect(cells(header)[0]?.[0]).toBe('ĐẢNG BỘ XÃ TÂN PHÚ\nCHI BỘ THÔN TÂN PHÚ 2\n*');
    expect(cells(list)[0]).toEqual(['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Lĩnh vực', 'Thời gian thực hiện', 'Hình thức', 'Người phụ trách']);
    expect(cells(list)[3]?.[2]).toBe('Lương Văn Thắng');
    expect(paragraphs(res.document)).toContain('DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2024');
  });
});

describe('readDoc: damage and protection', () => {
  it('a .doc with the fEncrypted flag → ENCRYPTED, no document', async () => {
    const cfb = CFB.read(Buffer.from(load('2026_kim-son_dang-ky-word-97.doc')), { type: 'buffer' });
    const wd = CFB.find(cfb, 'WordDocument')!;
    const content = Buffer.from(wd.content as Uint8Array);
    content.writeUInt16LE(content.readUInt16LE(0x0a) | 0x0100, 0x0a);
    wd.content = content;
    const bytes = new Uint8Array(CFB.write(cfb, { type: 'buffer' }) as Buffer);
    const res = await readDoc(bytes, 'mk.doc');
    expect(res.document).toBeNull();
    expect(res.issues.map((i) => i.code)).toEqual(['ENCRYPTED']);
    const full = await extract(bytes, 'mk.doc');
    expect(full.records).toEqual([]);
    expect(full.issues.some((i) => i.severity === 'error' && i.code === 'ENCRYPTED')).toBe(true);
  });

  it('a truncated .doc → an error issue, never a throw, never records', async () => {
    const bytes = load('2026_kim-son_dang-ky-word-97.doc');
    for (const cut of [600, 4096, 9000, bytes.length - 700]) {
      const res = await extract(bytes.subarray(0, cut), 'cut.doc');
      expect(res.records).toEqual([]);
      expect(res.issues.some((i) => i.severity === 'error')).toBe(true);
    }
  });

  it('a .doc named .docx is read by its content, with EXTENSION_MISMATCH', async () => {
    const res = await extract(load('2024_dong-la_bao-cao-tong-ket-doc-doi-ten.docx'), 'x.docx');
    expect(res.format).toBe('doc');
    expect(res.kind).toBe('report');
    expect(res.issues.map((i) => i.code)).toContain('EXTENSION_MISMATCH');
  });
});

describe('rowsToGrid: rebuild with confidence or not at all', () => {
  const st = () => ({ enc: new Map<string, number>(), unicode: 0 });
  const props = (centers?: number[], vmerge?: number[]) => ({ inTable: true, ttp: true, itap: 1, ...(centers ? { centers } : {}), ...(vmerge ? { vmerge } : {}) });

  it('ragged rows without cell boundaries: no rows, a warning naming the table', () => {
    const issues: import('../../src/contract.js').EtlIssue[] = [];
    const grid = rowsToGrid([
      { cells: [['STT'], ['Tên mô hình'], ['Loại mô hình']], props: props() },
      { cells: [['1'], ['A'], ['x'], ['']], props: props() },
    ], 'Bảng 2', st(), issues, 'x.doc');
    expect(grid).toBeNull();
    expect(issues.map((i) => i.code)).toEqual(['DOC_TABLE_UNCERTAIN']);
    expect(issues[0]?.message).toContain('Bảng 2');
  });

  it('equal rows without boundaries are kept as they are', () => {
    const issues: import('../../src/contract.js').EtlIssue[] = [];
    const grid = rowsToGrid([
      { cells: [['STT'], ['Tên mô hình']], props: props() },
      { cells: [['1'], ['A', 'dòng 2']], props: props() },
    ], 'Bảng 1', st(), issues, 'x.doc');
    expect(cells(grid!)).toEqual([['STT', 'Tên mô hình'], ['1', 'A\ndòng 2']]);
    expect(issues).toEqual([]);
  });

  it('boundaries that drift a few twips still line up; a wide cell spans the columns under it', () => {
    const issues: import('../../src/contract.js').EtlIssue[] = [];
    const grid = rowsToGrid([
      { cells: [['STT'], ['Loại mô hình']], props: props([0, 500, 2001], [1, 0]) },
      { cells: [[''], ['Mới'], ['Duy trì']], props: props([0, 502, 1250, 2000], [2, 0, 0]) },
    ], 'Bảng 1', st(), issues, 'x.doc');
    expect(cells(grid!)).toEqual([['STT', 'Loại mô hình', '<0,1>'], ['<0,0>', 'Mới', 'Duy trì']]);
  });
});
