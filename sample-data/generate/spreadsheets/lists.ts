/**
 * Recognition lists, exemplar lists and a report table (.xlsx), and the
 * legacy .xls files (real BIFF8 through SheetJS).
 */
import { FIELD_ABBR, FIELD_LABEL, MODELS, type Reg, STATUS_LABEL } from '../lib/bank.js';
import { type Ex, expEx, expRec, expReg, expReport, info, type Rec, warning } from '../lib/expect.js';
import type { ExpectedRecord } from '../lib/expected.js';
import { type ColDef, type Entry, signature, table, titleBlock } from '../lib/list.js';
import { prng } from '../lib/prng.js';
import { makeRegs } from '../lib/regs.js';
import { fileExpect, type Sample } from '../lib/sample.js';
import { type CellIn, SheetSpec, toXls, toXlsx } from '../lib/sheet.js';

const mark = (on: boolean): CellIn => (on ? 'x' : null);

/** 13. District recognition list annexed to a decision named in the title block. */
async function recognitionDistrict(): Promise<Sample> {
  const file = '2024_kim-son_cong-nhan-cap-huyen.xlsx';
  const base: (Omit<Rec, 'level' | 'decisionNo' | 'decisionDate'> & { commune: string })[] = [
    { commune: 'XÃ ĐÔNG LA', name: MODELS.economy[0]!, owner: 'Chi bộ thôn Đông, xã Đông La', field: 'economy' },
    { commune: 'XÃ ĐÔNG LA', name: MODELS.defense_security[0]!, owner: 'Chi bộ Công an xã Đông La', field: 'defense_security' },
    { commune: 'XÃ HÒA BÌNH', name: MODELS.culture_society[0]!, owner: 'Hội Liên hiệp Phụ nữ xã Hòa Bình', field: 'culture_society' },
    { commune: 'XÃ HÒA BÌNH', name: MODELS.political_system[1]!, owner: 'UBND xã Hòa Bình', field: 'political_system' },
    { commune: 'XÃ ĐÔNG LAI', name: MODELS.economy[1]!, owner: 'Hội Nông dân xã Đông Lai', field: 'economy' },
    { commune: 'XÃ TÂN PHÚ', name: MODELS.culture_society[3]!, owner: 'Đoàn Thanh niên xã Tân Phú', field: 'culture_society' },
    { commune: 'THỊ TRẤN KIM SƠN', name: MODELS.political_system[0]!, owner: 'UBND thị trấn Kim Sơn', field: 'political_system' },
  ];
  const recs: (Rec & { commune: string })[] = base.map((r) => ({ ...r, level: 'district', decisionNo: '245-QĐ/HU', decisionDate: '2024-12-20' }));
  const s = new SheetSpec('QĐ 245');
  const width = 5;
  titleBlock(s, {
    left: ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'HUYỆN ỦY KIM SƠN'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Kim Sơn, ngày 20 tháng 12 năm 2024'],
    title: ['DANH SÁCH MÔ HÌNH "DÂN VẬN KHÉO" ĐƯỢC CÔNG NHẬN CẤP HUYỆN NĂM 2024', '(Kèm theo Quyết định số 245-QĐ/HU ngày 20/12/2024 của Ban Thường vụ Huyện ủy)'],
    width,
  });
  const cols: ColDef<Rec>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Đơn vị thực hiện'], get: (r) => r.owner },
    { header: ['Lĩnh vực'], get: (r) => FIELD_LABEL[r.field!] },
    { header: ['Ghi chú'], get: () => null },
  ];
  const entries: Entry<Rec>[] = [];
  let last = '';
  recs.forEach((r, i) => {
    if (r.commune !== last) entries.push({ group: `${['I', 'II', 'III', 'IV', 'V'][entries.filter((e) => 'group' in e).length]}. ${r.commune}` });
    last = r.commune;
    entries.push({ item: recs[i]! });
  });
  const { placed } = table(s, cols, entries);
  signature(s, width, { left: ['Nơi nhận:', '- Các đảng ủy xã, thị trấn,', '- Lưu VPHU.'], right: ['T/M BAN THƯỜNG VỤ', 'PHÓ BÍ THƯ', '', 'Lương Văn Tiến'] });
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'recognition', year: 2024, unit: 'HUYỆN ỦY KIM SƠN', level: 'district', decision_no: '245-QĐ/HU', decision_date: '2024-12-20',
      records: placed.map((p) => expRec(p.item, s.name, p.row, 2024)),
    }),
  };
}

