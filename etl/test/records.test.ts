import { describe, expect, it } from 'vitest';
import type { ExemplarRecord, RecognitionRecord, RegistrationRecord, ReportRecord } from '../src/contract.js';
import { groupMeaning } from '../src/records/build.js';
import { documentMeta, parseDecision } from '../src/records/meta.js';
import { gridsToResult, kindFromRoles } from '../src/records/pipeline.js';
import { grid } from './helpers.js';

const ctx = { file: 'test_2026.xlsx', sha256: 'x', format: 'xlsx' as const };

describe('document meta from the title block', () => {
  it('reads kind, year, issuing unit and level', () => {
    const m = documentMeta(
      [
        { text: 'ĐẢNG BỘ TỈNH HẢI ĐÔNG', col: 0 },
        { text: 'ĐẢNG CỘNG SẢN VIỆT NAM', col: 4 },
        { text: 'ĐẢNG ỦY XÃ ĐÔNG HÒA', col: 0 },
        { text: 'Đông Hòa, ngày 05 tháng 02 năm 2026', col: 4 },
        { text: 'Số: 15-DS/ĐU', col: 0 },
        { text: 'DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2026', col: 0 },
      ],
      [],
      'x.xlsx',
    );
    expect(m).toMatchObject({ kind: 'registration', year: 2026, unit: 'ĐẢNG ỦY XÃ ĐÔNG HÒA', level: 'commune' });
  });

  it('reads the decision an annex belongs to, and the recognition level in the title', () => {
    const m = documentMeta(
      [
        { text: 'HUYỆN ỦY KIM SƠN', col: 0 },
        { text: 'DANH SÁCH MÔ HÌNH ĐƯỢC CÔNG NHẬN CẤP HUYỆN NĂM 2024', col: 0 },
        { text: '(Kèm theo Quyết định số 245-QĐ/HU ngày 20/12/2024 của Ban Thường vụ Huyện ủy)', col: 0 },
      ],
      [],
      'x.xlsx',
    );
    expect(m).toMatchObject({ kind: 'recognition', year: 2024, decision_no: '245-QĐ/HU', decision_date: '2024-12-20', titleLevel: 'district', level: 'district' });
  });

  it('tells exemplar lists and reports from registrations, and takes the year from the file name last', () => {
    expect(documentMeta([{ text: 'DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN ĐIỂN HÌNH "DÂN VẬN KHÉO"', col: 0 }], [], 'dien-hinh-2025.xlsx')).toMatchObject({ kind: 'exemplar', year: 2025, recognises: false });
    expect(documentMeta([{ text: 'BÁO CÁO KẾT QUẢ 6 THÁNG ĐẦU NĂM 2025', col: 0 }], [], 'x.xlsx')).toMatchObject({ kind: 'report', period: 'H1', year: 2025 });
    expect(documentMeta([], [], 'khong-nam.csv')).toMatchObject({ kind: 'unknown', year: null, unit: null });
  });

  it('parses decision cells written several ways', () => {
    expect(parseDecision('Số 45-QĐ/ĐU ngày 12/6/2025')).toMatchObject({ no: '45-QĐ/ĐU', date: '2025-06-12' });
    expect(parseDecision('45-QĐ/ĐU, 12/6/2025')).toMatchObject({ no: '45-QĐ/ĐU', date: '2025-06-12' });
    expect(parseDecision('QĐ số 301-QĐ/HU ngày 20 tháng 6 năm 2025')).toMatchObject({ no: '301-QĐ/HU', date: '2025-06-20' });
  });
});

describe('group rows', () => {
  it('carry field, owner type, status and level to the rows under them', () => {
    expect(groupMeaning('I. LĨNH VỰC KINH TẾ', 2026)).toMatchObject({ field: 'economy', top: true });
    expect(groupMeaning('B. CÁ NHÂN', 2026)).toMatchObject({ ownerType: 'individual' });
    expect(groupMeaning('TẬP THỂ', 2026)).toMatchObject({ ownerType: 'collective', top: false });
    expect(groupMeaning('Mô hình nhân rộng', 2026)).toMatchObject({ status: 'replicated' });
    expect(groupMeaning('II. Mô hình cấp huyện', 2024)).toMatchObject({ level: 'district' });
    expect(groupMeaning('XÃ ĐÔNG LA', 2024)).toEqual({ top: false });
  });
});

