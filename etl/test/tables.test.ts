import { describe, expect, it } from 'vitest';
import { findTables, headerScore, isNoteRow, isSignatureRow } from '../src/tables/find.js';
import { grid } from './helpers.js';

const b = (t: string) => ({ t, bold: true });

describe('findTables', () => {
  const g = grid(
    [
      ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', null, null, 'ĐẢNG CỘNG SẢN VIỆT NAM'],
      ['ĐẢNG ỦY XÃ ĐÔNG HÒA', null, null, 'Đông Hòa, ngày 05 tháng 02 năm 2026'],
      [],
      ['DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2026'],
      ['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Phân loại', null, null],
      [null, null, null, 'Mới', 'Duy trì', 'Nhân rộng'],
      ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
      [b('I. LĨNH VỰC KINH TẾ')],
      [1, 'Chung sức xây dựng nông thôn mới kiểu mẫu', 'Hội Nông dân xã', 'x', null, null],
      [2, 'Tổ hợp tác trồng rau an toàn', 'Chi bộ thôn Đông', null, 'x', null],
      [],
      [b('II. LĨNH VỰC QUỐC PHÒNG - AN NINH')],
      [3, 'Camera an ninh góp phần phòng chống tội phạm', 'Chi bộ Công an xã', null, null, 'x'],
      ['Tổng cộng: 3 mô hình'],
      [],
      [null, null, null, 'T/M ĐẢNG ỦY'],
      [null, null, null, 'BÍ THƯ'],
      [null, null, null, 'Nguyễn Văn Hùng'],
    ],
    { merges: [[4, 0, 5, 0], [4, 1, 5, 1], [4, 2, 5, 2], [4, 3, 4, 5], [7, 0, 7, 5], [11, 0, 11, 5], [13, 0, 13, 5]] },
  );
  const [t, ...more] = findTables(g);

  it('finds one table with a two-row header and the numbering row', () => {
    expect(more).toHaveLength(0);
    expect(t?.headerTop).toBe(4);
    expect(t?.headerBottom).toBe(5);
    expect(t?.numberingRow).toBe(6);
  });

  it('gives merged parents to sub-columns', () => {
    expect(t?.columns.map((c) => c.path)).toEqual([
      ['STT', 'STT'],
      ['Tên mô hình', 'Tên mô hình'],
      ['Chủ thể thực hiện', 'Chủ thể thực hiện'],
      ['Phân loại', 'Mới'],
      ['Phân loại', 'Duy trì'],
      ['Phân loại', 'Nhân rộng'],
    ]);
  });

  it('classifies group, data and total rows and stops at the signature block', () => {
    expect(t?.rows.map((r) => [r.row, r.kind])).toEqual([
      [7, 'group'],
      [8, 'data'],
      [9, 'data'],
      [11, 'group'],
      [12, 'data'],
      [13, 'total'],
    ]);
    expect(t?.footer.map((f) => f.text)).toContain('T/M ĐẢNG ỦY');
  });

  it('keeps the title block above the header', () => {
    expect(t?.title.map((x) => x.text)).toContain('DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2026');
  });

  it('finds two tables on one sheet, each with its caption', () => {
    const two = grid([
      ['A. MÔ HÌNH CẤP XÃ'],
      ['TT', 'Tên mô hình', 'Đơn vị thực hiện'],
      [1, 'Chính quyền thân thiện vì Nhân dân phục vụ', 'UBND xã'],
      [2, 'Nói không với rác thải nhựa', 'Đoàn Thanh niên xã'],
      [],
      ['B. MÔ HÌNH CỦA CÁC CHI BỘ'],
      ['TT', 'Tên mô hình', 'Đơn vị thực hiện'],
      [1, 'Tổ tự quản an ninh trật tự khu dân cư', 'Chi bộ thôn Đông'],
    ]);
    const ts = findTables(two);
    expect(ts).toHaveLength(2);
    expect(ts[0]?.rows.map((r) => r.row)).toEqual([2, 3]);
    expect(ts[1]?.title.map((x) => x.text)).toEqual(['B. MÔ HÌNH CỦA CÁC CHI BỘ']);
    expect(ts[1]?.rows.map((r) => r.row)).toEqual([7]);
  });

  it('drops blank separator columns and keeps hidden ones marked', () => {
    const g2 = grid(
      [
        ['STT', 'Tên mô hình', null, 'Mã', 'Chủ thể thực hiện'],
        [1, 'Camera an ninh', null, 'X1', 'Chi bộ Công an xã'],
      ],
      { hiddenColumns: [3] },
    );
    const [t2] = findTables(g2);
    expect(t2?.columns.map((c) => [c.col, c.hidden])).toEqual([
      [0, false],
      [1, false],
      [3, true],
      [4, false],
    ]);
  });

  it('finds headers typed without diacritics and with line breaks', () => {
    const g3 = grid([
      ['TT', 'Ten mo hinh', 'Chu the\nthuc hien', 'Linh vuc'],
      [1, 'Camera an ninh', 'Chi bộ Công an xã', 'QP-AN'],
    ]);
    expect(findTables(g3)[0]?.headerTop).toBe(0);
  });

  it('does not take a data row full of header-like words for a header', () => {
    const g4 = grid([['Phụ nữ chung tay bảo vệ môi trường, phân loại rác thải tại nguồn', 'VHXH', 'Duy trì', '03/02/2026', '31/12/2026', 'Sơ kết, nhân rộng cách làm hay']]);
    expect(headerScore(g4, 0).score).toBe(0);
    expect(findTables(g4)).toEqual([]);
  });

  it('knows signature and date lines, but not a data row that quotes a date', () => {
    const g5 = grid([
      ['NGƯỜI LẬP BIỂU'],
      [null, null, 'K/T BÍ THƯ'],
      [null, null, 'Hòa Bình, ngày 25 tháng 6 năm 2025'],
      [4, 'Thực hiện dân chủ ở cơ sở', 'Chi bộ thôn Hòa Lạc', 'Số 45-QĐ/ĐU ngày 12 tháng 6 năm 2025'],
    ]);
    expect([0, 1, 2, 3].map((r) => isSignatureRow(g5, r))).toEqual([true, true, true, false]);
  });

  it('ends the table at a lone note line, keeping it in the footer', () => {
    const g6 = grid([
      ['STT', 'Tên mô hình', 'Chủ thể thực hiện'],
      [1, 'Camera an ninh', 'Chi bộ Công an xã'],
      [],
      ['Ghi chú: mô hình cá nhân do đảng viên phụ trách.'],
      ['* Lưu ý: gửi trước ngày 10/3/2026.'],
    ]);
    expect(isNoteRow(g6, 3)).toBe(true);
    const [t6] = findTables(g6);
    expect(t6?.rows.map((r) => r.row)).toEqual([1]);
    expect(t6?.footer).toHaveLength(2);
  });

  it('tells total rows from rows that start with "Công an" or "Tổng đội"', () => {
    const g7 = grid([
      ['Tên tập thể, cá nhân', 'Chức vụ', 'Đơn vị công tác', 'Hình thức khen thưởng'],
      ['Công an xã Đông Hòa', null, 'Công an tỉnh', 'Giấy khen'],
      ['Tổng đội thanh niên xung phong', null, 'Tỉnh đoàn', 'Giấy khen'],
      ['Cộng: 2'],
    ]);
    expect(findTables(g7)[0]?.rows.map((r) => r.kind)).toEqual(['data', 'data', 'total']);
  });

  it('reads a roman-numbered heading with its subtotal as a group', () => {
    const g8 = grid([
      ['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Số hộ tham gia'],
      ['I', 'LĨNH VỰC KINH TẾ', null, 120],
      [1, 'Tổ hợp tác trồng rau an toàn', 'Hội Nông dân xã', 120],
    ]);
    expect(findTables(g8)[0]?.rows.map((r) => [r.kind, r.text ?? null])).toEqual([
      ['group', 'I. LĨNH VỰC KINH TẾ'],
      ['data', null],
    ]);
  });

  it('never takes a numbered data row for a new header, even when the name starts like one', () => {
    const rows: (string | number)[][] = [['STT', 'Tên mô hình', 'Lĩnh vực', 'Hình thức']];
    for (let i = 1; i <= 30; i++) rows.push([i, `Mô hình số ${i} vận động Nhân dân xây dựng nông thôn mới`, 'KT', i % 2 ? 'Mới' : 'Duy trì']);
    const ts = findTables(grid(rows));
    expect(ts).toHaveLength(1);
    expect(ts[0]?.rows.filter((r) => r.kind === 'data')).toHaveLength(30);
  });
});
