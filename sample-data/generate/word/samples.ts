/**
 * The Word samples: each builds its document with the `docx` package and
 * states, from its own knowledge of what it wrote, what a careful reader takes
 * from it. Expected readings are never produced by running the extractor.
 *
 * Demo province: Tỉnh Hải Đông (sample-data/README.md). 2024 files use the
 * pre-merger communes under Huyện Kim Sơn; 2025 (after 1/7) and 2026 files the
 * merged communes Đông Hòa, Tân Lai, Kim Sơn.
 */
import type { EtlRecord, RegistrationRecord, ReportRecord } from '../../../etl/src/contract.js';
import type { ExpectedFile, ExpectedRecord } from '../lib/expected.js';
import { fileExpect } from '../lib/sample.js';
import { Body, type Kit, table } from './kit.js';

/** Where a Word record comes from: a table row (1-based within the table) or a paragraph. */
export type WordSource = { table: number; row: number } | { paragraph: number };

export type Expected = ExpectedFile;

export interface WordSample {
  file: string;
  /** Builds the document and states what a careful reader takes from it. */
  make: () => Promise<{ bytes: Uint8Array; expected: ExpectedFile }>;
}

/** A record with Word provenance, in the corpus test's shape (sheet is null for Word). */
type Bare<T> = T extends unknown ? Omit<T, 'source' | 'extra'> & { extra?: Record<string, string> } : never;

export function wordRecord(r: Bare<EtlRecord>, src: WordSource): ExpectedRecord {
  const source = 'table' in src ? { sheet: null, table: src.table, row: src.row } : { sheet: null, row: null, paragraph: src.paragraph };
  return { extra: {}, ...r, source } as unknown as ExpectedRecord;
}

type Reg = Omit<RegistrationRecord, 'source' | 'extra'>;

export function reg(r: Partial<Reg> & Pick<Reg, 'model_name' | 'year'>): Reg {
  return {
    type: 'registration',
    field: null,
    field_inferred: false,
    owner: null,
    owner_type: null,
    status: null,
    start_date: null,
    end_date: null,
    launch_date: null,
    location: null,
    person_in_charge: null,
    goal: null,
    content: null,
    note: null,
    ...r,
  };
}

export function report(r: Omit<ReportRecord, 'type' | 'source' | 'extra'>): Omit<ReportRecord, 'source' | 'extra'> {
  return { type: 'report', ...r };
}

const U: Kit = { mode: 'nfc' };
const PARTY_RIGHT = (place: string, date: string): string[] => ['ĐẢNG CỘNG SẢN VIỆT NAM', `${place}, ngày ${date}`];
const STATE_RIGHT = (place: string, date: string): string[] => ['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', `${place}, ngày ${date}`];


// ---------------------------------------------------------------------------
// 1. Mẫu 04 in numbered paragraphs, Unicode check boxes ☒ ☐.

const doanThanhNien: WordSample = {
  file: '2026_dong-hoa_mau04-doan-thanh-nien.docx',
  make: async () => {
    const b = new Body(U);
    b.p('Mẫu 04', { right: true, italic: true });
    b.header(['ĐẢNG BỘ XÃ ĐÔNG HÒA', 'ĐOÀN THANH NIÊN XÃ ĐÔNG HÒA'], ['ĐOÀN TNCS HỒ CHÍ MINH', 'Đông Hòa, ngày 05 tháng 02 năm 2026']);
    b.blank();
    b.p('PHIẾU ĐĂNG KÝ', { bold: true, center: true });
    b.p('Xây dựng mô hình “Dân vận khéo” năm 2026', { bold: true, center: true });
    b.p('Kính gửi: Ban Xây dựng Đảng Đảng ủy xã Đông Hòa', { center: true });
    const at = b.p('1. Tên mô hình: “Thanh niên tình nguyện hướng dẫn Nhân dân sử dụng dịch vụ công trực tuyến”');
    b.p('2. Chủ thể thực hiện: Đoàn Thanh niên xã Đông Hòa');
    b.p('3. Địa bàn thực hiện: 06 thôn trên địa bàn xã Đông Hòa');
    b.p('4. Lĩnh vực: Văn hóa - xã hội');
    b.p('5. Thời gian thực hiện: từ ngày 01/3/2026 đến ngày 30/11/2026');
    b.p(['6. Hình thức đăng ký: ', { box: true, style: 'unicode' }, ' Đăng ký mới    ', { box: false, style: 'unicode' }, ' Duy trì    ', { box: false, style: 'unicode' }, ' Nhân rộng']);
    b.p('7. Thời gian ra mắt mô hình: ngày 26/3/2026');
    b.p('8. Mục tiêu: Hỗ trợ ít nhất 1.500 lượt người dân nộp hồ sơ trực tuyến; 100% đoàn viên thành thạo thao tác trên Cổng dịch vụ công.');
    b.p('9. Nội dung, giải pháp thực hiện:');
    b.p('- Thành lập 06 tổ thanh niên tình nguyện ở các thôn.');
    b.p('- Trực hỗ trợ tại Trung tâm phục vụ hành chính công xã vào sáng thứ Bảy hằng tuần.');
    b.p('10. Người phụ trách: Nguyễn Văn Hùng, Bí thư Đoàn xã');
    b.signature(['T/M BAN CHẤP HÀNH', 'BÍ THƯ', 'Nguyễn Văn Hùng']);
    return {
      bytes: await b.pack(),
      expected: fileExpect({
        file: '2026_dong-hoa_mau04-doan-thanh-nien.docx', format: 'docx', kind: 'registration',
        year: 2026, unit: 'ĐOÀN THANH NIÊN XÃ ĐÔNG HÒA', level: 'commune',
        records: [wordRecord(reg({
          year: 2026,
          model_name: 'Thanh niên tình nguyện hướng dẫn Nhân dân sử dụng dịch vụ công trực tuyến',
          field: 'culture_society',
          owner: 'Đoàn Thanh niên xã Đông Hòa',
          owner_type: 'collective',
          status: 'new',
          start_date: '2026-03-01',
          end_date: '2026-11-30',
          launch_date: '2026-03-26',
          location: '06 thôn trên địa bàn xã Đông Hòa',
          person_in_charge: 'Nguyễn Văn Hùng, Bí thư Đoàn xã',
          goal: 'Hỗ trợ ít nhất 1.500 lượt người dân nộp hồ sơ trực tuyến; 100% đoàn viên thành thạo thao tác trên Cổng dịch vụ công.',
          content: '- Thành lập 06 tổ thanh niên tình nguyện ở các thôn.\n- Trực hỗ trợ tại Trung tâm phục vụ hành chính công xã vào sáng thứ Bảy hằng tuần.',
        }), { paragraph: at })],
      }),
    };
  },
};

// ---------------------------------------------------------------------------
// 2. Mẫu 04 as a two-column table, Wingdings check boxes (w:sym F0FE / F0A8).