describe('gridsToResult', () => {
  it('builds registrations with group fields, x-marked status, dates, extra and provenance', () => {
    const g = grid(
      [
        ['DANH SÁCH ĐĂNG KÝ MÔ HÌNH NĂM 2026'],
        ['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Mới', 'Duy trì', 'Thời gian thực hiện', 'Kinh phí'],
        [{ t: 'I. LĨNH VỰC VĂN HÓA - XÃ HỘI', bold: true }],
        [1, 'Nói không với rác thải nhựa', 'Đoàn Thanh niên xã', 'x', null, 'Quý II/2026', '15'],
        [2, 'Tủ sách văn hóa đọc', 'Nguyễn Văn Hùng', null, 'X', 'Từ 15/01/2026 đến 31/11/2026', null],
        [3, 'Camera an ninh', 'Chi bộ Công an xã', 'x', 'x', 'Năm 2026', null],
      ],
      { merges: [[2, 0, 2, 6]] },
    );
    const r = gridsToResult([g], ctx);
    const recs = r.records as RegistrationRecord[];
    expect(r.kind).toBe('registration');
    expect(r.year).toBe(2026);
    expect(recs).toHaveLength(3);
    expect(recs[0]).toMatchObject({ model_name: 'Nói không với rác thải nhựa', field: 'culture_society', field_inferred: false, owner_type: 'collective', status: 'new', start_date: '2026-04', end_date: '2026-06', extra: { 'Kinh phí': '15' } });
    expect(recs[0]?.source).toMatchObject({ sheet: 'Sheet1', row: 4, cells: { model_name: 'B4', owner: 'C4' } });
    expect(recs[1]).toMatchObject({ owner_type: 'individual', status: 'continued', start_date: '2026-01-15', end_date: null });
    expect(recs[2]?.status).toBeNull();
    const codes = r.issues.map((i) => `${i.code}@${i.row}`);
    expect(codes).toContain('INVALID_DATE@5');
    expect(codes).toContain('AMBIGUOUS_STATUS@6');
    const invalid = r.issues.find((i) => i.code === 'INVALID_DATE');
    expect(invalid?.value).toContain('31/11/2026');
    expect(invalid?.message).toMatch(/Trang "Sheet1", ô F5/);
  });

  it('infers the field from the name when the file gives none, and says so', () => {
    const g = grid([
      ['STT', 'Tên mô hình', 'Chủ thể thực hiện'],
      [1, 'Vận động Nhân dân tham gia bảo hiểm y tế hộ gia đình', 'Chi bộ Trạm Y tế'],
    ]);
    const rec = gridsToResult([g], ctx).records[0] as RegistrationRecord;
    expect(rec.field).toBe('culture_society');
    expect(rec.field_inferred).toBe(true);
  });

  it('skips hidden rows with a warning and keeps hidden columns in extra', () => {
    const g = grid(
      [
        ['STT', 'Tên mô hình', 'Mã', 'Chủ thể thực hiện'],
        [1, 'Camera an ninh', 'A1', 'Chi bộ Công an xã'],
        [2, 'Mô hình đã bỏ', 'A2', 'Chi bộ thôn Đông'],
      ],
      { hiddenRows: [2], hiddenColumns: [2] },
    );
    const r = gridsToResult([g], ctx);
    expect(r.records).toHaveLength(1);
    expect(r.records[0]?.extra).toEqual({ 'Mã': 'A1' });
    expect(r.issues.find((i) => i.code === 'HIDDEN_ROW_SKIPPED')).toMatchObject({ severity: 'warning', row: 3, value: 'Mô hình đã bỏ' });
  });

  it('reads exemplar sections and drops honorifics', () => {
    const g = grid(
      [
        ['DANH SÁCH ĐIỂN HÌNH "DÂN VẬN KHÉO" NĂM 2025'],
        ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Hình thức khen thưởng'],
        [{ t: 'I. TẬP THỂ', bold: true }],
        [1, 'Chi bộ thôn Đông', null, 'Đảng bộ xã', 'Giấy khen'],
        [{ t: 'II. CÁ NHÂN', bold: true }],
        [1, 'Đồng chí Nguyễn Văn Hùng', 'Bí thư chi bộ', 'Thôn Đông', 'Giấy khen'],
        [2, 'Bà Trần Thị Lan', 'Chi hội trưởng', 'Thôn Đoài', 'Giấy khen'],
      ],
      { merges: [[2, 0, 2, 4], [4, 0, 4, 4]] },
    );
    const r = gridsToResult([g], ctx);
    expect(r.kind).toBe('exemplar');
    const recs = r.records as ExemplarRecord[];
    expect(recs.map((x) => [x.name, x.exemplar_type])).toEqual([
      ['Chi bộ thôn Đông', 'collective'],
      ['Nguyễn Văn Hùng', 'individual'],
      ['Trần Thị Lan', 'individual'],
    ]);
    expect(recs[1]).toMatchObject({ position: 'Bí thư chi bộ', unit: 'Thôn Đông', award: 'Giấy khen' });
  });

  it('reads recognition rows with a combined decision column', () => {
    const g = grid([
      ['STT', 'Tên mô hình', 'Đơn vị', 'Cấp công nhận', 'Số, ngày quyết định'],
      [1, 'Camera an ninh', 'Chi bộ Công an xã', 'Cấp huyện', 'Số 301-QĐ/HU ngày 20/6/2024'],
    ]);
    const r = gridsToResult([g], ctx);
    expect(r.kind).toBe('recognition');
    expect(r.records[0] as RecognitionRecord).toMatchObject({ owner: 'Chi bộ Công an xã', level: 'district', decision_no: '301-QĐ/HU', decision_date: '2024-06-20' });
  });

  it('skips instruction and empty sheets, and refuses a file with no table', () => {
    const r = gridsToResult([grid([['1. Ghi đúng tên mô hình.']], { name: 'Hướng dẫn' }), grid([], { name: 'Sheet2' }), grid([['Kính gửi: Ban Dân vận']], { name: 'Thư' })], ctx);
    expect(r.issues.map((i) => [i.severity, i.code, i.sheet ?? null])).toEqual([
      ['info', 'SHEET_INSTRUCTIONS', 'Hướng dẫn'],
      ['info', 'SHEET_EMPTY', 'Sheet2'],
      ['info', 'SHEET_NO_TABLE', 'Thư'],
      ['error', 'NO_TABLE', null],
    ]);
    expect(r.records).toEqual([]);
  });

  it('reports the encoding found in the cells: one legacy encoding, or mixed', () => {
    const g = grid([
      ['STT', 'Ten mo hinh'],
      [1, 'Tổ tự quản'],
    ]);
    g.rows[1]![1]!.encoding = 'tcvn3';
    expect(gridsToResult([g], ctx).encoding).toBe('tcvn3');
    // A Unicode title typed later beside TCVN3 data is mixed.
    g.rows[0]![1]!.text = 'Tên mô hình';
    g.rows[0]![1]!.raw = 'Tên mô hình';
    expect(gridsToResult([g], ctx).encoding).toBe('mixed');
    g.rows[1]![1]!.encoding = undefined;
    expect(gridsToResult([g], ctx).encoding).toBe('unicode');
  });

  it('does not import a hidden sheet, and says how many rows it held', () => {
    const visible = grid([
      ['STT', 'Tên mô hình', 'Chủ thể thực hiện'],
      [1, 'Camera an ninh', 'Chi bộ Công an xã'],
    ]);
    const hidden = grid(
      [
        ['STT', 'Tên mô hình', 'Chủ thể thực hiện'],
        [1, 'Mô hình năm trước', 'Chi bộ thôn Đông'],
        [2, 'Mô hình khác', 'Chi bộ thôn Đoài'],
      ],
      { name: 'Cũ' },
    );
    hidden.hidden = true;
    const r = gridsToResult([visible, hidden], ctx);
    expect(r.records).toHaveLength(1);
    expect(r.issues).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'HIDDEN_SHEET_SKIPPED', sheet: 'Cũ', value: '2' }));
  });

  it('warns when a column is mapped on weak evidence', () => {
    const g = grid([
      ['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Kết quả và mục tiêu'],
      [1, 'Camera an ninh', 'Chi bộ Công an xã', 'Giảm 30% vụ việc'],
    ]);
    const r = gridsToResult([g], ctx);
    expect(r.issues).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'LOW_CONFIDENCE_MAPPING', column: 'D' }));
    expect((r.records[0] as RegistrationRecord).goal).toBe('Giảm 30% vụ việc');
  });

  it('reads a figures table per unit as report records, unit name kept in extra', () => {
    const g = grid(
      [
        [{ t: 'PHỤ LỤC: KẾT QUẢ CỦA CÁC XÃ, THỊ TRẤN', bold: true }],
        ['STT', 'Đơn vị', 'Số mô hình đăng ký', null, null, null, 'Số mô hình được công nhận', null, null, 'Điển hình', null],
        [null, null, 'Tổng số', 'Mới', 'Duy trì', 'Nhân rộng', 'Cấp xã', 'Cấp huyện', 'Cấp tỉnh', 'Tập thể', 'Cá nhân'],
        [1, 'Xã Đông La', 8, 3, 5, 0, 6, 1, 0, 3, 5],
        ['', 'Tổng cộng', 8, 3, 5, 0, 6, 1, 0, 3, 5],
      ],
      { merges: [[1, 0, 2, 0], [1, 1, 2, 1], [1, 2, 1, 5], [1, 6, 1, 8], [1, 9, 1, 10]] },
    );
    const r = gridsToResult([g], { ...ctx, file: 'phu-luc.docx' });
    expect(r.kind).toBe('report');
    expect(r.records).toHaveLength(1);
    expect(r.records[0] as ReportRecord).toMatchObject({ models_registered: 8, models_new: 3, models_continued: 5, models_replicated: 0, recognized_commune: 6, recognized_district: 1, recognized_province: 0, exemplars_collective: 3, exemplars_individual: 5, extra: { 'Đơn vị': 'Xã Đông La' } });
  });

  it('tells the kind of a list from its columns', () => {
    expect(kindFromRoles(new Set(['model_name', 'owner']))).toBe('registration');
    expect(kindFromRoles(new Set(['model_name', 'decision_no']))).toBe('recognition');
    expect(kindFromRoles(new Set(['name', 'model_name', 'award']))).toBe('exemplar');
    expect(kindFromRoles(new Set(['owner', 'models_registered', 'recognized_commune']))).toBe('report');
    expect(kindFromRoles(new Set(['note']))).toBe('unknown');
  });

  it('keeps both values when two unmapped columns share a header', () => {
    const g = grid([
      ['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Kinh phí', 'Kinh phí'],
      [1, 'Camera an ninh', 'Chi bộ Công an xã', '10', '20'],
    ]);
    expect(gridsToResult([g], ctx).records[0]?.extra).toEqual({ 'Kinh phí': '10', 'Kinh phí (cột E)': '20' });
  });

  it('does not guess a list it cannot name: a quota table is reported, not imported', () => {
    const g = grid([
      ['STT', 'Chủ thể thực hiện', 'Chỉ tiêu', 'Ghi chú'],
      [1, 'Chi bộ thôn Đông', '01 mô hình', ''],
    ]);
    const r = gridsToResult([g], { ...ctx, file: 'chi-tieu.xlsx' });
    expect(r.records).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['UNKNOWN_TABLE', 'NO_TABLE']);
  });

  it('keeps mapped columns that a registration does not read in extra (nothing is lost)', () => {
    const g = grid([
      ['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Đơn vị', 'Chức vụ'],
      [1, 'Camera an ninh', 'Chi bộ Công an', 'Xã Đông La', 'Bí thư'],
      [2, 'Tủ sách văn hóa đọc', '', 'Xã Hòa Bình', ''],
    ]);
    const recs = gridsToResult([g], ctx).records as RegistrationRecord[];
    expect(recs[0]).toMatchObject({ owner: 'Chi bộ Công an', extra: { 'Đơn vị': 'Xã Đông La', 'Chức vụ': 'Bí thư' } });
    // An empty owner cell stays empty: the commune column is not taken for the owner.
    expect(recs[1]).toMatchObject({ owner: null, extra: { 'Đơn vị': 'Xã Hòa Bình' } });
    expect(recs[0]?.source.cells).not.toHaveProperty('unit');
  });

  it('honours the deadline it is given: nothing partial, one TIME_BUDGET error', () => {
    const g = grid([
      ['STT', 'Tên mô hình', 'Chủ thể thực hiện'],
      [1, 'Camera an ninh', 'Chi bộ Công an xã'],
    ]);
    const r = gridsToResult([g], { ...ctx, deadline: Date.now() - 1 });
    expect(r.records).toEqual([]);
    expect(r.issues.map((i) => i.code)).toEqual(['TIME_BUDGET']);
  });
});
