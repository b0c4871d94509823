/** CSV exports in the encodings and separators offices really produce. */
import { FIELD_ABBR, FIELD_LABEL, MODELS, type Reg, STATUS_LABEL } from '../lib/bank.js';
import { dmy, type Ex, expEx, expRec, expReg, type Rec } from '../lib/expect.js';
import { prng } from '../lib/prng.js';
import { makeRegs } from '../lib/regs.js';
import { fileExpect, type Sample } from '../lib/sample.js';
import { type CsvEncoding, toCsv } from '../lib/sheet.js';

const sheetOf = (file: string) => file.replace(/\.[^.]+$/, '');

/** 22. Plain UTF-8, comma, no title: kind from the columns, year from the file name. */
function utf8Comma(): Sample {
  const file = '2026_dong-hoa_dang-ky_utf8.csv';
  const regs = makeRegs(prng(2222), 'Đông Hòa', 2026, 9);
  const rows: string[][] = [['STT', 'Tên mô hình', 'Lĩnh vực', 'Chủ thể thực hiện', 'Hình thức', 'Thời gian bắt đầu', 'Thời gian kết thúc', 'Ghi chú']];
  const at: number[] = [];
  regs.forEach((r, i) => {
    at.push(rows.length);
    rows.push([String(i + 1), r.name, FIELD_LABEL[r.field], r.owner, STATUS_LABEL[r.status], dmy(r.start!, false), dmy(r.end!), r.note]);
  });
  return {
    file,
    bytes: toCsv(rows, ',', 'utf-8'),
    expected: fileExpect({
      file, format: 'csv', kind: 'registration', year: 2026,
      records: regs.map((r, i) => expReg(r, { sheet: sheetOf(file), row: at[i]!, year: 2026, shows: ['field', 'owner', 'status', 'start', 'end', 'note'] })),
    }),
  };
}

/** 23. UTF-8 with BOM, semicolons (Vietnamese-locale Excel), a title, multi-line quoted cells. */
function bomSemicolon(): Sample {
  const file = '2026_tan-lai_utf8-bom_cham-phay.csv';
  const regs = makeRegs(prng(2323), 'Tân Lai', 2026, 7).map((r) => ({ ...r, content: `- ${r.content};\n- Sơ kết, rút kinh nghiệm` }));
  const rows: string[][] = [
    ['ĐẢNG ỦY XÃ TÂN LAI', '', '', ''],
    ['DANH SÁCH ĐĂNG KÝ MÔ HÌNH "DÂN VẬN KHÉO" NĂM 2026', '', '', ''],
    ['', '', '', ''],
    ['STT', 'Tên mô hình', 'Lĩnh vực', 'Đơn vị thực hiện', 'Nội dung thực hiện', 'Người phụ trách'],
  ];
  const at: number[] = [];
  regs.forEach((r, i) => {
    at.push(rows.length);
    rows.push([String(i + 1), r.name, FIELD_ABBR[r.field], r.owner, r.content, r.person]);
  });
  return {
    file,
    bytes: toCsv(rows, ';', 'utf-8-bom'),
    expected: fileExpect({
      file, format: 'csv', kind: 'registration', year: 2026, unit: 'ĐẢNG ỦY XÃ TÂN LAI', level: 'commune',
      // Line breaks inside a cell are read as spaces.
      records: regs.map((r, i) => expReg({ ...r, content: r.content.replace(/\s+/g, ' ') }, { sheet: sheetOf(file), row: at[i]!, year: 2026, shows: ['field', 'owner', 'content', 'person'] })),
    }),
  };
}

/** 24. "Unicode text" export: UTF-16LE with BOM, tabs; a recognition list without title. */
function utf16Tab(): Sample {
  const file = '2025-h2_kim-son_cong-nhan_utf16.csv';
  const list: Rec[] = [
    { name: MODELS.political_system[1]!, owner: 'Bộ phận một cửa UBND xã Kim Sơn', field: null, level: 'commune', decisionNo: '88-QĐ/ĐU', decisionDate: '2025-12-10' },
    { name: MODELS.economy[5]!, owner: 'Hội Nông dân xã', field: null, level: 'commune', decisionNo: '88-QĐ/ĐU', decisionDate: '2025-12-10' },
    { name: MODELS.defense_security[4]!, owner: 'Giáo xứ Kim Thượng', field: null, level: 'commune', decisionNo: '88-QĐ/ĐU', decisionDate: '2025-12-10' },
    { name: MODELS.culture_society[5]!, owner: 'Chi bộ Trường THCS Kim Sơn', field: null, level: 'commune', decisionNo: '89-QĐ/ĐU', decisionDate: '2025-12-12' },
  ];
  const rows: string[][] = [['STT', 'Tên mô hình', 'Đơn vị', 'Cấp công nhận', 'Số quyết định', 'Ngày quyết định']];
  const at: number[] = [];
  list.forEach((r, i) => {
    at.push(rows.length);
    rows.push([String(i + 1), r.name, r.owner, 'Cấp xã', r.decisionNo!, dmy(r.decisionDate!)]);
  });
  return {
    file,
    bytes: toCsv(rows, '\t', 'utf-16le'),
    expected: fileExpect({
      file, format: 'csv', kind: 'recognition', year: 2025,
      records: list.map((r, i) => expRec(r, sheetOf(file), at[i]!, 2025)),
    }),
  };
}

