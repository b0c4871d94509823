import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import type { DocumentBlock, GridCell } from '../../src/grid.js';
import type { RegistrationRecord } from '../../src/contract.js';
import { parseChoices } from '../../src/word/choices.js';
import { looksLikeForm, readForm } from '../../src/word/form.js';
import { checkbox, docx, formCheckbox, p, r, sym, tbl } from './fixtures.js';

const para = (index: number, text: string): DocumentBlock => ({ type: 'paragraph', index, text });

describe('parseChoices: check boxes as units type them', () => {
  it.each([
    ['☒ Đăng ký mới ☐ Duy trì ☐ Nhân rộng', 'Đăng ký mới'],
    ['☐ Đăng ký mới ☑ Duy trì ☐ Nhân rộng', 'Duy trì'],
    ['□ Mới ■ Duy trì □ Nhân rộng', 'Duy trì'],
    ['[ ] Đăng ký mới [x] Nhân rộng [ ] Duy trì', 'Nhân rộng'],
    ['( ) Mới (x) Duy trì', 'Duy trì'],
    ['Đăng ký mới ☐   Duy trì ☒   Nhân rộng ☐', 'Duy trì'],
    ['Hình thức: Mới □  Duy trì □  Nhân rộng ■', 'Nhân rộng'],
  ])('%s', (text, checked) => {
    const ticked = parseChoices(text).filter((c) => c.checked).map((c) => c.label);
    expect(ticked).toEqual([checked]);
  });

  it('a line without boxes has no choices', () => {
    expect(parseChoices('Tên mô hình: Dân vận khéo (mô hình mới)')).toEqual([]);
  });
});

describe('readForm: labelled paragraphs', () => {
  const lines = [
    '1. Tên mô hình: “Camera an ninh”',
    '2. Chủ thể thực hiện: Công an xã Tân Lai',
    '3. Lĩnh vực: Quốc phòng - an ninh',
    '4. Thời gian thực hiện: từ tháng 3/2026 đến tháng 12/2026',
  ];
  const base = lines.map((t, i) => para(i + 1, t));

  it.each([
    ['Unicode boxes', '5. Hình thức: ☐ Đăng ký mới ☒ Duy trì ☐ Nhân rộng', 'continued'],
    ['squares', '5. Loại mô hình: ■ Mới □ Duy trì □ Nhân rộng', 'new'],
    ['brackets', '5. Hình thức: [ ] Mới [ ] Duy trì [x] Nhân rộng', 'replicated'],
    ['boxes after labels', 'Mới ☐   Duy trì ☒   Nhân rộng ☐', 'continued'],
    ['a plain word', '5. Hình thức: Duy trì', 'continued'],
  ])('status by %s', (_n, line, status) => {
    const f = readForm([...base, para(5, line)], 'a.docx');
    expect(looksLikeForm(f)).toBe(true);
    expect(f.status).toBe(status);
    expect(f.values.get('model_name')?.value).toBe('“Camera an ninh”');
    expect(f.values.get('model_name')?.paragraph).toBe(1);
  });

  it('one option per line, marked with x', () => {
    const f = readForm([...base, para(5, '- Đăng ký mới:'), para(6, '- Duy trì: x'), para(7, '- Nhân rộng:')], 'a.docx');
    expect(f.status).toBe('continued');
  });

  it('no box ticked → warning, status null; two ticked → warning, status null', () => {
    const none = readForm([...base, para(5, 'Hình thức: ☐ Mới ☐ Duy trì ☐ Nhân rộng')], 'a.docx');
    expect(none.status).toBeNull();
    expect(none.issues.map((i) => i.code)).toEqual(['FORM_STATUS_UNCHECKED']);
    const two = readForm([...base, para(5, 'Hình thức: ☒ Mới ☒ Duy trì ☐ Nhân rộng')], 'a.docx');
    expect(two.status).toBeNull();
    expect(two.issues.map((i) => i.code)).toEqual(['FORM_STATUS_AMBIGUOUS']);
    expect(two.issues[0]?.message).toContain('a.docx');
  });

  it('bullet lines continue a label; the signature ends the form; unknown labels go to extra', () => {
    const f = readForm([
      ...base,
      para(5, 'Nội dung thực hiện:'),
      para(6, '- Lắp 12 camera.'),
      para(7, '- Trực ban 24/24.'),
      para(8, 'Kinh phí dự kiến: 120 triệu đồng'),
      para(9, 'T/M CHI BỘ'),
      para(10, 'Người phụ trách: không đọc'),
    ], 'a.docx');
    expect(f.values.get('content')?.value).toBe('- Lắp 12 camera.\n- Trực ban 24/24.');
    expect(f.extra).toEqual({ 'Kinh phí dự kiến': '120 triệu đồng' });
    expect(f.values.has('person_in_charge')).toBe(false);
  });
});

