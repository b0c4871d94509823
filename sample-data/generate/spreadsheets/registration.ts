/**
 * Registration lists (.xlsx): the shapes units really send. Each sample
 * writes the file and, from the same truth, its expected reading.
 */
import type { Field } from '@dvk/etl';
import { FIELD_ABBR, FIELD_GROUP, FIELD_LABEL, FIELDS, type Reg, STATUS_LABEL } from '../lib/bank.js';
import { dmy, expReg, info, type RegRole, utcDate, warning } from '../lib/expect.js';
import type { ExpectedIssue, ExpectedRecord } from '../lib/expected.js';
import { type ColDef, type Entry, headerKeyOf, signature, table, titleBlock } from '../lib/list.js';
import { prng } from '../lib/prng.js';
import { makeRegs } from '../lib/regs.js';
import { fileExpect, type Sample } from '../lib/sample.js';
import { type CellIn, SheetSpec, toXlsx } from '../lib/sheet.js';

const mark = (on: boolean): CellIn => (on ? 'x' : null);

function byField(regs: Reg[], order: Field[] = FIELDS, label: (f: Field, i: number) => string = (f, i) => `${['I', 'II', 'III', 'IV'][i]}. ${FIELD_GROUP[f]}`): Entry<Reg>[] {
  const out: Entry<Reg>[] = [];
  order.forEach((f, i) => {
    const list = regs.filter((r) => r.field === f);
    if (list.length === 0) return;
    out.push({ group: label(f, i) });
    for (const r of list) out.push({ item: r });
  });
  return out;
}

/** 1. The classic: title block, two merged header rows, (1)(2)… numbering, field groups, 'x' status, total, signature. */
async function dongHoa2026(): Promise<Sample> {
  const file = '2026_dong-hoa_dang-ky-mo-hinh.xlsx';
  const rand = prng(101);
  const regs = makeRegs(rand, 'Đông Hòa', 2026, 12);
  const s = new SheetSpec('Đăng ký 2026');
  const width = 11;
  titleBlock(s, {
    left: ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ ĐÔNG HÒA', '*'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Đông Hòa, ngày 05 tháng 02 năm 2026'],
    title: ['DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2026', '(Kèm theo Công văn số 15-CV/ĐU ngày 05/02/2026 của Đảng ủy xã)'],
    width,
    leftWidth: 4,
  });
  const cols: ColDef<Reg>[] = [
    { header: ['STT'], get: (_, i) => i + 1, width: 5 },
    { header: ['Tên mô hình'], get: (r) => r.name, width: 40 },
    { header: ['Chủ thể thực hiện'], get: (r) => r.owner, width: 22 },
    { header: ['Địa bàn thực hiện'], get: (r) => r.location },
    { header: ['Thời gian thực hiện', 'Bắt đầu'], get: (r) => ({ v: utcDate(r.start!), numFmt: 'dd/mm/yyyy' }) },
    { header: ['Thời gian thực hiện', 'Kết thúc'], get: (r) => ({ v: utcDate(r.end!), numFmt: 'dd/mm/yyyy' }) },
    { header: ['Phân loại', 'Mới'], get: (r) => mark(r.status === 'new'), width: 6 },
    { header: ['Phân loại', 'Duy trì'], get: (r) => mark(r.status === 'continued'), width: 6 },
    { header: ['Phân loại', 'Nhân rộng'], get: (r) => mark(r.status === 'replicated'), width: 6 },
    { header: ['Người phụ trách'], get: (r) => r.person },
    { header: ['Ghi chú'], get: (r) => r.note || null },
  ];
  const { placed, lastRow } = table(s, cols, byField(regs), {
    numbering: 'paren',
    total: (n) => [{ v: `Tổng cộng: ${n} mô hình` }],
  });
  s.merge(lastRow, 0, lastRow, width - 1);
  signature(s, width, { left: ['NGƯỜI LẬP BIỂU', '', '', 'Vũ Thị Hằng'], right: ['T/M ĐẢNG ỦY', 'PHÓ BÍ THƯ', '', '', 'Trần Văn Hòa'] });
  const shows: RegRole[] = ['field', 'owner', 'location', 'start', 'end', 'status', 'person', 'note'];
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'registration', year: 2026, unit: 'ĐẢNG ỦY XÃ ĐÔNG HÒA', level: 'commune',
      records: placed.map((p) => expReg(p.item, { sheet: s.name, row: p.row, year: 2026, shows })),
      issues: [info('TOTAL_ROW_SKIPPED', s.name, lastRow)],
    }),
  };
}