/** 25. Windows-1258 (tones as combining marks), comma, an old PC's export. */
function cp1258(): Sample {
  const file = '2024_dong-lai_windows-1258.csv';
  const regs = makeRegs(prng(2525), 'Đông Lai', 2024, 6);
  const rows: string[][] = [['STT', 'Tên mô hình', 'Lĩnh vực', 'Chủ thể thực hiện', 'Thời gian thực hiện', 'Mới/Duy trì/Nhân rộng']];
  const at: number[] = [];
  regs.forEach((r, i) => {
    at.push(rows.length);
    rows.push([String(i + 1), r.name, FIELD_LABEL[r.field], r.owner, 'Năm 2024', STATUS_LABEL[r.status]]);
  });
  return {
    file,
    bytes: toCsv(rows, ',', 'windows-1258' as CsvEncoding),
    expected: fileExpect({
      file, format: 'csv', kind: 'registration', year: 2024,
      records: regs.map((r: Reg, i) => expReg({ ...r, start: '2024', end: '2024' }, { sheet: sheetOf(file), row: at[i]!, year: 2024, shows: ['field', 'owner', 'start', 'end', 'status'] })),
    }),
  };
}

/** 26. Exemplar list as CSV with section rows and a "Đơn vị:" line. */
function exemplarsCsv(): Sample {
  const file = '2023_hoa-binh_dien-hinh.csv';
  const list: Ex[] = [
    { written: 'Chi bộ thôn Bình Minh', name: 'Chi bộ thôn Bình Minh', type: 'collective', position: null, unit: 'Đảng bộ xã Hòa Bình', model: MODELS.economy[6]!, award: 'Giấy khen', level: null },
    { written: 'Đoàn Thanh niên xã', name: 'Đoàn Thanh niên xã', type: 'collective', position: null, unit: 'Xã Hòa Bình', model: MODELS.culture_society[3]!, award: 'Giấy khen', level: null },
    { written: 'Ông Trần Văn Hòa', name: 'Trần Văn Hòa', type: 'individual', position: 'Bí thư chi bộ thôn Hòa Lạc', unit: 'Thôn Hòa Lạc', model: MODELS.political_system[3]!, award: 'Giấy khen', level: null },
    { written: 'Bà Vũ Thị Hằng', name: 'Vũ Thị Hằng', type: 'individual', position: 'Chủ tịch Hội Liên hiệp Phụ nữ xã', unit: 'Xã Hòa Bình', model: MODELS.culture_society[0]!, award: 'Giấy khen', level: null },
  ];
  const rows: string[][] = [
    ['Đơn vị: Đảng ủy xã Hòa Bình'],
    ['DANH SÁCH ĐIỂN HÌNH "DÂN VẬN KHÉO" NĂM 2023'],
    [],
    ['STT', 'Họ và tên', 'Chức vụ', 'Đơn vị công tác', 'Mô hình', 'Hình thức khen thưởng'],
  ];
  const at: number[] = [];
  const push = (e: Ex, i: number) => {
    at.push(rows.length);
    rows.push([String(i + 1), e.written, e.position ?? '', e.unit ?? '', e.model ?? '', e.award ?? '']);
  };
  rows.push(['I. TẬP THỂ']);
  list.filter((e) => e.type === 'collective').forEach(push);
  rows.push(['II. CÁ NHÂN']);
  list.filter((e) => e.type === 'individual').forEach(push);
  const ordered = [...list.filter((e) => e.type === 'collective'), ...list.filter((e) => e.type === 'individual')];
  return {
    file,
    bytes: toCsv(rows, ',', 'utf-8'),
    expected: fileExpect({
      file, format: 'csv', kind: 'exemplar', year: 2023, unit: 'Đảng ủy xã Hòa Bình', level: 'commune',
      records: ordered.map((e, i) => expEx(e, sheetOf(file), at[i]!, 2023)),
    }),
  };
}

/** 27. An old .VnTime sheet saved as CSV: TCVN3 codes in Windows-1252 bytes. */
function tcvn3Csv(): Sample {
  const file = '2023_dong-la_tcvn3.csv';
  const regs = makeRegs(prng(2727), 'Đông La', 2023, 6);
  const rows: string[][] = [
    ['Đảng ủy xã Đông La'],
    ['Danh sách đăng ký mô hình "Dân vận khéo" năm 2023'],
    [],
    ['STT', 'Tên mô hình', 'Lĩnh vực', 'Chủ thể thực hiện', 'Hình thức'],
  ];
  const at: number[] = [];
  regs.forEach((r, i) => {
    at.push(rows.length);
    rows.push([String(i + 1), r.name, FIELD_LABEL[r.field], r.owner, STATUS_LABEL[r.status]]);
  });
  return {
    file,
    bytes: toCsv(rows, ',', 'tcvn3-1252'),
    expected: fileExpect({
      file, format: 'csv', kind: 'registration', year: 2023, unit: 'Đảng ủy xã Đông La', level: 'commune', encoding: 'tcvn3',
      records: regs.map((r, i) => expReg(r, { sheet: sheetOf(file), row: at[i]!, year: 2023, shows: ['field', 'owner', 'status'] })),
    }),
  };
}

export const csvSamples: (() => Sample)[] = [utf8Comma, bomSemicolon, utf16Tab, cp1258, exemplarsCsv, tcvn3Csv];
