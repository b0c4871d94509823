/**
 * Word documents end to end through extract(): layouts the samples do not
 * cover — a header typed as paragraphs, lists split into one table per
 * section, a figures-only report, nothing recognisable.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import type { ExemplarRecord, RegistrationRecord, ReportRecord } from '../../src/contract.js';
import { layoutOf } from '../../src/word/index.js';
import { docx, p, r, tbl } from './fixtures.js';

describe('layout: header block and title', () => {
  it('a header typed as paragraphs gives the same unit and year', async () => {
    const body = p(r('ĐẢNG BỘ XÃ ĐÔNG HÒA', undefined, true)) + p(r('CHI BỘ THÔN ĐÔNG LA 1', undefined, true)) + p('*') +
      p('DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026') +
      tbl([['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Lĩnh vực'], ['1', 'Đường hoa thôn Đông La 1', 'Chi bộ thôn Đông La 1', 'Văn hóa - xã hội']]);
    const res = await extract(await docx(body), 'ds.docx');
    expect(res).toMatchObject({ kind: 'registration', unit: 'CHI BỘ THÔN ĐÔNG LA 1', year: 2026, level: 'commune' });
    expect(res.records).toHaveLength(1);
    expect(res.records[0]?.source).toMatchObject({ table: 1, row: 2 });
  });

  it('the right column of the header table never becomes the issuing unit', async () => {
    const body = tbl([[{ text: 'ĐẢNG BỘ XÃ TÂN LAI\nĐOÀN THANH NIÊN XÃ TÂN LAI' }, { text: 'ĐOÀN TNCS HỒ CHÍ MINH\nTân Lai, ngày 02 tháng 02 năm 2026' }]]) + p('PHIẾU ĐĂNG KÝ') + p('Tên mô hình: A') + p('Chủ thể thực hiện: Đoàn Thanh niên xã Tân Lai') + p('Lĩnh vực: Kinh tế');
    const doc = await extract(await docx(body), 'x.docx');
    expect(doc.unit).toBe('ĐOÀN THANH NIÊN XÃ TÂN LAI');
  });

  it('an attachment note "(Kèm theo Báo cáo …)" does not make a list a report', async () => {
    const body = p('BIỂU TỔNG HỢP ĐĂNG KÝ MÔ HÌNH NĂM 2026') + p('(Kèm theo Báo cáo số 12-BC/ĐU ngày 01/3/2026)') +
      tbl([['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Hình thức'], ['1', 'Mô hình A', 'Chi bộ thôn B', 'Mới'], ['2', 'Mô hình C', 'Chi bộ thôn D', 'Duy trì']]);
    const res = await extract(await docx(body), 'x.docx');
    expect(res.kind).toBe('registration');
    expect((res.records[0] as RegistrationRecord).status).toBe('new');
  });

  it('a header block placed in the page header stands in when the body has none', async () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const header = `<?xml version="1.0"?><w:hdr ${W}>${tbl([[{ text: 'ĐẢNG BỘ XÃ KIM SƠN\nCHI BỘ THÔN KIM SƠN 1' }, { text: 'ĐẢNG CỘNG SẢN VIỆT NAM\nKim Sơn, ngày 03 tháng 3 năm 2026' }]])}</w:hdr>`;
    const rels = '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rIdH" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/header" Target="header1.xml"/></Relationships>';
    const body = p('DANH SÁCH ĐĂNG KÝ MÔ HÌNH NĂM 2026') +
      tbl([['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Lĩnh vực'], ['1', 'Đường hoa', 'Chi bộ thôn Kim Sơn 1', 'Văn hóa - xã hội'], ['2', 'Loa truyền thanh thôn', 'Chi bộ thôn Kim Sơn 1', 'Văn hóa - xã hội']]) +
      '<w:sectPr><w:headerReference w:type="default" r:id="rIdH"/></w:sectPr>';
    const res = await extract(await docx(body, { files: { 'word/header1.xml': header, 'word/_rels/document.xml.rels': rels } }), 'hdr.docx');
    expect(res).toMatchObject({ kind: 'registration', unit: 'CHI BỘ THÔN KIM SƠN 1', year: 2026 });
    expect(res.records).toHaveLength(2);
    expect(res.records[0]?.source).toMatchObject({ table: 1, row: 2 });
  });

  it('layoutOf keeps body text out of the title', async () => {
    const { readDocx } = await import('../../src/readers/docx.js');
    const read = await readDocx(await docx(p('BÁO CÁO') + p('Tổng kết năm 2024') + p('Năm 2024, toàn Đảng bộ xã đăng ký 8 mô hình “Dân vận khéo” và đạt nhiều kết quả tốt.')), 'x.docx');
    const layout = layoutOf(read.document!);
    expect(layout.titleLines).toEqual(['BÁO CÁO', 'Tổng kết năm 2024']);
    expect(layout.body).toHaveLength(1);
  });
});

describe('lists split by section', () => {
  it('one table per section: each table’s caption names collective or individual', async () => {
    const body = p('DANH SÁCH ĐIỂN HÌNH “DÂN VẬN KHÉO” NĂM 2025') +
      p('I. TẬP THỂ') + tbl([['STT', 'Tên tập thể, cá nhân', 'Đơn vị', 'Hình thức khen thưởng'], ['1', 'Chi bộ thôn Kim Sơn 3', 'Đảng bộ xã Kim Sơn', 'Giấy khen']]) +
      p('II. CÁ NHÂN') + tbl([['STT', 'Tên tập thể, cá nhân', 'Đơn vị', 'Hình thức khen thưởng'], ['1', 'Bà Ngô Thị Lan', 'Thôn Kim Sơn 2', 'Giấy khen']]);
    const res = await extract(await docx(body), 'dh.docx');
    expect(res.kind).toBe('exemplar');
    const recs = res.records as ExemplarRecord[];
    expect(recs.map((x) => [x.name, x.exemplar_type, x.source.table])).toEqual([
      ['Chi bộ thôn Kim Sơn 3', 'collective', 1],
      ['Ngô Thị Lan', 'individual', 2],
    ]);
  });
});

describe('reports', () => {
  it('a report whose only figures are a per-unit table gives one record per unit row', async () => {
    const body = p('BÁO CÁO') + p('Kết quả 6 tháng đầu năm 2025') +
      tbl([['STT', 'Đơn vị', 'Số mô hình đăng ký', 'Công nhận cấp xã'], ['1', 'Xã Đông La', '8', '3'], ['2', 'Xã Hòa Bình', '6', '2']]);
    const res = await extract(await docx(body), 'bc.docx');
    expect(res.kind).toBe('report');
    const recs = res.records as ReportRecord[];
    expect(recs.map((x) => [x.period, x.models_registered, x.recognized_commune, x.extra['Đơn vị']])).toEqual([
      ['H1', 8, 3, 'Xã Đông La'],
      ['H1', 6, 2, 'Xã Hòa Bình'],
    ]);
  });

  it('a report with no figure anywhere: one record of nulls and a warning, never zeros', async () => {
    const res = await extract(await docx(p('BÁO CÁO') + p('Kết quả năm 2025') + p('Các chi bộ đã tích cực triển khai phong trào.')), 'bc.docx');
    expect(res.kind).toBe('report');
    const rec = res.records[0] as ReportRecord;
    expect(rec.models_registered).toBeNull();
    expect(rec.exemplars_individual).toBeNull();
    expect(res.issues.map((i) => i.code)).toContain('REPORT_NO_FIGURES');
  });
});

describe('nothing recognisable', () => {
  it('a letter with no list, form or figures → NO_CONTENT error and no records', async () => {
    const res = await extract(await docx(p('Kính gửi: Ban Xây dựng Đảng') + p('Chúng tôi xin gửi lời cảm ơn.')), 'thu.docx');
    expect(res.records).toEqual([]);
    expect(res.issues.map((i) => `${i.severity}:${i.code}`)).toContain('error:NO_CONTENT');
    expect(res.issues.find((i) => i.code === 'NO_CONTENT')?.message).toContain('thu.docx');
  });
});