/** 2. A 45-row commune summary: one header row, field abbreviations, status words, text and Date cells, an unmapped money column. */
async function tanLai45(): Promise<Sample> {
  const file = '2026_tan-lai_bieu-tong-hop-45-mo-hinh.xlsx';
  const rand = prng(202);
  const regs = makeRegs(rand, 'Tân Lai', 2026, 45);
  const s = new SheetSpec('Biểu 01');
  const width = 11;
  titleBlock(s, {
    left: ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ TÂN LAI'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Tân Lai, ngày 10 tháng 3 năm 2026'],
    title: ['BIỂU TỔNG HỢP ĐĂNG KÝ XÂY DỰNG MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2026'],
    width,
  });
  const money = (i: number) => String(5 + ((i * 7) % 30));
  const cols: ColDef<Reg>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Lĩnh vực'], get: (r) => FIELD_ABBR[r.field] },
    { header: ['Chủ thể thực hiện'], get: (r) => r.owner },
    { header: ['Hình thức'], get: (r) => STATUS_LABEL[r.status] },
    { header: ['Thời gian bắt đầu'], get: (r) => dmy(r.start!) },
    { header: ['Thời gian kết thúc'], get: (r) => dmy(r.end!, false) },
    { header: ['Thời gian ra mắt'], get: (r) => (r.launch ? { v: utcDate(r.launch), numFmt: 'dd/mm/yyyy' } : null) },
    { header: ['Nội dung chính'], get: (r) => r.content },
    { header: ['Kinh phí dự kiến\n(triệu đồng)'], get: (_, i) => Number(money(i)) },
    { header: ['Ghi chú'], get: (r) => r.note || null },
  ];
  const { placed, lastRow } = table(s, cols, regs.map((item) => ({ item })), { numbering: null, total: (n) => ['', `Tổng số: ${n} mô hình`] });
  signature(s, width, { right: ['T/M ĐẢNG ỦY', 'BÍ THƯ', '', '', 'Nguyễn Văn Hùng'] });
  const shows: RegRole[] = ['field', 'owner', 'status', 'start', 'end', 'launch', 'content', 'note'];
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'registration', year: 2026, unit: 'ĐẢNG ỦY XÃ TÂN LAI', level: 'commune',
      records: placed.map((p) => expReg(p.item, { sheet: s.name, row: p.row, year: 2026, shows, extra: { 'Kinh phí dự kiến (triệu đồng)': money(p.index) } })),
      issues: [info('TOTAL_ROW_SKIPPED', s.name, lastRow)],
    }),
  };
}

/** 3. Three header rows, a hidden column, a hidden (dropped) row, a blank separator column. Pre-merger commune, 2025 H1. */
async function dongLa2025(): Promise<Sample> {
  const file = '2025-h1_dong-la_dang-ky-ba-dong-tieu-de.xlsx';
  const rand = prng(303);
  const regs = makeRegs(rand, 'Đông La', 2025, 9);
  const hiddenIdx = 4;
  const s = new SheetSpec('DL');
  const width = 11;
  titleBlock(s, {
    left: ['ĐẢNG BỘ HUYỆN KIM SƠN', 'ĐẢNG ỦY XÃ ĐÔNG LA'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Đông La, ngày 20 tháng 02 năm 2025'],
    title: ['DANH SÁCH ĐĂNG KÝ XÂY DỰNG MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2025'],
    width,
  });
  const code = (i: number) => `DL-${String(i + 1).padStart(2, '0')}`;
  const cols: ColDef<Reg>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Mã ĐV'], get: (_, i) => code(i), hidden: true },
    { header: ['Chủ thể'], get: (r) => r.owner },
    { header: ['Thông tin thực hiện', 'Thời gian thực hiện', 'Từ'], get: (r) => dmy(r.start!, false) },
    { header: ['Thông tin thực hiện', 'Thời gian thực hiện', 'Đến'], get: (r) => dmy(r.end!, false) },
    { header: ['Thông tin thực hiện', 'Địa bàn'], get: (r) => r.location },
    { header: ['Hình thức', 'Mới'], get: (r) => mark(r.status === 'new') },
    { header: ['Hình thức', 'Duy trì'], get: (r) => mark(r.status === 'continued') },
    { header: ['Hình thức', 'Nhân rộng'], get: (r) => mark(r.status === 'replicated') },
    { header: ['Lĩnh vực'], get: (r) => FIELD_LABEL[r.field] },
  ];
  const { placed } = table(s, cols, regs.map((item) => ({ item })), { numbering: 'plain', blankCols: [4] });
  const hiddenRow = placed[hiddenIdx]!.row;
  s.hiddenRows.add(hiddenRow);
  signature(s, width + 1, { left: ['Người lập biểu'], right: ['T/M ĐẢNG ỦY', 'BÍ THƯ', '', 'Lê Văn Thành'] });
  const shows: RegRole[] = ['field', 'owner', 'start', 'end', 'location', 'status'];
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'registration', year: 2025, unit: 'ĐẢNG ỦY XÃ ĐÔNG LA', level: 'commune',
      records: placed.filter((p) => p.index !== hiddenIdx).map((p) => expReg(p.item, { sheet: s.name, row: p.row, year: 2025, shows, extra: { 'Mã ĐV': code(p.index) } })),
      issues: [warning('HIDDEN_ROW_SKIPPED', s.name, hiddenRow), info('HIDDEN_COLUMN', s.name)],
    }),
  };
}