/** 14. Recognition with per-row decisions (Số / Ngày under "Quyết định công nhận") and a level column; post-merger. */
async function recognitionRows(): Promise<Sample> {
  const file = '2025_dong-hoa_quyet-dinh-cong-nhan.xlsx';
  const rows: Rec[] = [
    { name: MODELS.economy[2]!, owner: 'Chi bộ thôn Bình An', field: null, level: 'commune', decisionNo: '112-QĐ/ĐU', decisionDate: '2025-11-28' },
    { name: MODELS.culture_society[1]!, owner: 'Chi bộ Trạm Y tế', field: null, level: 'commune', decisionNo: '112-QĐ/ĐU', decisionDate: '2025-11-28' },
    { name: MODELS.defense_security[3]!, owner: 'Chi bộ Công an xã', field: null, level: 'commune', decisionNo: '113-QĐ/ĐU', decisionDate: '2025-12-05' },
    { name: MODELS.political_system[0]!, owner: 'Đảng ủy UBND xã', field: null, level: 'province', decisionNo: '1520-QĐ/TU', decisionDate: '2025-12-18' },
    { name: MODELS.culture_society[6]!, owner: 'Hội Liên hiệp Phụ nữ xã', field: null, level: 'commune', decisionNo: '113-QĐ/ĐU', decisionDate: '2025-12-05' },
  ];
  const s = new SheetSpec('Công nhận');
  const width = 6;
  titleBlock(s, {
    left: ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ ĐÔNG HÒA'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Đông Hòa, ngày 22 tháng 12 năm 2025'],
    title: ['TỔNG HỢP MÔ HÌNH "DÂN VẬN KHÉO" ĐƯỢC CÔNG NHẬN NĂM 2025'],
    width,
  });
  const cols: ColDef<Rec>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Chủ thể thực hiện'], get: (r) => r.owner },
    { header: ['Cấp công nhận'], get: (r) => (r.level === 'province' ? 'Cấp tỉnh' : 'Cấp xã') },
    { header: ['Quyết định công nhận', 'Số'], get: (r) => r.decisionNo },
    { header: ['Quyết định công nhận', 'Ngày'], get: (r) => r.decisionDate!.split('-').reverse().join('/') },
  ];
  const { placed } = table(s, cols, rows.map((item) => ({ item })), { numbering: 'paren' });
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'recognition', year: 2025, unit: 'ĐẢNG ỦY XÃ ĐÔNG HÒA', level: 'commune',
      records: placed.map((p) => expRec(p.item, s.name, p.row, 2025)),
    }),
  };
}

const EXEMPLARS_2026: Ex[] = [
  { written: 'Chi bộ thôn Bình Minh', name: 'Chi bộ thôn Bình Minh', type: 'collective', position: null, unit: 'Đảng bộ xã Đông Hòa', model: MODELS.economy[2]!, award: 'Giấy khen của Ban Thường vụ Đảng ủy xã', level: null },
  { written: 'Hội Liên hiệp Phụ nữ xã', name: 'Hội Liên hiệp Phụ nữ xã', type: 'collective', position: null, unit: 'Xã Đông Hòa', model: MODELS.culture_society[0]!, award: 'Giấy khen của Ban Thường vụ Đảng ủy xã', level: null },
  { written: 'Công an xã Đông Hòa', name: 'Công an xã Đông Hòa', type: 'collective', position: null, unit: 'Công an tỉnh Hải Đông', model: MODELS.defense_security[1]!, award: 'Đề nghị Bằng khen của Ban Thường vụ Tỉnh ủy', level: null },
  { written: 'Đồng chí Nguyễn Văn Hùng', name: 'Nguyễn Văn Hùng', type: 'individual', position: 'Bí thư chi bộ', unit: 'Chi bộ thôn Đông', model: MODELS.economy[0]!, award: 'Giấy khen của Ban Thường vụ Đảng ủy xã', level: null },
  { written: 'Bà Trần Thị Lan', name: 'Trần Thị Lan', type: 'individual', position: 'Chi hội trưởng Phụ nữ', unit: 'Thôn Hòa Lạc', model: MODELS.culture_society[1]!, award: 'Giấy khen của Ban Thường vụ Đảng ủy xã', level: null },
  { written: 'Ông Lê Văn Thành', name: 'Lê Văn Thành', type: 'individual', position: 'Trưởng thôn', unit: 'Thôn Đoài', model: MODELS.defense_security[0]!, award: 'Giấy khen của Chủ tịch UBND xã', level: null },
  { written: 'Đ/c Phạm Thị Hoa', name: 'Phạm Thị Hoa', type: 'individual', position: 'Công chức Văn hóa - Xã hội', unit: 'UBND xã Đông Hòa', model: MODELS.culture_society[3]!, award: 'Giấy khen của Chủ tịch UBND xã', level: null },
];