const hoiNongDan: WordSample = {
  file: '2026_tan-lai_mau04-bang-hoi-nong-dan.docx',
  make: async () => {
    const b = new Body(U);
    b.header(['HỘI NÔNG DÂN TỈNH HẢI ĐÔNG', 'HỘI NÔNG DÂN XÃ TÂN LAI'], STATE_RIGHT('Tân Lai', '10 tháng 02 năm 2026'));
    b.blank();
    b.p('BẢN ĐĂNG KÝ XÂY DỰNG MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026', { bold: true, center: true });
    b.p('(Theo mẫu 04)', { italic: true, center: true });
    const t = b.table(table(U, [
      [{ text: 'Tên mô hình', bold: true }, 'Nông dân liên kết sản xuất lúa hữu cơ gắn với tiêu thụ sản phẩm'],
      [{ text: 'Chủ thể thực hiện', bold: true }, 'Hội Nông dân xã Tân Lai'],
      [{ text: 'Địa chỉ thực hiện', bold: true }, 'Thôn Tân Phú 1, xã Tân Lai'],
      [{ text: 'Lĩnh vực', bold: true }, 'Kinh tế'],
      [{ text: 'Thời gian thực hiện', bold: true }, 'Từ tháng 01/2026 đến tháng 12/2026'],
      [{ text: 'Loại mô hình', bold: true }, { text: [{ box: false, style: 'wingdings' }, ' Đăng ký mới   ', { box: true, style: 'wingdings' }, ' Duy trì   ', { box: false, style: 'wingdings' }, ' Nhân rộng'] }],
      [{ text: 'Mục tiêu', bold: true }, 'Mở rộng diện tích lúa hữu cơ lên 35 ha; 100% sản phẩm được bao tiêu.'],
      [{ text: 'Người phụ trách', bold: true }, 'Trần Thị Mai, Chủ tịch Hội Nông dân xã'],
      [{ text: 'Ghi chú', bold: true }, 'Mô hình thực hiện từ năm 2024'],
    ]));
    b.signature(['T/M BAN THƯỜNG VỤ', 'CHỦ TỊCH', 'Trần Thị Mai']);
    return {
      bytes: await b.pack(),
      expected: fileExpect({
        file: '2026_tan-lai_mau04-bang-hoi-nong-dan.docx', format: 'docx', kind: 'registration',
        year: 2026, unit: 'HỘI NÔNG DÂN XÃ TÂN LAI', level: 'commune',
        records: [wordRecord(reg({
          year: 2026,
          model_name: 'Nông dân liên kết sản xuất lúa hữu cơ gắn với tiêu thụ sản phẩm',
          field: 'economy',
          owner: 'Hội Nông dân xã Tân Lai',
          owner_type: 'collective',
          status: 'continued',
          start_date: '2026-01',
          end_date: '2026-12',
          location: 'Thôn Tân Phú 1, xã Tân Lai',
          person_in_charge: 'Trần Thị Mai, Chủ tịch Hội Nông dân xã',
          goal: 'Mở rộng diện tích lúa hữu cơ lên 35 ha; 100% sản phẩm được bao tiêu.',
          note: 'Mô hình thực hiện từ năm 2024',
        }), { table: t, row: 1 })],
      }),
    };
  },
};

// ---------------------------------------------------------------------------
// 3. Mẫu 04 unnumbered, w14:checkbox content controls, no field line (inferred).

const chiBoCongAn: WordSample = {
  file: '2026_dong-hoa_mau04-o-chon-chi-bo-cong-an.docx',
  make: async () => {
    const b = new Body(U);
    b.header(['ĐẢNG BỘ XÃ ĐÔNG HÒA', 'CHI BỘ CÔNG AN XÃ', '*'], PARTY_RIGHT('Đông Hòa', '06 tháng 02 năm 2026'));
    b.blank();
    b.p('PHIẾU ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026', { bold: true, center: true });
    b.blank();
    const at = b.p('Tên mô hình: Camera an ninh bảo vệ bình yên thôn xóm');
    b.p('Chủ thể thực hiện: Chi bộ Công an xã Đông Hòa');
    b.p('Địa bàn thực hiện: thôn Đông La 1, thôn Đông La 2');
    b.p('Thời gian thực hiện: từ tháng 3/2026 đến tháng 12/2026');
    b.p(['Mô hình: ', { box: false, style: 'control' }, ' Đăng ký mới   ', { box: true, style: 'control' }, ' Nhân rộng   ', { box: false, style: 'control' }, ' Duy trì']);
    b.p('Thời gian ra mắt mô hình: tháng 4/2026');
    b.p('Người phụ trách: Lê Quang Minh, Bí thư Chi bộ, Trưởng Công an xã');
    b.signature(['T/M CHI BỘ', 'BÍ THƯ', 'Lê Quang Minh']);
    return {
      bytes: await b.pack(),
      expected: fileExpect({
        file: '2026_dong-hoa_mau04-o-chon-chi-bo-cong-an.docx', format: 'docx', kind: 'registration',
        year: 2026, unit: 'CHI BỘ CÔNG AN XÃ', level: 'commune',
        records: [wordRecord(reg({
          year: 2026,
          model_name: 'Camera an ninh bảo vệ bình yên thôn xóm',
          field: 'defense_security',
          field_inferred: true,
          owner: 'Chi bộ Công an xã Đông Hòa',
          owner_type: 'collective',
          status: 'replicated',
          start_date: '2026-03',
          end_date: '2026-12',
          launch_date: '2026-04',
          location: 'thôn Đông La 1, thôn Đông La 2',
          person_in_charge: 'Lê Quang Minh, Bí thư Chi bộ, Trưởng Công an xã',
        }), { paragraph: at })],
      }),
    };
  },
};

// ---------------------------------------------------------------------------
// 4. Mẫu 04 from a Mac: NFD text, old tone placement ("hoá", "thuỷ"), [x] marks.