/** 4. Two tables on one sheet, each with its caption and its own header. */
async function hoaBinh2024(): Promise<Sample> {
  const file = '2024_hoa-binh_hai-bang-tren-mot-trang.xlsx';
  const rand = prng(404);
  const a = makeRegs(rand, 'Hòa Bình', 2024, 5, { fields: ['political_system', 'economy', 'culture_society'] });
  const b = makeRegs(rand, 'Hòa Bình', 2024, 6).filter((r) => !a.some((x) => x.name === r.name));
  const s = new SheetSpec('Sheet1');
  const width = 6;
  titleBlock(s, {
    left: ['ĐẢNG BỘ HUYỆN KIM SƠN', 'ĐẢNG ỦY XÃ HÒA BÌNH'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Hòa Bình, ngày 22 tháng 02 năm 2024'],
    title: ['DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2024', 'A. MÔ HÌNH DO ĐẢNG ỦY XÃ CHỈ ĐẠO XÂY DỰNG'],
    width,
  });
  const cols: ColDef<Reg>[] = [
    { header: ['TT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Lĩnh vực'], get: (r) => FIELD_LABEL[r.field] },
    { header: ['Đơn vị thực hiện'], get: (r) => r.owner },
    { header: ['Người phụ trách'], get: (r) => r.person },
  ];
  const t1 = table(s, cols, a.map((item) => ({ item })));
  s.blank(2);
  const cap = s.add([{ v: 'B. MÔ HÌNH CỦA CÁC CHI BỘ, ĐOÀN THỂ TRỰC THUỘC', bold: true }]);
  s.merge(cap, 0, cap, width - 1);
  const cols2: ColDef<Reg>[] = [
    { header: ['TT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Đơn vị thực hiện'], get: (r) => r.owner },
    { header: ['Lĩnh vực'], get: (r) => FIELD_ABBR[r.field] },
    { header: ['Thời gian'], get: (r) => `Năm ${r.start!.slice(0, 4)}` },
  ];
  const t2 = table(s, cols2, b.map((item) => ({ item })));
  signature(s, width, { right: ['T/M ĐẢNG ỦY', 'BÍ THƯ', '', 'Hoàng Văn Nam'] });
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'registration', year: 2024, unit: 'ĐẢNG ỦY XÃ HÒA BÌNH', level: 'commune',
      records: [
        ...t1.placed.map((p) => expReg(p.item, { sheet: s.name, row: p.row, year: 2024, shows: ['field', 'owner', 'person'] })),
        ...t2.placed.map((p) => expReg(p.item, { sheet: s.name, row: p.row, year: 2024, shows: ['field', 'owner', 'start', 'end'], override: { start_date: '2024', end_date: '2024' } })),
      ],
    }),
  };
}