describe('readForm: two- and three-column tables', () => {
  const c = (t: string): GridCell => ({ text: t, raw: t });
  const grid = (rows: string[][]) => ({ name: 'Bảng 2', rows: rows.map((row) => row.map(c)), hiddenRows: new Set<number>(), hiddenColumns: new Set<number>() });

  it('label | value rows and one check row per option', () => {
    const f = readForm([{ type: 'table', index: 2, grid: grid([
      ['Tên mô hình', 'Tổ hòa giải giỏi'],
      ['Chủ thể thực hiện', 'Chi hội Cựu chiến binh'],
      ['Lĩnh vực', 'Quốc phòng - an ninh'],
      ['Mô hình mới', '☐'],
      ['Mô hình duy trì', '☒'],
      ['Mô hình nhân rộng', ''],
    ]) }], 'a.docx');
    expect(f.values.get('model_name')).toMatchObject({ value: 'Tổ hòa giải giỏi', table: 2, row: 0, col: 1 });
    expect(f.status).toBe('continued');
  });

  it('two label/value pairs on one row', () => {
    const f = readForm([{ type: 'table', index: 1, grid: grid([
      ['Tên mô hình', 'Đường hoa', 'Lĩnh vực', 'Văn hóa - xã hội'],
      ['Chủ thể thực hiện', 'Chi hội Phụ nữ', 'Thời gian thực hiện', 'Năm 2026'],
    ]) }], 'a.docx');
    expect([...f.values.entries()].map(([k, v]) => `${k}=${v.value}`)).toEqual(['model_name=Đường hoa', 'field=Văn hóa - xã hội', 'owner=Chi hội Phụ nữ', 'period=Năm 2026']);
  });

  it('STT | label | value rows skip the number column and the header row', () => {
    const f = readForm([{ type: 'table', index: 1, grid: grid([
      ['STT', 'Nội dung', 'Đăng ký'],
      ['1', 'Tên mô hình', 'Văn hóa đọc'],
      ['2', 'Chủ thể thực hiện', 'Chi bộ Trường THCS'],
      ['3', 'Loại mô hình', 'Mới x'],
      ['4', 'Đăng ký mới', 'x'],
    ]) }], 'a.docx');
    expect(f.values.get('model_name')?.value).toBe('Văn hóa đọc');
    expect(f.values.has('content')).toBe(false);
    expect(f.status).toBe('new');
  });
});

describe('forms end to end through extract()', () => {
  const header = tbl([[{ text: 'ĐẢNG BỘ XÃ TÂN LAI\nCHI BỘ THÔN TÂN PHÚ 1' }, { text: 'ĐẢNG CỘNG SẢN VIỆT NAM\nTân Lai, ngày 02 tháng 3 năm 2026' }]]);
  const form = (status: string) => header + p('PHIẾU ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026') +
    p('1. Tên mô hình: Thôn sáng - xanh - sạch - đẹp') + p('2. Chủ thể thực hiện: Chi bộ thôn Tân Phú 1') +
    p('3. Thời gian thực hiện: Quý I/2026 – Quý IV/2026') + status + p('T/M CHI BỘ');

  it.each([
    ['Wingdings symbols', p(r('Hình thức: '), sym('F0A8'), r(' Mới '), sym('F0FE'), r(' Duy trì'))],
    ['w14 content controls', p(r('Hình thức: '), checkbox(false), r(' Mới '), checkbox(true), r(' Duy trì'))],
    ['FORMCHECKBOX fields', p(r('Hình thức: '), formCheckbox(false), r(' Mới '), formCheckbox(true), r(' Duy trì'))],
  ])('%s → one registration record', async (_n, status) => {
    const res = await extract(await docx(form(status)), 'phieu.docx');
    expect(res.kind).toBe('registration');
    expect(res.unit).toBe('CHI BỘ THÔN TÂN PHÚ 1');
    expect(res.year).toBe(2026);
    expect(res.records).toHaveLength(1);
    const rec = res.records[0] as RegistrationRecord;
    expect(rec).toMatchObject({
      model_name: 'Thôn sáng - xanh - sạch - đẹp', owner: 'Chi bộ thôn Tân Phú 1', owner_type: 'collective',
      status: 'continued', start_date: '2026-01', end_date: '2026-12', field_inferred: true,
    });
    expect(rec.source.paragraph).toBe(2);
    expect(res.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });
});