const NFD: Kit = { mode: 'nfd' };
const phuNuKimSon: WordSample = {
  file: '2026_kim-son_mau04-nfd-dau-kieu-cu.docx',
  make: async () => {
    const b = new Body(NFD);
    b.header(['HỘI LHPN TỈNH HẢI ĐÔNG', 'HỘI LHPN XÃ KIM SƠN'], STATE_RIGHT('Kim Sơn', '12 tháng 02 năm 2026'));
    b.blank();
    b.p('PHIẾU ĐĂNG KÝ XÂY DỰNG MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026', { bold: true, center: true });
    const at = b.p('I. Tên mô hình: Phụ nữ Kim Sơn chung tay thu gom rác thải, giữ sạch kênh thuỷ lợi');
    b.p('II. Chủ thể thực hiện: Hội Liên hiệp Phụ nữ xã Kim Sơn');
    b.p('III. Lĩnh vực: Văn hoá – xã hội');
    b.p('IV. Thời gian thực hiện: Từ 15/02/2026 đến 15/12/2026');
    b.p(['V. Hình thức: ', { box: false, style: 'bracket' }, ' Đăng ký mới   ', { box: true, style: 'bracket' }, ' Duy trì   ', { box: false, style: 'bracket' }, ' Nhân rộng']);
    b.p('VI. Người phụ trách: Phạm Thị Thuỷ, Chủ tịch Hội LHPN xã');
    b.signature(['T/M BAN CHẤP HÀNH', 'CHỦ TỊCH', 'Phạm Thị Thuỷ']);
    return {
      bytes: await b.pack(),
      expected: fileExpect({
        file: '2026_kim-son_mau04-nfd-dau-kieu-cu.docx', format: 'docx', kind: 'registration',
        year: 2026, unit: 'HỘI LHPN XÃ KIM SƠN', level: 'commune',
        records: [wordRecord(reg({
          year: 2026,
          // Text comes back NFC; old-style tone placement is kept as written.
          model_name: 'Phụ nữ Kim Sơn chung tay thu gom rác thải, giữ sạch kênh thuỷ lợi',
          field: 'culture_society',
          owner: 'Hội Liên hiệp Phụ nữ xã Kim Sơn',
          owner_type: 'collective',
          status: 'continued',
          start_date: '2026-02-15',
          end_date: '2026-12-15',
          person_in_charge: 'Phạm Thị Thuỷ, Chủ tịch Hội LHPN xã',
        }), { paragraph: at })],
      }),
    };
  },
};

// ---------------------------------------------------------------------------
// 5. Mẫu 04 in a three-column table (STT | Nội dung | Đăng ký) with ■ □ squares.

const chiBoTruong: WordSample = {
  file: '2026_tan-lai_mau04-o-vuong-truong-thcs.docx',
  make: async () => {
    const b = new Body(U);
    b.header(['ĐẢNG BỘ XÃ TÂN LAI', 'CHI BỘ TRƯỜNG THCS TÂN LAI', '*'], PARTY_RIGHT('Tân Lai', '08 tháng 02 năm 2026'), { nested: true });
    b.blank();
    b.p('ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026', { bold: true, center: true });
    const t = b.table(table(U, [
      [{ text: 'STT', bold: true }, { text: 'Nội dung', bold: true }, { text: 'Đăng ký', bold: true }],
      ['1', 'Tên mô hình', 'Nhà trường - gia đình chung tay phát triển văn hóa đọc'],
      ['2', 'Chủ thể thực hiện', 'Chi bộ Trường THCS Tân Lai'],
      ['3', 'Lĩnh vực', 'Văn hóa - xã hội'],
      ['4', 'Thời gian thực hiện', 'Từ 01/02/2026 đến 31/5/2026'],
      ['5', 'Loại mô hình', { text: [{ box: true, style: 'square' }, ' Mới    ', { box: false, style: 'square' }, ' Duy trì    ', { box: false, style: 'square' }, ' Nhân rộng'] }],
      ['6', 'Thời gian ra mắt', '20/02/2026'],
      ['7', 'Người phụ trách', 'Vũ Thị Hồng Nhung, Phó Bí thư Chi bộ'],
    ], { headerRows: 1 }));
    b.signature(['T/M CHI BỘ', 'BÍ THƯ', 'Đặng Văn Khoa']);
    return {
      bytes: await b.pack(),
      expected: fileExpect({
        file: '2026_tan-lai_mau04-o-vuong-truong-thcs.docx', format: 'docx', kind: 'registration',
        year: 2026, unit: 'CHI BỘ TRƯỜNG THCS TÂN LAI', level: 'commune',
        records: [wordRecord(reg({
          year: 2026,
          model_name: 'Nhà trường - gia đình chung tay phát triển văn hóa đọc',
          field: 'culture_society',
          owner: 'Chi bộ Trường THCS Tân Lai',
          owner_type: 'collective',
          status: 'new',
          start_date: '2026-02-01',
          end_date: '2026-05-31',
          launch_date: '2026-02-20',
          person_in_charge: 'Vũ Thị Hồng Nhung, Phó Bí thư Chi bộ',
        }), { table: t, row: 2 })],
      }),
    };
  },
};

// ---------------------------------------------------------------------------
// 6. Mẫu 01 summary table: two-row merged header, group rows, 'x' marks, total.
//    The same document is also saved as Word 97 by LibreOffice (legacy.ts).

interface Mau01Row { name: string; owner: string; field: string; fieldCode: Reg['field']; start: string; end: string; s: 0 | 1 | 2; person: string; note?: string; sd: string; ed: string }
export const MAU01_ROWS: Mau01Row[] = [
  { name: 'Vận động Nhân dân hiến đất mở rộng đường giao thông nông thôn', owner: 'Chi bộ thôn Đông La 1', field: 'Kinh tế', fieldCode: 'economy', start: '02/2026', end: '12/2026', s: 0, person: 'Nguyễn Văn Tâm', sd: '2026-02', ed: '2026-12' },
  { name: 'Liên kết tiêu thụ sản phẩm OCOP gạo nếp cái hoa vàng', owner: 'Hội Nông dân xã', field: 'Kinh tế', fieldCode: 'economy', start: '01/2026', end: '12/2026', s: 1, person: 'Trần Văn Lực', sd: '2026-01', ed: '2026-12' },
  { name: 'Thanh niên tình nguyện hướng dẫn Nhân dân sử dụng dịch vụ công trực tuyến', owner: 'Đoàn Thanh niên xã', field: 'Văn hóa - xã hội', fieldCode: 'culture_society', start: '01/3/2026', end: '30/11/2026', s: 0, person: 'Nguyễn Văn Hùng', sd: '2026-03-01', ed: '2026-11-30' },
  { name: 'Vận động Nhân dân tham gia bảo hiểm y tế hộ gia đình', owner: 'Chi bộ Trạm Y tế', field: 'Văn hóa - xã hội', fieldCode: 'culture_society', start: '01/2026', end: '12/2026', s: 1, person: 'Đỗ Thị Hạnh', sd: '2026-01', ed: '2026-12' },
  { name: 'Camera an ninh bảo vệ bình yên thôn xóm', owner: 'Chi bộ Công an xã', field: 'Quốc phòng - an ninh', fieldCode: 'defense_security', start: '03/2026', end: '12/2026', s: 2, person: 'Lê Quang Minh', note: 'Nhân rộng từ xã Tân Lai', sd: '2026-03', ed: '2026-12' },
  { name: 'Chính quyền thân thiện, vì Nhân dân phục vụ', owner: 'UBND xã Đông Hòa', field: 'Xây dựng hệ thống chính trị', fieldCode: 'political_system', start: '01/2026', end: '12/2026', s: 1, person: 'Phạm Văn Đức', sd: '2026-01', ed: '2026-12' },
];
const GROUPS: [number, string, string][] = [[0, 'I', 'LĨNH VỰC KINH TẾ'], [2, 'II', 'LĨNH VỰC VĂN HÓA - XÃ HỘI'], [4, 'III', 'LĨNH VỰC QUỐC PHÒNG - AN NINH, DÂN TỘC - TÔN GIÁO'], [5, 'IV', 'LĨNH VỰC XÂY DỰNG HỆ THỐNG CHÍNH TRỊ']];
const STATUS: Reg['status'][] = ['new', 'continued', 'replicated'];