/** 5. A district summary: an instruction sheet, one sheet per commune, an empty sheet. */
async function kimSon2023(): Promise<Sample> {
  const file = '2023_kim-son_tong-hop-cac-xa.xlsx';
  const rand = prng(505);
  const guide = new SheetSpec('Hướng dẫn');
  guide.add(['HƯỚNG DẪN GHI BIỂU']);
  guide.add(['1. Mỗi xã, thị trấn ghi vào một trang riêng, không thay đổi tiêu đề cột.']);
  guide.add(['2. Cột "Lĩnh vực" ghi một trong bốn lĩnh vực: Kinh tế; Văn hóa - xã hội; Quốc phòng - an ninh; Xây dựng hệ thống chính trị.']);
  guide.add(['3. Hạn gửi về Ban Dân vận Huyện ủy trước ngày 25/02/2023.']);
  const communes: [string, string, 'xã' | 'thị trấn'][] = [
    ['Đông La', 'XÃ ĐÔNG LA', 'xã'],
    ['Hòa Bình', 'XÃ HÒA BÌNH', 'xã'],
    ['Đông Lai', 'XÃ ĐÔNG LAI', 'xã'],
    ['Tân Phú', 'XÃ TÂN PHÚ', 'xã'],
    ['Kim Sơn', 'THỊ TRẤN KIM SƠN', 'thị trấn'],
  ];
  const sheets: SheetSpec[] = [guide];
  const records: ExpectedRecord[] = [];
  for (const [name, upper, kind] of communes) {
    const regs = makeRegs(rand, name, 2023, 5 + Math.floor(rand() * 3), { kind });
    const s = new SheetSpec(kind === 'thị trấn' ? 'TT Kim Sơn' : name);
    const width = 6;
    titleBlock(s, {
      left: ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'BAN DÂN VẬN HUYỆN ỦY KIM SƠN'],
      right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Kim Sơn, ngày 01 tháng 3 năm 2023'],
      title: ['TỔNG HỢP ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2023', upper],
      width,
    });
    const cols: ColDef<Reg>[] = [
      { header: ['STT'], get: (_, i) => i + 1 },
      { header: ['Tên mô hình'], get: (r) => r.name },
      { header: ['Lĩnh vực'], get: (r) => FIELD_LABEL[r.field] },
      { header: ['Chủ thể thực hiện'], get: (r) => r.owner },
      { header: ['Mới/Duy trì'], get: (r) => STATUS_LABEL[r.status] },
      { header: ['Ghi chú'], get: (r) => r.note || null },
    ];
    const { placed } = table(s, cols, regs.map((item) => ({ item })));
    for (const p of placed) records.push(expReg(p.item, { sheet: s.name, row: p.row, year: 2023, shows: ['field', 'owner', 'status', 'note'] }));
    sheets.push(s);
  }
  sheets.push(new SheetSpec('Sheet7'));
  return {
    file,
    bytes: await toXlsx(sheets),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'registration', year: 2023, unit: 'BAN DÂN VẬN HUYỆN ỦY KIM SƠN', level: 'district', records,
      issues: [info('SHEET_INSTRUCTIONS', 'Hướng dẫn'), info('SHEET_EMPTY', 'Sheet7')],
    }),
  };
}

/** 6/7. Legacy fonts: TCVN3 (.VnTime, title in .VnTimeH) and VNI (VNI-Times). */
async function legacy(which: 'tcvn3' | 'vni'): Promise<Sample> {
  const tc = which === 'tcvn3';
  const file = tc ? '2024_dong-lai_font-tcvn3.xlsx' : '2025-h1_tan-phu_font-vni.xlsx';
  const commune = tc ? 'Đông Lai' : 'Tân Phú';
  const year = tc ? 2024 : 2025;
  const rand = prng(tc ? 606 : 707);
  const regs = makeRegs(rand, commune, year, 8);
  const s = new SheetSpec('Sheet1');
  s.legacy = tc ? 'tcvn3' : 'vni';
  const width = 6;
  const upper = commune.toUpperCase();
  const h = (v: string): CellIn => (tc ? { v, legacy: 'tcvn3H', bold: true } : { v, bold: true });
  s.add([h('ĐẢNG BỘ HUYỆN KIM SƠN'), null, null, h('ĐẢNG CỘNG SẢN VIỆT NAM')]);
  s.add([h(`ĐẢNG ỦY XÃ ${upper}`), null, null, { v: `${commune}, ngày 15 tháng 02 năm ${year}` }]);
  s.blank();
  const t = s.add([h(`DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM ${year}`)]);
  s.merge(t, 0, t, width - 1);
  s.blank();
  const cols: ColDef<Reg>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Lĩnh vực'], get: (r) => FIELD_LABEL[r.field] },
    { header: ['Đơn vị thực hiện'], get: (r) => r.owner },
    { header: ['Người phụ trách'], get: (r) => r.person },
    { header: ['Ghi chú'], get: (r) => r.note || null },
  ];
  const { placed } = table(s, cols, regs.map((item) => ({ item })));
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'registration', year, unit: `ĐẢNG ỦY XÃ ${upper}`, level: 'commune', encoding: tc ? 'tcvn3' : 'vni',
      records: placed.map((p) => expReg(p.item, { sheet: s.name, row: p.row, year, shows: ['field', 'owner', 'person', 'note'] })),
    }),
  };
}

