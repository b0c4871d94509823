import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readDocx } from '../../src/readers/docx.js';
import { unicodeToTcvn3, unicodeToVni } from '../../src/text/index.js';
import { cells, checkbox, docx, documentXml, formCheckbox, p, paragraphs, r, sym, tables, tbl } from './fixtures.js';

describe('readDocx: body in order', () => {
  it('keeps paragraphs and tables interleaved, with 1-based indexes', async () => {
    const res = await readDocx(await docx(p('Mở đầu') + tbl([['a', 'b']]) + p('Giữa') + tbl([['c']]) + p('Cuối')), 'a.docx');
    expect(res.issues).toEqual([]);
    expect(res.document?.blocks.map((b) => `${b.type}${b.index}`)).toEqual(['paragraph1', 'table1', 'paragraph2', 'table2', 'paragraph3']);
    expect(paragraphs(res.document)).toEqual(['Mở đầu', 'Giữa', 'Cuối']);
  });

  it('joins runs, keeps tabs and breaks as spaces/lines, decodes entities, drops deleted text and field codes', async () => {
    const body = `<w:p>${r('Tên mô hình:')}<w:r><w:tab/></w:r>${r('A & B')}<w:del><w:r><w:delText>bỏ</w:delText></w:r></w:del><w:r><w:br/></w:r>${r('dòng hai')}<w:r><w:instrText> PAGE </w:instrText></w:r></w:p>`;
    const res = await readDocx(await docx(body), 'a.docx');
    expect(paragraphs(res.document)).toEqual(['Tên mô hình: A & B\ndòng hai']);
  });

  it('skips hidden (w:vanish) runs', async () => {
    const body = `<w:p>${r('Tên mô hình: A')}<w:r><w:rPr><w:vanish/></w:rPr><w:t> (bản nháp cũ)</w:t></w:r></w:p>`;
    const res = await readDocx(await docx(body), 'a.docx');
    expect(paragraphs(res.document)).toEqual(['Tên mô hình: A']);
  });

  it('normalises NFD text to NFC', async () => {
    const res = await readDocx(await docx(p('Lĩnh vực: Văn hoá – xã hội'.normalize('NFD'))), 'a.docx');
    expect(paragraphs(res.document)[0]).toBe('Lĩnh vực: Văn hoá – xã hội'.normalize('NFC'));
  });

  it('reads text inside hyperlinks, inserted runs and block content controls', async () => {
    const body = `<w:sdt><w:sdtPr/><w:sdtContent>${p(`<w:hyperlink><w:r><w:t>Tên mô hình</w:t></w:r></w:hyperlink>`, `<w:ins><w:r><w:t>: X</w:t></w:r></w:ins>`)}</w:sdtContent></w:sdt>`;
    const res = await readDocx(await docx(body), 'a.docx');
    expect(paragraphs(res.document)).toEqual(['Tên mô hình: X']);
  });
});

describe('readDocx: tables and merges', () => {
  it('turns gridSpan and vMerge into the Grid merges spreadsheets use', async () => {
    const body = tbl([
      [{ text: 'STT', vmerge: 'restart' }, { text: 'Tên mô hình', vmerge: 'restart' }, { text: 'Loại mô hình', span: 3 }],
      [{ vmerge: 'continue' }, { vmerge: 'continue' }, 'Mới', 'Duy trì', 'Nhân rộng'],
      ['1', 'Mô hình A', 'x', '', ''],
    ]);
    const res = await readDocx(await docx(body), 'a.docx');
    const grid = tables(res.document)[0]!;
    expect(cells(grid)).toEqual([
      ['STT', 'Tên mô hình', 'Loại mô hình', '<0,2>', '<0,2>'],
      ['<0,0>', '<0,1>', 'Mới', 'Duy trì', 'Nhân rộng'],
      ['1', 'Mô hình A', 'x', '', ''],
    ]);
    expect(grid.rows[0]?.[0]?.rowSpan).toBe(2);
    expect(grid.rows[0]?.[2]?.colSpan).toBe(3);
    expect(grid.name).toBe('Bảng 1');
  });

  it('keeps a cell’s paragraphs as lines and flattens a nested table into its cell', async () => {
    const nested = tbl([['ĐẢNG BỘ TỈNH HẢI ĐÔNG'], ['ĐẢNG ỦY XÃ ĐÔNG HÒA']]);
    const body = tbl([[{ xml: nested + p('*') }, { text: 'ĐẢNG CỘNG SẢN VIỆT NAM\nĐông Hòa, ngày 09 tháng 3 năm 2026' }]]);
    const res = await readDocx(await docx(body), 'a.docx');
    expect(cells(tables(res.document)[0])).toEqual([['ĐẢNG BỘ TỈNH HẢI ĐÔNG\nĐẢNG ỦY XÃ ĐÔNG HÒA\n*', 'ĐẢNG CỘNG SẢN VIỆT NAM\nĐông Hòa, ngày 09 tháng 3 năm 2026']]);
  });
});