/** The mẫu 01 document and, for each model, its 1-based row in the table. */
export function buildMau01(): { body: Body; table: number; rows: number[] } {
  const rows: CellRow[] = [
    [{ text: 'STT', rowSpan: 2 }, { text: 'Tên mô hình', rowSpan: 2 }, { text: 'Chủ thể thực hiện', rowSpan: 2 }, { text: 'Lĩnh vực', rowSpan: 2 }, { text: 'Thời gian thực hiện', colSpan: 2 }, { text: 'Loại mô hình', colSpan: 3 }, { text: 'Người phụ trách', rowSpan: 2 }, { text: 'Ghi chú', rowSpan: 2 }],
    ['Bắt đầu', 'Kết thúc', 'Mới', 'Duy trì', 'Nhân rộng'],
  ];
  const at: number[] = [];
  MAU01_ROWS.forEach((m, i) => {
    const g = GROUPS.find(([k]) => k === i);
    if (g) rows.push([{ text: g[1], bold: true }, { text: g[2], colSpan: 10, bold: true }]);
    rows.push([String(i + 1), m.name, m.owner, m.field, m.start, m.end, m.s === 0 ? 'x' : '', m.s === 1 ? 'x' : '', m.s === 2 ? 'x' : '', m.person, m.note ?? '']);
    at.push(rows.length);
  });
  rows.push([{ text: 'Tổng cộng', colSpan: 6, bold: true }, { text: '2', bold: true }, { text: '3', bold: true }, { text: '1', bold: true }, '', '']);
  const b = new Body(U);
  b.p('Mẫu 01', { right: true, italic: true });
  b.header(['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ ĐÔNG HÒA', '*'], PARTY_RIGHT('Đông Hòa', '09 tháng 3 năm 2026'), { nested: true });
  b.blank();
  b.p('BIỂU TỔNG HỢP ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026', { bold: true, center: true });
  b.p('(Kèm theo Báo cáo số 45-BC/ĐU, ngày 09/3/2026 của Đảng ủy xã Đông Hòa)', { italic: true, center: true });
  const t = b.table(table(U, rows, { headerRows: 2 }));
  b.signature(['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Hoàng Minh Châu']);
  return { body: b, table: t, rows: at };
}

export function mau01Expected(file: string, format: 'docx' | 'doc', table: number, rows: number[]): ExpectedFile {
  return fileExpect({
    file, format, kind: 'registration', year: 2026, unit: 'ĐẢNG ỦY XÃ ĐÔNG HÒA', level: 'commune',
    records: MAU01_ROWS.map((m, i) => wordRecord(reg({
      year: 2026,
      model_name: m.name,
      field: m.fieldCode,
      owner: m.owner,
      owner_type: 'collective',
      status: STATUS[m.s] ?? null,
      start_date: m.sd,
      end_date: m.ed,
      person_in_charge: m.person,
      note: m.note ?? null,
    }), { table, row: rows[i]! })),
    issues: [{ severity: 'info', code: 'TOTAL_ROW_SKIPPED' }],
  });
}

const mau01DongHoa: WordSample = {
  file: '2026_dong-hoa_mau01-tong-hop-gop-o.docx',
  make: async () => {
    const m = buildMau01();
    return { bytes: await m.body.pack(), expected: mau01Expected('2026_dong-hoa_mau01-tong-hop-gop-o.docx', 'docx', m.table, m.rows) };
  },
};

// ---------------------------------------------------------------------------
// 7. A 2024 registration list typed in TCVN3 (.VnTime, capitals in .VnTimeH).

const T3: Kit = { mode: 'tcvn3' };
const TCVN3_ROWS = [
  { name: 'Vận động hộ gia đình phân loại rác thải tại nguồn', owner: 'Chi bộ thôn Tân Phú 2', field: 'Văn hóa - xã hội', code: 'culture_society' as const, time: 'Từ tháng 3/2024 đến tháng 12/2024', s: 'Mới', status: 'new' as const, person: 'Hoàng Văn Sơn', sd: '2024-03', ed: '2024-12', ot: 'collective' as const },
  { name: 'Tổ hòa giải giỏi, xóm làng bình yên', owner: 'Chi hội Cựu chiến binh thôn Tân Phú 2', field: 'Quốc phòng - an ninh', code: 'defense_security' as const, time: 'Từ tháng 01/2024 đến tháng 12/2024', s: 'Duy trì', status: 'continued' as const, person: 'Vũ Đình Khải', sd: '2024-01', ed: '2024-12', ot: 'collective' as const },
  { name: 'Nuôi ong lấy mật gắn với giảm nghèo bền vững', owner: 'Lương Văn Thắng', field: 'Kinh tế', code: 'economy' as const, time: 'Từ tháng 4/2024 đến tháng 11/2024', s: 'Mới', status: 'new' as const, person: 'Lương Văn Thắng', sd: '2024-04', ed: '2024-11', ot: 'individual' as const },
];
/** The TCVN3 list and the 1-based table rows of its models; also saved as Word 97 (legacy.ts). */
export function buildTcvn3(): { body: Body; table: number } {
  const b = new Body(T3);
  b.header(['ĐẢNG BỘ XÃ TÂN PHÚ', 'CHI BỘ THÔN TÂN PHÚ 2', '*'], PARTY_RIGHT('Tân Phú', '20 tháng 02 năm 2024'));
  b.blank();
  b.p('DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2024', { bold: true, center: true });
  const t = b.table(table(T3, [
    ['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Lĩnh vực', 'Thời gian thực hiện', 'Hình thức', 'Người phụ trách'],
    ...TCVN3_ROWS.map((r, i) => [String(i + 1), r.name, r.owner, r.field, r.time, r.s, r.person]),
  ], { headerRows: 1 }));
  b.signature(['T/M CHI BỘ', 'BÍ THƯ', 'Hoàng Văn Sơn']);
  return { body: b, table: t };
}

export function tcvn3Expected(file: string, format: 'docx' | 'doc', table: number): ExpectedFile {
  return fileExpect({
    file, format, kind: 'registration',
    year: 2024, unit: 'CHI BỘ THÔN TÂN PHÚ 2', level: 'commune', encoding: 'tcvn3',
    records: TCVN3_ROWS.map((r, i) => wordRecord(reg({
      year: 2024,
      model_name: r.name,
      field: r.code,
      owner: r.owner,
      owner_type: r.ot,
      status: r.status,
      start_date: r.sd,
      end_date: r.ed,
      person_in_charge: r.person,
    }), { table, row: i + 2 })),
  });
}