function nfd(s: string): string {
  return s.normalize('NFD');
}
/** Old-style tone placement as older keyboards type it. */
function oldTones(s: string): string {
  return s.replace(/ủy/g, 'uỷ').replace(/Ủy/g, 'Uỷ').replace(/ỦY/g, 'UỶ').replace(/hòa/g, 'hoà').replace(/Hòa/g, 'Hoà').replace(/thủy/g, 'thuỷ').replace(/khỏe/g, 'khoẻ').replace(/họa/g, 'hoạ');
}

/** 8. A Mac user's file: every text NFD, with old-style tone placement ("Đảng uỷ", "hoà giải", "sức khoẻ"). */
async function nfdMac(): Promise<Sample> {
  const file = '2026_kim-son_mac-nfd-dau-kieu-cu.xlsx';
  const rand = prng(808);
  const regs = makeRegs(rand, 'Kim Sơn', 2026, 8).map((r) => ({ ...r, name: oldTones(r.name), owner: oldTones(r.owner) }));
  const s = new SheetSpec(nfd('Danh sách'));
  const width = 5;
  titleBlock(s, {
    left: [nfd('ĐẢNG BỘ TỈNH HẢI ĐÔNG'), nfd('ĐẢNG UỶ XÃ KIM SƠN')],
    right: [nfd('ĐẢNG CỘNG SẢN VIỆT NAM'), nfd('Kim Sơn, ngày 09 tháng 02 năm 2026')],
    title: [nfd('DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2026')],
    width,
  });
  const cols: ColDef<Reg>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: [nfd('Tên mô hình')], get: (r) => nfd(r.name) },
    { header: [nfd('Lĩnh vực')], get: (r) => nfd(oldTones(FIELD_LABEL[r.field]).replace('Văn hóa', 'Văn hoá')) },
    { header: [nfd('Chủ thể thực hiện')], get: (r) => nfd(r.owner) },
    { header: [nfd('Hình thức')], get: (r) => nfd(STATUS_LABEL[r.status]) },
  ];
  const { placed } = table(s, cols, regs.map((item) => ({ item })));
  const sheet = 'Danh sách'.normalize('NFC');
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'registration', year: 2026, unit: 'ĐẢNG UỶ XÃ KIM SƠN', level: 'commune',
      // Text is read as written (old tones kept), only composed to NFC, sheet names included.
      records: placed.map((p) => expReg(p.item, { sheet, row: p.row, year: 2026, shows: ['field', 'owner', 'status'] })),
    }),
  };
}