/** 15. Exemplar proposal with "I. TẬP THỂ" / "II. CÁ NHÂN" sections and honorifics. */
async function exemplars2026(): Promise<Sample> {
  const file = '2026_dong-hoa_de-nghi-dien-hinh.xlsx';
  const s = new SheetSpec('Điển hình');
  const width = 6;
  titleBlock(s, {
    left: ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ ĐÔNG HÒA'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Đông Hòa, ngày 25 tháng 11 năm 2026'],
    title: ['DANH SÁCH ĐỀ NGHỊ CÔNG NHẬN ĐIỂN HÌNH "DÂN VẬN KHÉO" NĂM 2026'],
    width,
  });
  const cols: ColDef<Ex>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên tập thể, cá nhân'], get: (e) => e.written },
    { header: ['Chức vụ'], get: (e) => e.position },
    { header: ['Đơn vị công tác'], get: (e) => e.unit },
    { header: ['Mô hình tham gia'], get: (e) => e.model },
    { header: ['Hình thức khen thưởng'], get: (e) => e.award },
  ];
  const entries: Entry<Ex>[] = [
    { group: 'I. TẬP THỂ' }, ...EXEMPLARS_2026.filter((e) => e.type === 'collective').map((item) => ({ item })),
    { group: 'II. CÁ NHÂN' }, ...EXEMPLARS_2026.filter((e) => e.type === 'individual').map((item) => ({ item })),
  ];
  const { placed } = table(s, cols, entries, { numbering: 'paren' });
  signature(s, width, { right: ['T/M ĐẢNG ỦY', 'BÍ THƯ', '', 'Trần Văn Hòa'] });
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'exemplar', year: 2026, unit: 'ĐẢNG ỦY XÃ ĐÔNG HÒA', level: 'commune',
      records: placed.map((p) => expEx(p.item, s.name, p.row, 2026)),
    }),
  };
}