const tcvn3TanPhu: WordSample = {
  file: '2024_tan-phu_mau01-word-tcvn3.docx',
  make: async () => {
    const m = buildTcvn3();
    return { bytes: await m.body.pack(), expected: tcvn3Expected('2024_tan-phu_mau01-word-tcvn3.docx', 'docx', m.table) };
  },
};

// ---------------------------------------------------------------------------
// 8. Half-year report 2026: figures in sentences, a number in words, a
//    proposal that is not a recognition, and a target in the outlook section.

const baoCao6Thang: WordSample = {
  file: '2026-h1_dong-hoa_bao-cao-6-thang.docx',
  make: async () => {
    const b = new Body(U);
    b.header(['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ ĐÔNG HÒA', '*', 'Số 52-BC/ĐU'], PARTY_RIGHT('Đông Hòa', '26 tháng 6 năm 2026'));
    b.blank();
    b.p('BÁO CÁO', { bold: true, center: true });
    b.p('kết quả thực hiện phong trào thi đua “Dân vận khéo” 6 tháng đầu năm 2026', { bold: true, center: true });
    b.blank();
    b.p('Thực hiện Hướng dẫn số 05-HD/ĐU, ngày 15/01/2026 của Ban Thường vụ Đảng ủy xã về thực hiện phong trào thi đua “Dân vận khéo” năm 2026, Ban Thường vụ Đảng ủy báo cáo kết quả 6 tháng đầu năm 2026 như sau:');
    b.p('I. KẾT QUẢ THỰC HIỆN', { bold: true });
    b.p('1. Công tác lãnh đạo, chỉ đạo', { bold: true });
    b.p('Ban Thường vụ Đảng ủy đã ban hành 01 hướng dẫn, tổ chức 02 hội nghị quán triệt cho 100% chi bộ trực thuộc; 24/24 tổ chức đảng đã xây dựng kế hoạch thực hiện.');
    b.p('2. Kết quả đăng ký xây dựng mô hình', { bold: true });
    const at = b.p('Toàn Đảng bộ đăng ký xây dựng 14 mô hình “Dân vận khéo”, trong đó 05 mô hình mới, 09 mô hình duy trì; không có mô hình nhân rộng. Đến nay 05/05 mô hình mới đã tổ chức ra mắt.');
    b.p('3. Kết quả công nhận mô hình, điển hình', { bold: true });
    b.p('Qua khảo sát, thẩm định, Ban Thường vụ Đảng ủy đã công nhận 9 mô hình cấp xã; đề nghị Ban Tuyên giáo và Dân vận Thành ủy xem xét công nhận 02 mô hình cấp thành phố.');
    b.p('Có mười hai tập thể và 07 cá nhân được biểu dương điển hình “Dân vận khéo” 6 tháng đầu năm.');
    b.p('II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM', { bold: true });
    b.p('- Tiếp tục chỉ đạo các chi, đảng bộ trực thuộc triển khai các mô hình đã đăng ký; phấn đấu đến cuối năm 2026 công nhận ít nhất 12 mô hình cấp xã.');
    b.signature(['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', 'Hoàng Minh Châu']);
    return {
      bytes: await b.pack(),
      expected: fileExpect({
        file: '2026-h1_dong-hoa_bao-cao-6-thang.docx', format: 'docx', kind: 'report',
        year: 2026, unit: 'ĐẢNG ỦY XÃ ĐÔNG HÒA', level: 'commune',
        records: [wordRecord(report({
          year: 2026, period: 'H1',
          models_registered: 14, models_new: 5, models_continued: 9, models_replicated: 0,
          // "đề nghị … công nhận 02 mô hình cấp thành phố" is a proposal, not a recognition.
          recognized_commune: 9, recognized_district: null, recognized_province: null,
          exemplars_collective: 12, exemplars_individual: 7,
        }), { paragraph: at })],
        issues: [{ severity: 'info', code: 'REPORT_QUOTA' }],
      }),
    };
  },
};

// ---------------------------------------------------------------------------
// 9. Year-end report 2025 (phụ lục 02): a figures table, sentences, and next
//    year's quotas stated in the outlook.

const baoCaoNam: WordSample = {
  file: '2025_tan-lai_bao-cao-nam-phu-luc-02.docx',
  make: async () => {
    const b = new Body(U);
    b.p('Phụ lục 02', { right: true, italic: true });
    b.header(['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ TÂN LAI', '*', 'Số 118-BC/ĐU'], PARTY_RIGHT('Tân Lai', '18 tháng 11 năm 2025'));
    b.blank();
    b.p('BÁO CÁO', { bold: true, center: true });
    b.p('Kết quả thực hiện phong trào thi đua “Dân vận khéo” năm 2025', { bold: true, center: true });
    b.blank();
    b.p('I. ĐẶC ĐIỂM TÌNH HÌNH', { bold: true });
    b.p('Xã Tân Lai được thành lập trên cơ sở hợp nhất xã Đông Lai và xã Tân Phú từ ngày 01/7/2025; Đảng bộ xã có 24 tổ chức cơ sở đảng trực thuộc với 1.126 đảng viên.');
    b.p('II. KẾT QUẢ THỰC HIỆN', { bold: true });
    const at = b.p('Năm 2025, các chi, đảng bộ trực thuộc đã đăng ký 18 mô hình, gồm: mười mô hình duy trì từ các năm trước, 06 mô hình xây dựng mới và 02 mô hình nhân rộng. Kết quả cụ thể như sau:');
    b.table(table(U, [
      ['STT', 'Nội dung', 'Số lượng', 'Ghi chú'],
      ['1', 'Tổng số mô hình đăng ký', '18', ''],
      ['2', 'Mô hình được công nhận cấp xã', '11', 'Quyết định số 210-QĐ/ĐU'],
      ['3', 'Mô hình được công nhận cấp tỉnh', '01', 'Ban Tuyên giáo và Dân vận Tỉnh ủy công nhận'],
      ['4', 'Tập thể điển hình được biểu dương', '04', ''],
      ['5', 'Cá nhân điển hình được biểu dương', '06', ''],
    ], { headerRows: 1 }));
    b.p('Trước khi hợp nhất, Huyện ủy Kim Sơn đã công nhận 03 mô hình cấp huyện của xã Đông Lai và xã Tân Phú.');
    b.p('III. PHƯƠNG HƯỚNG NĂM 2026', { bold: true });
    b.p('- Phấn đấu năm 2026 có ít nhất 05 mô hình “Dân vận khéo”, trong đó có ít nhất 01 mô hình đăng ký mới hoặc nhân rộng.');
    b.p('- 100% tổ chức đảng trực thuộc xây dựng ít nhất 01 mô hình “Dân vận khéo”.');
    b.p('- Có ít nhất 07 tập thể, cá nhân được công nhận điển hình “Dân vận khéo”.');
    b.signature(['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Nguyễn Thị Thu Hà']);
    return {
      bytes: await b.pack(),
      expected: fileExpect({
        file: '2025_tan-lai_bao-cao-nam-phu-luc-02.docx', format: 'docx', kind: 'report',
        year: 2025, unit: 'ĐẢNG ỦY XÃ TÂN LAI', level: 'commune',
        records: [wordRecord(report({
          year: 2025, period: 'FY',
          models_registered: 18, models_new: 6, models_continued: 10, models_replicated: 2,
          recognized_commune: 11, recognized_district: 3, recognized_province: 1,
          exemplars_collective: 4, exemplars_individual: 6,
        }), { paragraph: at })],
        // Four targets for 2026: ≥ 5 models, ≥ 1 new or replicated, 100 % of party organisations, ≥ 7 exemplars.
        issues: [
          { severity: 'info', code: 'REPORT_QUOTA' },
          { severity: 'info', code: 'REPORT_QUOTA' },
          { severity: 'info', code: 'REPORT_QUOTA' },
          { severity: 'info', code: 'REPORT_QUOTA' },
        ],
      }),
    };
  },
};