/** 9. Dates every way: ranges in one column, Date cells, serials with a date format, month text, and 31/11/2026. */
async function dates2026(): Promise<Sample> {
  const file = '2026_dong-hoa_thoi-gian-nhieu-kieu.xlsx';
  const rand = prng(909);
  const base = makeRegs(rand, 'Đông Hòa', 2026, 8);
  const periods: { text: string; start: string | null; end: string | null }[] = [
    { text: 'Từ 01/3/2026 đến 30/11/2026', start: '2026-03-01', end: '2026-11-30' },
    { text: 'Năm 2026', start: '2026', end: '2026' },
    { text: 'Quý II/2026', start: '2026-04', end: '2026-06' },
    { text: 'Từ tháng 3/2026 đến tháng 12/2026', start: '2026-03', end: '2026-12' },
    { text: '01/02/2026 - 31/12/2026', start: '2026-02-01', end: '2026-12-31' },
    { text: 'Quý I/2026 - Quý IV/2026', start: '2026-01', end: '2026-12' },
    { text: 'tháng 9/2025 - tháng 6/2026', start: '2025-09', end: '2026-06' },
    { text: 'Từ 15/01/2026 đến 31/11/2026', start: '2026-01-15', end: null },
  ];
  const launches: { cell: CellIn; value: string | null; invalid?: boolean }[] = [
    { cell: { v: utcDate('2026-04-15'), numFmt: 'dd/mm/yyyy' }, value: '2026-04-15' },
    { cell: { v: 46113, numFmt: 'd/m/yyyy' }, value: '2026-04-01' },
    { cell: '15/4/2026', value: '2026-04-15' },
    { cell: 'tháng 5/2026', value: '2026-05' },
    { cell: '31/11/2026', value: null, invalid: true },
    { cell: { v: utcDate('2026-06-01'), numFmt: 'mm/yyyy' }, value: '2026-06' },
    { cell: null, value: null },
    { cell: '02/9/2026', value: '2026-09-02' },
  ];
  const regs = base.map((r, i) => ({ ...r, start: periods[i]!.start, end: periods[i]!.end, launch: launches[i]!.value }));
  const s = new SheetSpec('Thời gian');
  const width = 6;
  titleBlock(s, {
    left: ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ ĐÔNG HÒA'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Đông Hòa, ngày 10 tháng 3 năm 2026'],
    title: ['DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2026'],
    width,
  });
  const cols: ColDef<Reg>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Lĩnh vực'], get: (r) => FIELD_LABEL[r.field] },
    { header: ['Chủ thể thực hiện'], get: (r) => r.owner },
    { header: ['Thời gian thực hiện'], get: (_, i) => periods[i]!.text },
    { header: ['Thời gian ra mắt'], get: (_, i) => launches[i]!.cell },
  ];
  const { placed } = table(s, cols, regs.map((item) => ({ item })));
  const issues: ExpectedIssue[] = [];
  placed.forEach((p) => {
    if (periods[p.index]!.end === null) issues.push(warning('INVALID_DATE', s.name, p.row));
    if (launches[p.index]!.invalid) issues.push(warning('INVALID_DATE', s.name, p.row));
  });
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'registration', year: 2026, unit: 'ĐẢNG ỦY XÃ ĐÔNG HÒA', level: 'commune',
      records: placed.map((p) => expReg(p.item, { sheet: s.name, row: p.row, year: 2026, shows: ['field', 'owner', 'start', 'end', 'launch'] })),
      issues,
    }),
  };
}

/** 10. Headers typed without diacritics, with line breaks, abbreviations; fields as codes; post-merger 2025. */
async function noDiacritics(): Promise<Sample> {
  const file = '2025-h2_dong-hoa_tieu-de-khong-dau.xlsx';
  const rand = prng(1010);
  const regs = makeRegs(rand, 'Đông Hòa', 2025, 10).map((r) => ({ ...r, start: '2025-09', end: '2025-12' }));
  const codes: Record<Field, string[]> = { economy: ['KT', 'Kinh tế'], culture_society: ['VH-XH', 'VHXH'], defense_security: ['QPAN', 'An ninh - quốc phòng'], political_system: ['XD HTCT', 'XDHTCT'] };
  const s = new SheetSpec('DK sau hop nhat');
  const width = 7;
  titleBlock(s, {
    left: ['DANG BO TINH HAI DONG', 'DANG UY XA DONG HOA'],
    right: ['DANG CONG SAN VIET NAM', 'Dong Hoa, ngay 25 thang 8 nam 2025'],
    title: ['DANH SACH DANG KY MO HINH "DAN VAN KHEO" NAM 2025 (SAU HOP NHAT)'],
    width,
  });
  const cols: ColDef<Reg>[] = [
    { header: ['TT'], get: (_, i) => i + 1 },
    { header: ['Ten mo hinh'], get: (r) => r.name },
    { header: ['Linh\nvuc'], get: (r, i) => codes[r.field][i % 2]! },
    { header: ['Chu the\nthuc hien'], get: (r) => r.owner },
    { header: ['Thoi gian\nthuc hien'], get: () => 'Từ tháng 9/2025 đến tháng 12/2025' },
    { header: ['Hinh thuc\n(Moi/Duy tri/Nhan rong)'], get: (r) => STATUS_LABEL[r.status] },
    { header: ['Ghi chu'], get: (r) => r.note || null },
  ];
  const { placed } = table(s, cols, regs.map((item) => ({ item })));
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'registration', year: 2025, unit: 'DANG UY XA DONG HOA', level: 'commune',
      records: placed.map((p) => expReg(p.item, { sheet: s.name, row: p.row, year: 2025, shows: ['field', 'owner', 'start', 'end', 'status', 'note'] })),
    }),
  };
}