/** 16. A half-year figures table per commune (report), with two-level headers and a total row. */
async function reportTable(): Promise<Sample> {
  const file = '2025-h1_kim-son_bao-cao-so-lieu.xlsx';
  const rows = [
    { unit: 'Xã Đông La', reg: 7, n: 2, c: 4, r: 1, rc: 3, rd: 1, rp: 0, ec: 2, ei: 3 },
    { unit: 'Xã Hòa Bình', reg: 6, n: 1, c: 4, r: 1, rc: 2, rd: 0, rp: 0, ec: 1, ei: 2 },
    { unit: 'Xã Đông Lai', reg: 8, n: 3, c: 4, r: 1, rc: 4, rd: 1, rp: 0, ec: 2, ei: 2 },
    { unit: 'Xã Tân Phú', reg: 5, n: 1, c: 3, r: 1, rc: 2, rd: 0, rp: 0, ec: 1, ei: 1 },
    { unit: 'Thị trấn Kim Sơn', reg: 9, n: 2, c: 5, r: 2, rc: 5, rd: 2, rp: 1, ec: 3, ei: 4 },
  ];
  type Row = (typeof rows)[number];
  const s = new SheetSpec('Phụ lục 02');
  const width = 11;
  titleBlock(s, {
    left: ['HUYỆN ỦY KIM SƠN', 'BAN DÂN VẬN'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Kim Sơn, ngày 18 tháng 7 năm 2025'],
    title: ['BÁO CÁO KẾT QUẢ THỰC HIỆN PHONG TRÀO THI ĐUA "DÂN VẬN KHÉO" 6 THÁNG ĐẦU NĂM 2025', '(Số liệu tính đến ngày 30/6/2025)'],
    width,
  });
  const cols: ColDef<Row>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Đơn vị'], get: (r) => r.unit },
    { header: ['Số mô hình đăng ký', 'Tổng số'], get: (r) => r.reg },
    { header: ['Số mô hình đăng ký', 'Mới'], get: (r) => r.n },
    { header: ['Số mô hình đăng ký', 'Duy trì'], get: (r) => r.c },
    { header: ['Số mô hình đăng ký', 'Nhân rộng'], get: (r) => r.r },
    { header: ['Số mô hình được công nhận', 'Cấp xã'], get: (r) => r.rc },
    { header: ['Số mô hình được công nhận', 'Cấp huyện'], get: (r) => r.rd },
    { header: ['Số mô hình được công nhận', 'Cấp tỉnh'], get: (r) => r.rp },
    { header: ['Điển hình', 'Tập thể'], get: (r) => r.ec },
    { header: ['Điển hình', 'Cá nhân'], get: (r) => r.ei },
  ];
  const sum = (k: keyof Row) => rows.reduce((a, r) => a + (r[k] as number), 0);
  const { placed, lastRow } = table(s, cols, rows.map((item) => ({ item })), {
    total: () => [null, 'Tổng cộng', sum('reg'), sum('n'), sum('c'), sum('r'), sum('rc'), sum('rd'), sum('rp'), sum('ec'), sum('ei')],
  });
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      // "BAN DÂN VẬN" under "HUYỆN ỦY KIM SƠN": a reader names the department with its committee.
      file, format: 'xlsx', kind: 'report', year: 2025, unit: 'BAN DÂN VẬN HUYỆN ỦY KIM SƠN', level: 'district',
      records: placed.map((p) =>
        expReport({
          period: 'H1', models_registered: p.item.reg, models_new: p.item.n, models_continued: p.item.c, models_replicated: p.item.r,
          recognized_commune: p.item.rc, recognized_district: p.item.rd, recognized_province: p.item.rp, exemplars_collective: p.item.ec, exemplars_individual: p.item.ei,
        }, s.name, p.row, 2025, { 'Đơn vị': p.item.unit })),
      issues: [info('TOTAL_ROW_SKIPPED', s.name, lastRow)],
    }),
  };
}

/** 17. .xls (BIFF8): registration with merged two-row header and 'x' marks, 2023. */
function xlsRegistration(): Sample {
  const file = '2023_dong-la_dang-ky.xls';
  const rand = prng(1717);
  const regs = makeRegs(rand, 'Đông La', 2023, 10);
  const s = new SheetSpec('Dang ky 2023');
  const width = 8;
  titleBlock(s, {
    left: ['ĐẢNG BỘ HUYỆN KIM SƠN', 'ĐẢNG ỦY XÃ ĐÔNG LA'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Đông La, ngày 20 tháng 02 năm 2023'],
    title: ['DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2023'],
    width,
  });
  const cols: ColDef<Reg>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Lĩnh vực'], get: (r) => FIELD_ABBR[r.field] },
    { header: ['Chủ thể thực hiện'], get: (r) => r.owner },
    { header: ['Phân loại', 'Mới'], get: (r) => mark(r.status === 'new') },
    { header: ['Phân loại', 'Duy trì'], get: (r) => mark(r.status === 'continued') },
    { header: ['Phân loại', 'Nhân rộng'], get: (r) => mark(r.status === 'replicated') },
    { header: ['Thời gian bắt đầu'], get: (r) => ({ v: new Date(`${r.start}T00:00:00Z`), numFmt: 'dd/mm/yyyy' }) },
  ];
  const { placed, lastRow } = table(s, cols, regs.map((item) => ({ item })), { numbering: 'paren', total: (n) => [`Tổng cộng: ${n} mô hình`] });
  s.merge(lastRow, 0, lastRow, width - 1);
  signature(s, width, { right: ['T/M ĐẢNG ỦY', 'BÍ THƯ', '', 'Ngô Văn Long'] });
  return {
    file,
    bytes: toXls([s]),
    expected: fileExpect({
      file, format: 'xls', kind: 'registration', year: 2023, unit: 'ĐẢNG ỦY XÃ ĐÔNG LA', level: 'commune',
      records: placed.map((p) => expReg(p.item, { sheet: s.name, row: p.row, year: 2023, shows: ['field', 'owner', 'status', 'start'] })),
      issues: [info('TOTAL_ROW_SKIPPED', s.name, lastRow)],
    }),
  };
}