// ---------------------------------------------------------------------------
// 10. Recognition list, annex of a decision.

const REC_ROWS: [string, string, string, 'economy' | 'culture_society' | 'defense_security' | 'political_system'][] = [
  ['Vận động Nhân dân hiến đất mở rộng đường giao thông nông thôn', 'Chi bộ thôn Đông La 1', 'Kinh tế', 'economy'],
  ['Nông dân chung sức xây dựng cánh đồng mẫu lớn', 'Hội Nông dân xã Đông Hòa', 'Kinh tế', 'economy'],
  ['Tổ phụ nữ tự quản đường hoa', 'Chi hội Phụ nữ thôn Hòa Bình 2', 'Văn hóa - xã hội', 'culture_society'],
  ['Camera an ninh bảo vệ bình yên thôn xóm', 'Chi bộ Công an xã', 'Quốc phòng - an ninh', 'defense_security'],
  ['Chính quyền thân thiện, vì Nhân dân phục vụ', 'UBND xã Đông Hòa', 'Xây dựng hệ thống chính trị', 'political_system'],
];
const congNhan: WordSample = {
  file: '2025_dong-hoa_cong-nhan-mo-hinh-word.docx',
  make: async () => {
    const b = new Body(U);
    b.header(['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ ĐÔNG HÒA', '*'], PARTY_RIGHT('Đông Hòa', '15 tháng 12 năm 2025'));
    b.blank();
    b.p('DANH SÁCH', { bold: true, center: true });
    b.p('Mô hình “Dân vận khéo” được công nhận năm 2025', { bold: true, center: true });
    b.p('(Kèm theo Quyết định số 125-QĐ/ĐU, ngày 15/12/2025 của Ban Thường vụ Đảng ủy xã Đông Hòa)', { italic: true, center: true });
    const t = b.table(table(U, [
      ['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Lĩnh vực', 'Cấp công nhận'],
      ...REC_ROWS.map((r, i) => [String(i + 1), r[0], r[1], r[2], 'Cấp xã']),
    ], { headerRows: 1 }));
    b.signature(['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Trịnh Văn Quang']);
    return {
      bytes: await b.pack(),
      expected: fileExpect({
        file: '2025_dong-hoa_cong-nhan-mo-hinh-word.docx', format: 'docx', kind: 'recognition',
        year: 2025, unit: 'ĐẢNG ỦY XÃ ĐÔNG HÒA', level: 'commune', decision_no: '125-QĐ/ĐU', decision_date: '2025-12-15',
        records: REC_ROWS.map((r, i) => wordRecord({
          type: 'recognition', year: 2025, model_name: r[0], owner: r[1], field: r[3], level: 'commune',
          decision_no: '125-QĐ/ĐU', decision_date: '2025-12-15',
        }, { table: t, row: i + 2 })),
      }),
    };
  },
};

// ---------------------------------------------------------------------------
// 11. Exemplar list: collective and individual sections, honorifics.

const dienHinh: WordSample = {
  file: '2025_kim-son_dien-hinh-word.docx',
  make: async () => {
    const b = new Body(U);
    b.header(['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ KIM SƠN', '*'], PARTY_RIGHT('Kim Sơn', '05 tháng 12 năm 2025'));
    b.blank();
    b.p('DANH SÁCH', { bold: true, center: true });
    b.p('Tập thể, cá nhân điển hình “Dân vận khéo” năm 2025', { bold: true, center: true });
    const t = b.table(table(U, [
      ['STT', 'Tên tập thể, cá nhân', 'Chức vụ', 'Đơn vị', 'Mô hình', 'Hình thức khen thưởng'],
      [{ text: 'I', bold: true }, { text: 'TẬP THỂ', colSpan: 5, bold: true }],
      ['1', 'Chi bộ thôn Kim Sơn 3', '', 'Đảng bộ xã Kim Sơn', 'Dân vận khéo trong xây dựng nông thôn mới kiểu mẫu', 'Giấy khen'],
      ['2', 'Hội Cựu chiến binh xã Kim Sơn', '', 'Ủy ban MTTQ Việt Nam xã Kim Sơn', 'Cựu chiến binh giúp nhau giảm nghèo', 'Giấy khen'],
      [{ text: 'II', bold: true }, { text: 'CÁ NHÂN', colSpan: 5, bold: true }],
      ['1', 'Ông Đinh Văn Toàn', 'Trưởng thôn', 'Thôn Kim Sơn 1', 'Vận động hiến đất làm đường', 'Giấy khen'],
      ['2', 'Bà Ngô Thị Lan', 'Chi hội trưởng Phụ nữ', 'Thôn Kim Sơn 2', 'Phụ nữ tiết kiệm giúp nhau', 'Giấy khen'],
      ['3', 'Đồng chí Bùi Văn Hải', 'Phó Trưởng Công an xã', 'Công an xã Kim Sơn', 'Camera an ninh khu dân cư', 'Giấy khen'],
    ], { headerRows: 1 }));
    b.signature(['T/M BAN THƯỜNG VỤ', 'BÍ THƯ', 'Lại Thế Vinh']);
    const ex = (row: number, name: string, type: 'collective' | 'individual', position: string | null, unit: string, model: string): ExpectedRecord =>
      // The list names no level (it does not say "công nhận cấp …"): level stays null.
      wordRecord({ type: 'exemplar', year: 2025, name, exemplar_type: type, position, unit, model_name: model, award: 'Giấy khen', level: null }, { table: t, row });
    return {
      bytes: await b.pack(),
      expected: fileExpect({
        file: '2025_kim-son_dien-hinh-word.docx', format: 'docx', kind: 'exemplar',
        year: 2025, unit: 'ĐẢNG ỦY XÃ KIM SƠN', level: 'commune',
        records: [
          ex(3, 'Chi bộ thôn Kim Sơn 3', 'collective', null, 'Đảng bộ xã Kim Sơn', 'Dân vận khéo trong xây dựng nông thôn mới kiểu mẫu'),
          ex(4, 'Hội Cựu chiến binh xã Kim Sơn', 'collective', null, 'Ủy ban MTTQ Việt Nam xã Kim Sơn', 'Cựu chiến binh giúp nhau giảm nghèo'),
          ex(6, 'Đinh Văn Toàn', 'individual', 'Trưởng thôn', 'Thôn Kim Sơn 1', 'Vận động hiến đất làm đường'),
          ex(7, 'Ngô Thị Lan', 'individual', 'Chi hội trưởng Phụ nữ', 'Thôn Kim Sơn 2', 'Phụ nữ tiết kiệm giúp nhau'),
          ex(8, 'Bùi Văn Hải', 'individual', 'Phó Trưởng Công an xã', 'Công an xã Kim Sơn', 'Camera an ninh khu dân cư'),
        ],
      }),
    };
  },
};