describe('readDocx: legacy fonts per run', () => {
  it('converts .VnTime (TCVN3) and VNI runs by their own font, beside Unicode runs', async () => {
    const body = p(r('Tên mô hình: ', 'Times New Roman'), r(unicodeToTcvn3('Nuôi ong lấy mật'), '.VnTime'), r(' – ', 'Arial'), r(unicodeToVni('giảm nghèo'), 'VNI-Times'));
    const res = await readDocx(await docx(body), 'a.docx');
    expect(paragraphs(res.document)).toEqual(['Tên mô hình: Nuôi ong lấy mật – giảm nghèo']);
    expect(res.encoding).toBe('mixed');
  });

  it('reads an upper-case .VnTimeH run as capitals and reports a pure TCVN3 document as tcvn3', async () => {
    const body = p(r(unicodeToTcvn3('ĐẢNG BỘ XÃ TÂN PHÚ', { upperCaseFont: true }), '.VnTimeH')) + p(r(unicodeToTcvn3('Chi bộ thôn Tân Phú 2'), '.VnTime'));
    const res = await readDocx(await docx(body), 'a.docx');
    expect(paragraphs(res.document)).toEqual(['ĐẢNG BỘ XÃ TÂN PHÚ', 'Chi bộ thôn Tân Phú 2']);
    expect(res.encoding).toBe('tcvn3');
  });

  it('a w:softHyphen inside a .VnTime run is the TCVN3 letter ư; elsewhere it disappears', async () => {
    const body = p(`<w:r><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr><w:t>L</w:t><w:softHyphen/><w:t>${unicodeToTcvn3('ơng Văn Thắng')}</w:t></w:r>`) +
      p(`<w:r><w:t>chuyển</w:t><w:softHyphen/><w:t>đổi</w:t></w:r>`);
    const res = await readDocx(await docx(body), 'a.docx');
    expect(paragraphs(res.document)).toEqual(['Lương Văn Thắng', 'chuyểnđổi']);
  });

  it('takes the font from the paragraph style when the run has none', async () => {
    const styles = '<?xml version="1.0"?><w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:style w:type="paragraph" w:styleId="Vn"><w:rPr><w:rFonts w:ascii=".VnTime" w:hAnsi=".VnTime"/></w:rPr></w:style></w:styles>';
    const body = `<w:p><w:pPr><w:pStyle w:val="Vn"/></w:pPr>${r(unicodeToTcvn3('Lĩnh vực kinh tế'))}</w:p>`;
    const res = await readDocx(await docx(body, { styles }), 'a.docx');
    expect(paragraphs(res.document)).toEqual(['Lĩnh vực kinh tế']);
  });
});