/** 18. .xls with TCVN3 text and no font information: found by character statistics. */
function xlsTcvn3(): Sample {
  const file = '2024_tan-phu_tcvn3.xls';
  const rand = prng(1818);
  const regs = makeRegs(rand, 'Tân Phú', 2024, 7);
  const s = new SheetSpec('Sheet1');
  s.legacy = 'tcvn3';
  const width = 5;
  // Mixed case: plain .VnTime (no upper-case font) for the title block.
  titleBlock(s, {
    left: ['Đảng bộ huyện Kim Sơn', 'Đảng ủy xã Tân Phú'],
    right: ['Đảng Cộng sản Việt Nam', 'Tân Phú, ngày 18 tháng 02 năm 2024'],
    title: ['Danh sách đăng ký mô hình "Dân vận khéo" năm 2024'],
    width,
  });
  const cols: ColDef<Reg>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Lĩnh vực'], get: (r) => FIELD_LABEL[r.field] },
    { header: ['Chủ thể thực hiện'], get: (r) => r.owner },
    { header: ['Hình thức'], get: (r) => STATUS_LABEL[r.status] },
  ];
  const { placed } = table(s, cols, regs.map((item) => ({ item })));
  return {
    file,
    bytes: toXls([s]),
    expected: fileExpect({
      file, format: 'xls', kind: 'registration', year: 2024, unit: 'Đảng ủy xã Tân Phú', level: 'commune', encoding: 'tcvn3',
      records: placed.map((p) => expReg(p.item, { sheet: s.name, row: p.row, year: 2024, shows: ['field', 'owner', 'status'] })),
    }),
  };
}

/** 19. .xls recognition list with one combined "Số, ngày quyết định" column. */
function xlsRecognition(): Sample {
  const file = '2025-h1_hoa-binh_cong-nhan.xls';
  const rows: (Rec & { written: string })[] = [
    { name: MODELS.economy[4]!, owner: 'Hội Nông dân xã', field: 'economy', level: 'commune', decisionNo: '45-QĐ/ĐU', decisionDate: '2025-06-12', written: 'Số 45-QĐ/ĐU ngày 12/6/2025' },
    { name: MODELS.culture_society[2]!, owner: 'Chi bộ thôn Bình An', field: 'culture_society', level: 'commune', decisionNo: '45-QĐ/ĐU', decisionDate: '2025-06-12', written: '45-QĐ/ĐU, 12/6/2025' },
    { name: MODELS.defense_security[2]!, owner: 'Chi bộ Quân sự xã', field: 'defense_security', level: 'district', decisionNo: '301-QĐ/HU', decisionDate: '2025-06-20', written: 'QĐ số 301-QĐ/HU ngày 20/6/2025' },
    { name: MODELS.political_system[3]!, owner: 'Chi bộ thôn Hòa Lạc', field: 'political_system', level: 'commune', decisionNo: '45-QĐ/ĐU', decisionDate: '2025-06-12', written: 'Số 45-QĐ/ĐU ngày 12 tháng 6 năm 2025' },
  ];
  const s = new SheetSpec('CN 6 thang');
  const width = 6;
  titleBlock(s, {
    left: ['ĐẢNG BỘ HUYỆN KIM SƠN', 'ĐẢNG ỦY XÃ HÒA BÌNH'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Hòa Bình, ngày 25 tháng 6 năm 2025'],
    title: ['DANH SÁCH MÔ HÌNH "DÂN VẬN KHÉO" ĐƯỢC CÔNG NHẬN 6 THÁNG ĐẦU NĂM 2025'],
    width,
  });
  const cols: ColDef<Rec & { written: string }>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Đơn vị'], get: (r) => r.owner },
    { header: ['Lĩnh vực'], get: (r) => FIELD_ABBR[r.field!] },
    { header: ['Cấp công nhận'], get: (r) => (r.level === 'district' ? 'Huyện' : 'Xã') },
    { header: ['Số, ngày quyết định'], get: (r) => r.written },
  ];
  const { placed } = table(s, cols, rows.map((item) => ({ item })));
  return {
    file,
    bytes: toXls([s]),
    expected: fileExpect({
      file, format: 'xls', kind: 'recognition', year: 2025, unit: 'ĐẢNG ỦY XÃ HÒA BÌNH', level: 'commune',
      records: placed.map((p) => expRec(p.item, s.name, p.row, 2025)),
    }),
  };
}