// ---------------------------------------------------------------------------
// 12. Three mẫu 04 forms in one file (a village cell sends its members'
//     forms together): an individual owner ticked in boxes, a date that does
//     not exist ("31/11"), a table form with an 'x' row, a launch date.

const baPhieu: WordSample = {
  file: '2026_tan-lai_mau04-ba-phieu-mot-tep.docx',
  make: async () => {
    const b = new Body(U);
    b.header(['ĐẢNG BỘ XÃ TÂN LAI', 'CHI BỘ THÔN TÂN PHÚ 1', '*'], PARTY_RIGHT('Tân Lai', '09 tháng 02 năm 2026'));
    b.blank();
    b.p('PHIẾU ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026', { bold: true, center: true });
    const a1 = b.p('1. Tên mô hình: Gia đình đảng viên gương mẫu giữ gìn vệ sinh môi trường');
    b.p('2. Chủ thể thực hiện: Nguyễn Văn Bình');
    b.p(['3. Đối tượng: ', { box: false, style: 'unicode' }, ' Tập thể   ', { box: true, style: 'unicode' }, ' Cá nhân']);
    b.p('4. Lĩnh vực: Văn hóa - xã hội');
    const dateAt = b.p('5. Thời gian thực hiện: từ 01/3/2026 đến 31/11/2026');
    b.p(['6. Hình thức: ', { box: true, style: 'unicode' }, ' Mới   ', { box: false, style: 'unicode' }, ' Duy trì   ', { box: false, style: 'unicode' }, ' Nhân rộng']);
    b.signature(['NGƯỜI ĐĂNG KÝ', 'Nguyễn Văn Bình']);
    b.p('PHIẾU ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026', { bold: true, center: true });
    const t2 = b.table(table(U, [
      ['Tên mô hình', 'Tổ phụ nữ tự quản đường hoa'],
      ['Chủ thể thực hiện', 'Chi hội Phụ nữ thôn Tân Phú 1'],
      ['Lĩnh vực', 'Văn hóa - xã hội'],
      ['Thời gian thực hiện', 'Năm 2026'],
      ['Mô hình mới', ''],
      ['Mô hình duy trì', 'x'],
      ['Người phụ trách', 'Đỗ Thị Hoa, Chi hội trưởng'],
    ]));
    b.signature(['T/M CHI HỘI', 'CHI HỘI TRƯỞNG', 'Đỗ Thị Hoa']);
    b.p('PHIẾU ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026', { bold: true, center: true });
    const a3 = b.p('Tên mô hình: Camera giám sát ngõ xóm');
    b.p('Chủ thể thực hiện: Chi đoàn thôn Tân Phú 1');
    b.p('Lĩnh vực: Quốc phòng - an ninh');
    b.p('Thời gian thực hiện: tháng 4/2026 - tháng 12/2026');
    b.p(['Hình thức: ', { box: true, style: 'square' }, ' Đăng ký mới ', { box: false, style: 'square' }, ' Duy trì']);
    b.p('Thời gian ra mắt mô hình: 15/4/2026');
    b.signature(['T/M BCH CHI ĐOÀN', 'BÍ THƯ', 'Vũ Minh Tuấn']);
    void dateAt;
    return {
      bytes: await b.pack(),
      expected: fileExpect({
        file: '2026_tan-lai_mau04-ba-phieu-mot-tep.docx', format: 'docx', kind: 'registration',
        year: 2026, unit: 'CHI BỘ THÔN TÂN PHÚ 1', level: 'commune',
        records: [
          wordRecord(reg({
            year: 2026, model_name: 'Gia đình đảng viên gương mẫu giữ gìn vệ sinh môi trường', field: 'culture_society',
            owner: 'Nguyễn Văn Bình', owner_type: 'individual', status: 'new',
            // "31/11/2026" does not exist: null and a warning quoting the text.
            start_date: '2026-03-01', end_date: null,
          }), { paragraph: a1 }),
          wordRecord(reg({
            year: 2026, model_name: 'Tổ phụ nữ tự quản đường hoa', field: 'culture_society',
            owner: 'Chi hội Phụ nữ thôn Tân Phú 1', owner_type: 'collective', status: 'continued',
            start_date: '2026', end_date: '2026', person_in_charge: 'Đỗ Thị Hoa, Chi hội trưởng',
          }), { table: t2, row: 1 }),
          wordRecord(reg({
            year: 2026, model_name: 'Camera giám sát ngõ xóm', field: 'defense_security',
            owner: 'Chi đoàn thôn Tân Phú 1', owner_type: 'collective', status: 'new',
            start_date: '2026-04', end_date: '2026-12', launch_date: '2026-04-15',
          }), { paragraph: a3 }),
        ],
        issues: [{ severity: 'warning', code: 'INVALID_DATE' }],
      }),
    };
  },
};

// ---------------------------------------------------------------------------
// 13. A district's year report (2024, before the merger): district totals in
//     sentences, and a phụ lục table with one row of figures per commune.

const KIM_SON_UNITS: [string, number, number, number, number, number, number, number, number, number][] = [
  // unit, registered, new, continued, replicated, commune, district, province, collective, individual
  ['Xã Đông La', 8, 3, 5, 0, 6, 1, 0, 3, 5],
  ['Xã Hòa Bình', 7, 2, 4, 1, 5, 1, 0, 1, 2],
  ['Xã Đông Lai', 8, 2, 5, 1, 5, 2, 1, 2, 3],
  ['Xã Tân Phú', 6, 2, 4, 0, 4, 1, 0, 1, 2],
  ['Thị trấn Kim Sơn', 9, 3, 4, 2, 5, 1, 0, 2, 2],
];