describe('readDocx: check boxes in every style Word writes', () => {
  it.each([
    ['Wingdings F0FE / F0A8', sym('F0FE'), sym('F0A8')],
    ['Wingdings 0x78 (x in box) / 0x6F', sym('0078'), sym('006F')],
    ['Wingdings 2 T / £', sym('F054', 'Wingdings 2'), sym('F0A3', 'Wingdings 2')],
    ['w14 content control', checkbox(true), checkbox(false)],
    ['FORMCHECKBOX form field', formCheckbox(true), formCheckbox(false)],
    ['"þ" / "¨" typed in Wingdings', r('þ', 'Wingdings'), r('¨', 'Wingdings')],
    ['U+F0FE / U+F0A8 text in Wingdings (LibreOffice)', r('\uf0fe', 'Wingdings'), r('\uf0a8', 'Wingdings')],
    ['"x" / "o" typed in Wingdings', r('x', 'Wingdings'), r('o', 'Wingdings')],
  ])('%s', async (_name, on, off) => {
    const res = await readDocx(await docx(p('Hình thức: ', on, r(' Mới '), off, r(' Duy trì'))), 'a.docx');
    const text = paragraphs(res.document)[0] ?? '';
    expect(text).toMatch(/^Hình thức: [☒☑] Mới ☐ Duy trì$/u);
  });
});

describe('readDocx: refuses what Word never writes', () => {
  it('DOCTYPE / ENTITY in document.xml → XML_ENTITY error, no document', async () => {
    const bomb = '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>' + documentXml(p('&lol2;')).replace(/^<\?xml[^>]*>/, '');
    const res = await readDocx(await docx('', { rawDocument: bomb }), 'bom.docx');
    expect(res.document).toBeNull();
    expect(res.issues.map((i) => `${i.severity}:${i.code}`)).toEqual(['error:XML_ENTITY']);
    expect(res.issues[0]?.message).toContain('bom.docx');
  });

  it('a part that inflates far beyond its size → ZIP_BOMB', async () => {
    const zip = new JSZip();
    zip.file('word/document.xml', documentXml(p('x'.repeat(3 * 1024 * 1024))));
    const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    const res = await readDocx(bytes, 'bom.docx');
    expect(res.document).toBeNull();
    expect(res.issues[0]?.code).toBe('ZIP_BOMB');
  });

  it('absurdly deep nesting fails cleanly instead of overflowing the stack', async () => {
    const deep = '<w:customXml>'.repeat(5000) + p('x') + '</w:customXml>'.repeat(5000);
    const res = await readDocx(await docx(deep), 'sau.docx');
    expect(res.document === null ? res.issues[0]?.severity : 'ok').toMatch(/error|ok/);
  });

  it('a truncated package → CORRUPT_FILE', async () => {
    const bytes = await docx(p('Tên mô hình: A'));
    const res = await readDocx(bytes.subarray(0, bytes.length - 30), 'cut.docx');
    expect(res.document).toBeNull();
    expect(res.issues[0]?.code).toBe('CORRUPT_FILE');
  });

  it('a zip without a Word body → NOT_WORD_DOCUMENT', async () => {
    const zip = new JSZip();
    zip.file('hello.txt', 'hi');
    const res = await readDocx(await zip.generateAsync({ type: 'uint8array' }), 'x.docx');
    expect(res.issues[0]?.code).toBe('NOT_WORD_DOCUMENT');
  });

  it('malformed XML → CORRUPT_FILE', async () => {
    const res = await readDocx(await docx('', { rawDocument: '<w:document><w:body><w:p>' }), 'x.docx');
    expect(res.document === null || res.issues.some((i) => i.severity === 'error') || res.document.blocks.length <= 1).toBe(true);
  });
});

describe('extract(): zip limits from the options apply to Word files too', () => {
  it('a tighter maxUncompressedBytes refuses a normal .docx as ZIP_BOMB', async () => {
    const { extract } = await import('../../src/index.js');
    const bytes = await docx(p('Tên mô hình: A'));
    const res = await extract(bytes, 'a.docx', { zip: { maxUncompressedBytes: 100 } });
    expect(res.records).toEqual([]);
    expect(res.issues.map((i) => i.code)).toContain('ZIP_BOMB');
  });
});