/** 20. .xls exemplar list recognised at commune level, with a "Tập thể/Cá nhân" column. */
function xlsExemplars(): Sample {
  const file = '2024_dong-la_dien-hinh-cap-xa.xls';
  const list: Ex[] = [
    { written: 'Chi bộ thôn Đoài', name: 'Chi bộ thôn Đoài', type: 'collective', position: null, unit: 'Đảng bộ xã Đông La', model: MODELS.economy[3]!, award: 'Giấy khen', level: 'commune' },
    { written: 'Ông Bùi Văn Tâm', name: 'Bùi Văn Tâm', type: 'individual', position: 'Trưởng thôn Thượng', unit: 'Thôn Thượng', model: MODELS.defense_security[0]!, award: 'Giấy khen', level: 'commune' },
    { written: 'Bà Đặng Thị Mai', name: 'Đặng Thị Mai', type: 'individual', position: 'Chi hội trưởng Phụ nữ', unit: 'Thôn Hạ', model: MODELS.culture_society[0]!, award: 'Giấy khen', level: 'commune' },
    { written: 'Hội Cựu chiến binh xã', name: 'Hội Cựu chiến binh xã', type: 'collective', position: null, unit: 'Xã Đông La', model: MODELS.defense_security[6]!, award: 'Giấy khen', level: 'commune' },
  ];
  const s = new SheetSpec('Dien hinh');
  const width = 7;
  titleBlock(s, {
    left: ['ĐẢNG BỘ HUYỆN KIM SƠN', 'ĐẢNG ỦY XÃ ĐÔNG LA'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Đông La, ngày 15 tháng 12 năm 2024'],
    title: ['DANH SÁCH ĐIỂN HÌNH "DÂN VẬN KHÉO" ĐƯỢC CÔNG NHẬN CẤP XÃ NĂM 2024'],
    width,
  });
  const cols: ColDef<Ex>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Họ và tên / Tên tập thể'], get: (e) => e.written },
    { header: ['Tập thể/Cá nhân'], get: (e) => (e.type === 'collective' ? 'Tập thể' : 'Cá nhân') },
    { header: ['Chức vụ'], get: (e) => e.position },
    { header: ['Đơn vị'], get: (e) => e.unit },
    { header: ['Tên mô hình'], get: (e) => e.model },
    { header: ['Khen thưởng'], get: (e) => e.award },
  ];
  const { placed } = table(s, cols, list.map((item) => ({ item })));
  return {
    file,
    bytes: toXls([s]),
    expected: fileExpect({
      file, format: 'xls', kind: 'exemplar', year: 2024, unit: 'ĐẢNG ỦY XÃ ĐÔNG LA', level: 'commune',
      records: placed.map((p) => expEx(p.item, s.name, p.row, 2024)),
    }),
  };
}