const baoCaoHuyen: WordSample = {
  file: '2024_kim-son_bao-cao-nam-huyen-phu-luc.docx',
  make: async () => {
    const sum = (k: number): number => KIM_SON_UNITS.reduce((a, u) => a + (u[k] as number), 0);
    const b = new Body(U);
    b.header(['HUYỆN ỦY KIM SƠN', 'BAN DÂN VẬN', '*', 'Số 46-BC/BDVHU'], PARTY_RIGHT('Kim Sơn', '12 tháng 12 năm 2024'));
    b.blank();
    b.p('BÁO CÁO', { bold: true, center: true });
    b.p('Tổng kết phong trào thi đua “Dân vận khéo” năm 2024', { bold: true, center: true });
    b.blank();
    b.p('I. KẾT QUẢ THỰC HIỆN', { bold: true });
    const at = b.p(`Năm 2024, toàn huyện có ${sum(1)} mô hình đăng ký (${sum(2)} mô hình mới, ${sum(3)} mô hình duy trì, 0${sum(4)} mô hình nhân rộng); các Đảng ủy xã, thị trấn công nhận ${sum(5)} mô hình cấp xã; Ban Thường vụ Huyện ủy công nhận 0${sum(6)} mô hình cấp huyện; 0${sum(7)} mô hình được công nhận cấp tỉnh.`);
    b.p(`Huyện ủy biểu dương 0${sum(8)} tập thể và ${sum(9)} cá nhân điển hình “Dân vận khéo”. Kết quả từng đơn vị tại phụ lục kèm theo.`);
    b.p('II. PHƯƠNG HƯỚNG NĂM 2025', { bold: true });
    b.p('- Phấn đấu mỗi xã, thị trấn có ít nhất 05 mô hình “Dân vận khéo”, công nhận ít nhất 50% số mô hình đăng ký.');
    b.p('PHỤ LỤC: KẾT QUẢ CỦA CÁC XÃ, THỊ TRẤN', { bold: true, center: true });
    const rows: CellRow[] = [
      [{ text: 'STT', rowSpan: 2 }, { text: 'Đơn vị', rowSpan: 2 }, { text: 'Số mô hình đăng ký', colSpan: 4 }, { text: 'Số mô hình được công nhận', colSpan: 3 }, { text: 'Điển hình', colSpan: 2 }],
      ['Tổng số', 'Mới', 'Duy trì', 'Nhân rộng', 'Cấp xã', 'Cấp huyện', 'Cấp tỉnh', 'Tập thể', 'Cá nhân'],
      ...KIM_SON_UNITS.map((u, i) => [String(i + 1), u[0], ...u.slice(1).map(String)]),
      ['', { text: 'Tổng cộng', bold: true }, ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((k) => String(sum(k)))],
    ];
    const t = b.table(table(U, rows, { headerRows: 2 }));
    b.signature(['T/M BAN DÂN VẬN', 'TRƯỞNG BAN', 'Phan Văn Hiếu']);
    const fig = (u: (typeof KIM_SON_UNITS)[number] | null) => {
      const v = (k: number): number => (u ? (u[k] as number) : sum(k));
      return report({
        year: 2024, period: 'FY',
        models_registered: v(1), models_new: v(2), models_continued: v(3), models_replicated: v(4),
        recognized_commune: v(5), recognized_district: v(6), recognized_province: v(7),
        exemplars_collective: v(8), exemplars_individual: v(9),
      });
    };
    return {
      bytes: await b.pack(),
      expected: fileExpect({
        file: '2024_kim-son_bao-cao-nam-huyen-phu-luc.docx', format: 'docx', kind: 'report',
        year: 2024, unit: 'BAN DÂN VẬN HUYỆN ỦY KIM SƠN', level: 'district',
        records: [
          // The district's totals from its sentences, then each commune's row of the annex table.
          wordRecord(fig(null), { paragraph: at }),
          ...KIM_SON_UNITS.map((u, i) => wordRecord({ ...fig(u), extra: { 'Đơn vị': u[0] } }, { table: t, row: i + 3 })),
        ],
        issues: [{ severity: 'info', code: 'REPORT_QUOTA' }, { severity: 'info', code: 'TOTAL_ROW_SKIPPED' }],
      }),
    };
  },
};

// ---------------------------------------------------------------------------
// 14. A 2025 form typed in VNI (VNI-Times), before the merger, Wingdings boxes.

const VNI: Kit = { mode: 'vni' };
const vniHoaBinh: WordSample = {
  file: '2025_hoa-binh_mau04-bang-vni.docx',
  make: async () => {
    const b = new Body(VNI);
    b.header(['ĐẢNG BỘ XÃ HÒA BÌNH', 'CHI BỘ THÔN HÒA BÌNH 2', '*'], PARTY_RIGHT('Hòa Bình', '14 tháng 02 năm 2025'));
    b.blank();
    b.p('PHIẾU ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2025', { bold: true, center: true });
    const t = b.table(table(VNI, [
      ['Tên mô hình', 'Tổ phụ nữ tự quản đường hoa'],
      ['Chủ thể thực hiện', 'Chi hội Phụ nữ thôn Hòa Bình 2'],
      ['Lĩnh vực', 'Văn hóa - xã hội'],
      ['Thời gian thực hiện', 'Từ tháng 3/2025 đến tháng 11/2025'],
      ['Hình thức', { text: [{ box: false, style: 'wingdings' }, ' Mới   ', { box: true, style: 'wingdings' }, ' Duy trì   ', { box: false, style: 'wingdings' }, ' Nhân rộng'] }],
      ['Người phụ trách', 'Lê Thị Thu, Chi hội trưởng'],
    ]));
    b.signature(['T/M CHI BỘ', 'BÍ THƯ', 'Lê Văn Cường']);
    return {
      bytes: await b.pack(),
      expected: fileExpect({
        file: '2025_hoa-binh_mau04-bang-vni.docx', format: 'docx', kind: 'registration',
        year: 2025, unit: 'CHI BỘ THÔN HÒA BÌNH 2', level: 'commune', encoding: 'vni',
        records: [wordRecord(reg({
          year: 2025, model_name: 'Tổ phụ nữ tự quản đường hoa', field: 'culture_society',
          owner: 'Chi hội Phụ nữ thôn Hòa Bình 2', owner_type: 'collective', status: 'continued',
          start_date: '2025-03', end_date: '2025-11', person_in_charge: 'Lê Thị Thu, Chi hội trưởng',
        }), { table: t, row: 1 })],
      }),
    };
  },
};

type CellRow = (string | { text?: string; colSpan?: number; rowSpan?: number; bold?: boolean })[];

export const DOCX_SAMPLES: WordSample[] = [
  doanThanhNien,
  hoiNongDan,
  chiBoCongAn,
  phuNuKimSon,
  chiBoTruong,
  mau01DongHoa,
  tcvn3TanPhu,
  baoCao6Thang,
  baoCaoNam,
  congNhan,
  dienHinh,
  baPhieu,
  baoCaoHuyen,
  vniHoaBinh,
];