/** 11. Collectives and individuals: "A. TẬP THỂ" / "B. CÁ NHÂN" groups, 'Đơn vị / cá nhân', no field column (inferred). */
async function collectivesIndividuals(): Promise<Sample> {
  const file = '2026_kim-son_tap-the-ca-nhan.xlsx';
  const rand = prng(1111);
  const coll = makeRegs(rand, 'Kim Sơn', 2026, 5);
  const indiv: Reg[] = [
    { ...coll[0]!, name: 'Tổ hòa giải ở cơ sở góp phần giữ vững an ninh trật tự thôn Kim Thượng', field: 'defense_security', owner: 'Nguyễn Văn Hùng', ownerType: 'individual', status: 'continued' },
    { ...coll[1]!, name: 'Vận động Nhân dân tham gia bảo hiểm y tế hộ gia đình thôn Sơn Thủy', field: 'culture_society', owner: 'Phạm Thị Hoa', ownerType: 'individual', status: 'new' },
    { ...coll[2]!, name: 'Hội viên nông dân giúp nhau phát triển kinh tế, giảm nghèo bền vững thôn Văn Phú', field: 'economy', owner: 'Đỗ Văn Quyết', ownerType: 'individual', status: 'replicated' },
  ];
  const s = new SheetSpec('Danh sach');
  const width = 5;
  titleBlock(s, {
    left: ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ KIM SƠN'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Kim Sơn, ngày 02 tháng 3 năm 2026'],
    title: ['DANH SÁCH TẬP THỂ, CÁ NHÂN ĐĂNG KÝ XÂY DỰNG MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2026'],
    width,
  });
  const cols: ColDef<Reg>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Đơn vị / cá nhân'], get: (r) => r.owner },
    { header: ['Địa chỉ'], get: (r) => r.location },
    { header: ['Mới / Duy trì / Nhân rộng'], get: (r) => STATUS_LABEL[r.status] },
  ];
  const entries: Entry<Reg>[] = [{ group: 'A. TẬP THỂ' }, ...coll.map((item) => ({ item })), { group: 'B. CÁ NHÂN' }, ...indiv.map((item) => ({ item }))];
  const { placed } = table(s, cols, entries, { groupStyle: 'split' });
  s.blank();
  s.add(['Ghi chú: Mô hình của cá nhân do đảng viên được phân công phụ trách trực tiếp.']);
  s.add(['* Lưu ý: Đơn vị gửi bản mềm về Văn phòng Đảng ủy trước ngày 10/3/2026.']);
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'registration', year: 2026, unit: 'ĐẢNG ỦY XÃ KIM SƠN', level: 'commune',
      records: placed.map((p) => expReg(p.item, { sheet: s.name, row: p.row, year: 2026, shows: ['owner', 'location', 'status'], fieldInferred: true })),
    }),
  };
}