/** 21. .xls with VNI text (no fonts in BIFF via SheetJS): statistics again; statuses as words. */
function xlsVni(): Sample {
  const file = '2025-h2_tan-lai_vni.xls';
  const rand = prng(2121);
  const regs = makeRegs(rand, 'Tân Lai', 2025, 6);
  const s = new SheetSpec('DS');
  s.legacy = 'vni';
  const width = 5;
  titleBlock(s, {
    left: ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ TÂN LAI'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Tân Lai, ngày 28 tháng 8 năm 2025'],
    title: ['DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2025'],
    width,
  });
  const cols: ColDef<Reg>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Lĩnh vực'], get: (r) => FIELD_LABEL[r.field] },
    { header: ['Chủ thể thực hiện'], get: (r) => r.owner },
    { header: ['Hình thức'], get: (r) => STATUS_LABEL[r.status] },
  ];
  const { placed } = table(s, cols, regs.map((item) => ({ item })));
  return {
    file,
    bytes: toXls([s]),
    expected: fileExpect({
      file, format: 'xls', kind: 'registration', year: 2025, unit: 'ĐẢNG ỦY XÃ TÂN LAI', level: 'commune', encoding: 'vni',
      records: placed.map((p) => expReg(p.item, { sheet: s.name, row: p.row, year: 2025, shows: ['field', 'owner', 'status'] })),
    }),
  };
}

/** 22. Province level after the merger: recognition by the provincial committee, communes reporting directly. */
async function recognitionProvince(): Promise<Sample> {
  const file = '2026_tinh-hai-dong_cong-nhan-cap-tinh.xlsx';
  const rows: Rec[] = [
    { name: MODELS.political_system[0]!, owner: 'Đảng ủy xã Đông Hòa', field: 'political_system', level: 'province', decisionNo: '2150-QĐ/TU', decisionDate: '2026-11-25' },
    { name: MODELS.economy[1]!, owner: 'Hội Nông dân xã Tân Lai', field: 'economy', level: 'province', decisionNo: '2150-QĐ/TU', decisionDate: '2026-11-25' },
    { name: MODELS.defense_security[5]!, owner: 'Công an xã Kim Sơn', field: 'defense_security', level: 'province', decisionNo: '2150-QĐ/TU', decisionDate: '2026-11-25' },
  ];
  const s = new SheetSpec('Cấp tỉnh 2026');
  const width = 5;
  titleBlock(s, {
    left: ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY'],
    right: ['ĐẢNG CỘNG SẢN VIỆT NAM', 'Hải Đông, ngày 25 tháng 11 năm 2026'],
    title: ['DANH SÁCH MÔ HÌNH "DÂN VẬN KHÉO" TIÊU BIỂU ĐƯỢC CÔNG NHẬN CẤP TỈNH NĂM 2026', '(Kèm theo Quyết định số 2150-QĐ/TU ngày 25/11/2026 của Ban Thường vụ Tỉnh ủy)'],
    width,
  });
  const cols: ColDef<Rec>[] = [
    { header: ['STT'], get: (_, i) => i + 1 },
    { header: ['Tên mô hình'], get: (r) => r.name },
    { header: ['Chủ thể thực hiện'], get: (r) => r.owner },
    { header: ['Lĩnh vực'], get: (r) => FIELD_LABEL[r.field!] },
    { header: ['Ghi chú'], get: () => null },
  ];
  const { placed } = table(s, cols, rows.map((item) => ({ item })));
  return {
    file,
    bytes: await toXlsx([s]),
    expected: fileExpect({
      file, format: 'xlsx', kind: 'recognition', year: 2026, unit: 'BAN TUYÊN GIÁO VÀ DÂN VẬN TỈNH ỦY', level: 'province', decision_no: '2150-QĐ/TU', decision_date: '2026-11-25',
      records: placed.map((p) => expRec(p.item, s.name, p.row, 2026)),
    }),
  };
}

/** 23. A real BIFF8 workbook saved under a .xlsx name: read by content, with a warning. */
function xlsNamedXlsx(): Sample {
  const inner = xlsRegistration();
  const file = '2023_dong-la_xls-mang-duoi-xlsx.xlsx';
  return {
    file,
    bytes: inner.bytes,
    expected: { ...inner.expected, file, issues: [...inner.expected.issues, warning('EXTENSION_MISMATCH')] },
  };
}

export const listSamples: (() => Promise<Sample> | Sample)[] = [
  recognitionDistrict, recognitionRows, exemplars2026, reportTable, xlsRegistration, xlsTcvn3, xlsRecognition, xlsExemplars, xlsVni, recognitionProvince, xlsNamedXlsx,
];

export type { ExpectedRecord };