/** 12. Formulas (STT as =A+1, a COUNTA total), rich-text names, and a hidden list sheet for drop-downs. */
async function formulas(): Promise<Sample> {
  const file = '2026_tan-lai_cong-thuc-chu-dinh-dang.xlsx';
  const rand = prng(1212);
  const regs = makeRegs(rand, 'Tân Lai', 2026, 7);
  const s = new SheetSpec('DK2026');
  const width = 5;
  titleBlock(s, {
    left: ['ĐẢNG ỦY XÃ TÂN LAI', 'CHI BỘ THÔN LAI XÁ'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Lai Xá, ngày 28 tháng 02 năm 2026'],
    title: ['BẢNG ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2026'],
    width,
  });
  const first = s.next + 1;
  const cols: ColDef<Reg>[] = [
    { header: ['STT'], get: (_, i) => (i === 0 ? 1 : { v: i + 1, formula: `A${first + i}+1` }) },
    { header: ['Tên mô hình'], get: (r, i) => (i % 2 === 0 ? { v: r.name, rich: [{ text: r.name }] } : { v: r.name, rich: splitRich(r.name) }) },
    { header: ['Lĩnh vực'], get: (r) => FIELD_LABEL[r.field] },
    { header: ['Chủ thể thực hiện'], get: (r) => r.owner },
    { header: ['Hình thức'], get: (r) => STATUS_LABEL[r.status] },
  ];
  const { placed, lastRow } = table(s, cols, regs.map((item) => ({ item })), { total: (n) => [{ v: 'Cộng' }, { v: n, formula: `COUNTA(B${first + 1}:B${first + n})` }] });
  const dm = new SheetSpec('DM');
  dm.state = 'hidden';
  for (const f of FIELDS) dm.add([FIELD_LABEL[f]]);
  return {
    file,
    bytes: await toXlsx([s, dm]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'registration', year: 2026, unit: 'CHI BỘ THÔN LAI XÁ', level: 'commune',
      records: placed.map((p) => expReg(p.item, { sheet: s.name, row: p.row, year: 2026, shows: ['field', 'owner', 'status'] })),
      issues: [info('TOTAL_ROW_SKIPPED', s.name, lastRow), info('SHEET_INSTRUCTIONS', 'DM')],
    }),
  };
}

function splitRich(name: string): { text: string; bold?: boolean; italic?: boolean }[] {
  const cut = name.indexOf(' ', Math.floor(name.length / 2));
  if (cut < 0) return [{ text: name }];
  return [{ text: name.slice(0, cut), bold: true }, { text: name.slice(cut), italic: true }];
}

/** 13. Owner type as 'x' under "Loại chủ thể" (Tập thể / Cá nhân), and a hidden sheet holding last year's list. */
async function ownerMarksHiddenSheet(): Promise<Sample> {
  const file = '2025-h2_dong-hoa_loai-chu-the-trang-an.xlsx';
  const rand = prng(1313);
  const regs = makeRegs(rand, 'Đông Hòa', 2025, 6).map((r, i) =>
    i % 3 === 2 ? { ...r, owner: ['Nguyễn Thị Thủy', 'Lương Văn Tiến'][i % 2]!, ownerType: 'individual' as const } : r,
  );
  const s = new SheetSpec('Năm 2025');
  const width = 6;
  titleBlock(s, {
    left: ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ ĐÔNG HÒA'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Đông Hòa, ngày 01 tháng 9 năm 2025'],
    title: ['DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2025 (SAU HỢP NHẤT)'],
    width,
  });
  const cols: ColDef<Reg>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Đơn vị, cá nhân thực hiện'], get: (r) => r.owner },
    { header: ['Loại chủ thể', 'Tập thể'], get: (r) => mark(r.ownerType === 'collective') },
    { header: ['Loại chủ thể', 'Cá nhân'], get: (r) => mark(r.ownerType === 'individual') },
    { header: ['Lĩnh vực'], get: (r) => FIELD_LABEL[r.field] },
  ];
  const { placed } = table(s, cols, regs.map((item) => ({ item })), { numbering: 'paren' });
  const old = new SheetSpec('Năm 2024 (cũ)');
  old.state = 'hidden';
  const oldRegs = makeRegs(rand, 'Đông La', 2024, 4);
  table(old, cols, oldRegs.map((item) => ({ item })));
  return {
    file,
    bytes: await toXlsx([s, old]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'registration', year: 2025, unit: 'ĐẢNG ỦY XÃ ĐÔNG HÒA', level: 'commune',
      records: placed.map((p) => expReg(p.item, { sheet: s.name, row: p.row, year: 2025, shows: ['owner', 'owner_type', 'field'] })),
      issues: [warning('HIDDEN_SHEET_SKIPPED', old.name)],
    }),
  };
}

export const registrationSamples: (() => Promise<Sample>)[] = [
  dongHoa2026, tanLai45, dongLa2025, hoaBinh2024, kimSon2023, () => legacy('tcvn3'), () => legacy('vni'), nfdMac, dates2026, noDiacritics, collectivesIndividuals, formulas, ownerMarksHiddenSheet,
];

export { headerKeyOf };
