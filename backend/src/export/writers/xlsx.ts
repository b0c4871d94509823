import type { ExportData, ExemplarItem, LevelCode, RecognitionItem, SubmissionRow, SubmissionStatus } from '../export-data.js';
import { FIELDS, LEVELS, STATUSES } from '../export-data.js';
import { FIELD_NAMES, LEVEL_NAMES, STATUS_NAMES, fieldName, levelName } from './labels.js';
import { isoDay, partialDate } from './text.js';
import { addTableSheet, newWorkbook, workbookBuffer, type CellValue, type TableRow } from './xlsx-table.js';

/** Roman numerals for group rows ("I. CẤP TỈNH"). */
export const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'] as const;

const yearText = (data: ExportData): string => `năm ${data.meta.year}`;

/** Registrations by field and status per child unit, with recognitions and exemplars. */
export async function buildRegistrationWorkbook(data: ExportData): Promise<Buffer> {
  const workbook = newWorkbook(data.meta);
  const unknown = data.units.some((u) => u.fieldUnknown > 0);
  const noStatus = data.units.some((u) => u.statusUnknown > 0);
  const fieldColumns = [
    ...FIELDS.map((f) => ({ header: FIELD_NAMES[f], group: 'Lĩnh vực', numeric: true, maxWidth: 18 })),
    ...(unknown ? [{ header: 'Chưa rõ lĩnh vực', group: 'Lĩnh vực', numeric: true, maxWidth: 12 }] : []),
  ];
  const rows: TableRow[] = data.units.map((u, i) => ({
    cells: [
      i + 1,
      u.unitName,
      u.registered,
      ...FIELDS.map((f) => u.byField[f]),
      ...(unknown ? [u.fieldUnknown] : []),
      ...STATUSES.map((s) => u.byStatus[s]),
      ...(noStatus ? [u.statusUnknown] : []),
      u.recognized,
      u.exemplars,
    ],
  }));
  const sum = (pick: (u: ExportData['units'][number]) => number): number => data.units.reduce((a, u) => a + pick(u), 0);
  addTableSheet(workbook, data.meta, {
    sheetName: 'Tổng hợp đăng ký',
    title: `Biểu tổng hợp kết quả đăng ký xây dựng mô hình “Dân vận khéo” ${yearText(data)}`,
    subtitle: `(Kèm theo Báo cáo kết quả thực hiện phong trào thi đua “Dân vận khéo” ${yearText(data)} của ${data.meta.issuerLine})`,
    columns: [
      { header: 'STT', numeric: true },
      { header: 'Đơn vị', maxWidth: 40 },
      { header: 'Tổng số mô hình đăng ký', numeric: true, maxWidth: 12 },
      ...fieldColumns,
      ...STATUSES.map((s) => ({ header: STATUS_NAMES[s], group: 'Hình thức', numeric: true, maxWidth: 12 })),
      ...(noStatus ? [{ header: 'Chưa ghi hình thức', group: 'Hình thức', numeric: true, maxWidth: 12 }] : []),
      { header: 'Mô hình được công nhận', numeric: true, maxWidth: 14 },
      { header: 'Điển hình được công nhận', numeric: true, maxWidth: 14 },
    ],
    rows,
    totals: [
      null,
      null,
      sum((u) => u.registered),
      ...FIELDS.map((f) => sum((u) => u.byField[f])),
      ...(unknown ? [sum((u) => u.fieldUnknown)] : []),
      ...STATUSES.map((s) => sum((u) => u.byStatus[s])),
      ...(noStatus ? [sum((u) => u.statusUnknown)] : []),
      sum((u) => u.recognized),
      sum((u) => u.exemplars),
    ],
  });
  return workbookBuffer(workbook);
}

function byLevel<T extends { level: LevelCode | null }>(items: T[]): { label: string; items: T[] }[] {
  const groups = LEVELS.map((level) => ({ label: LEVEL_NAMES[level], items: items.filter((i) => i.level === level) }));
  groups.push({ label: 'Chưa rõ cấp công nhận', items: items.filter((i) => i.level === null) });
  return groups.filter((g) => g.items.length > 0);
}

/** The list of recognised models, highest level first, one group per level. */
export async function buildRecognitionWorkbook(data: ExportData): Promise<Buffer> {
  const workbook = newWorkbook(data.meta);
  const rows: TableRow[] = [];
  let stt = 0;
  byLevel(data.recognitions).forEach((group, g) => {
    rows.push({ group: `${ROMAN[g] ?? g + 1}. ${group.label.toLocaleUpperCase('vi-VN')}` });
    for (const r of group.items) rows.push({ cells: recognitionCells(++stt, r) });
  });
  addTableSheet(workbook, data.meta, {
    sheetName: 'Mô hình được công nhận',
    title: `Danh sách mô hình “Dân vận khéo” được công nhận ${yearText(data)}`,
    subtitle: `(Kèm theo Báo cáo kết quả thực hiện phong trào thi đua “Dân vận khéo” ${yearText(data)} của ${data.meta.issuerLine})`,
    columns: [
      { header: 'STT', numeric: true },
      { header: 'Tên mô hình', maxWidth: 50 },
      { header: 'Chủ thể thực hiện', maxWidth: 35 },
      { header: 'Đơn vị', maxWidth: 30 },
      { header: 'Lĩnh vực', maxWidth: 24 },
      { header: 'Cấp công nhận', maxWidth: 14 },
      { header: 'Số quyết định', maxWidth: 18 },
      { header: 'Ngày quyết định', maxWidth: 14 },
    ],
    rows,
    totals: [null, null, null, null, null, null, null, null],
    totalsLabel: `Tổng cộng: ${data.recognitions.length} mô hình`,
  });
  return workbookBuffer(workbook);
}

function recognitionCells(stt: number, r: RecognitionItem): CellValue[] {
  return [stt, r.modelName, r.owner, r.unitName, fieldName(r.field), levelName(r.level), r.decisionNo, partialDate(r.decisionDate)];
}

/** The list of exemplars: collectives first, then individuals, as the lists are printed. */
export async function buildExemplarWorkbook(data: ExportData): Promise<Buffer> {
  const workbook = newWorkbook(data.meta);
  const sections: { label: string; items: ExemplarItem[] }[] = [
    { label: 'TẬP THỂ', items: data.exemplars.filter((e) => e.exemplarType === 'collective') },
    { label: 'CÁ NHÂN', items: data.exemplars.filter((e) => e.exemplarType === 'individual') },
    { label: 'CHƯA RÕ TẬP THỂ HAY CÁ NHÂN', items: data.exemplars.filter((e) => e.exemplarType === null) },
  ].filter((s) => s.items.length > 0);
  const rows: TableRow[] = [];
  sections.forEach((section, s) => {
    rows.push({ group: `${ROMAN[s] ?? s + 1}. ${section.label}` });
    section.items.forEach((e, i) => rows.push({
      cells: [i + 1, e.name, e.position, e.unit, e.modelName, e.award, levelName(e.level)],
    }));
  });
  addTableSheet(workbook, data.meta, {
    sheetName: 'Điển hình',
    title: `Danh sách điển hình “Dân vận khéo” ${yearText(data)}`,
    subtitle: `(Kèm theo Báo cáo kết quả thực hiện phong trào thi đua “Dân vận khéo” ${yearText(data)} của ${data.meta.issuerLine})`,
    columns: [
      { header: 'STT', numeric: true },
      { header: 'Tên tập thể, cá nhân', maxWidth: 35 },
      { header: 'Chức vụ', maxWidth: 25 },
      { header: 'Đơn vị công tác', maxWidth: 30 },
      { header: 'Tên mô hình', maxWidth: 45 },
      { header: 'Hình thức khen thưởng', maxWidth: 25 },
      { header: 'Cấp công nhận', maxWidth: 14 },
    ],
    rows,
    totals: [null, null, null, null, null, null, null],
    totalsLabel: `Tổng cộng: ${data.exemplars.length} điển hình`,
  });
  return workbookBuffer(workbook);
}

const metText = (met: boolean | null): string => (met === null ? 'Chưa đủ dữ liệu' : met ? 'Đạt' : 'Chưa đạt');

/** The quota fulfilment table: each rule of the year's plan for each unit. */
export async function buildQuotaWorkbook(data: ExportData): Promise<Buffer> {
  const workbook = newWorkbook(data.meta);
  const met = data.quotas.filter((q) => q.met === true).length;
  addTableSheet(workbook, data.meta, {
    sheetName: 'Thực hiện chỉ tiêu',
    title: `Kết quả thực hiện chỉ tiêu phong trào thi đua “Dân vận khéo” ${yearText(data)}`,
    subtitle: `(Kèm theo Báo cáo kết quả thực hiện phong trào thi đua “Dân vận khéo” ${yearText(data)} của ${data.meta.issuerLine})`,
    columns: [
      { header: 'STT', numeric: true },
      { header: 'Đơn vị', maxWidth: 35 },
      { header: 'Chỉ tiêu', maxWidth: 55 },
      { header: 'Yêu cầu', maxWidth: 18 },
      { header: 'Kết quả', maxWidth: 14 },
      { header: 'Đánh giá', maxWidth: 16 },
      { header: 'Ghi chú', maxWidth: 40 },
    ],
    rows: data.quotas.map((q, i) => ({ cells: [i + 1, q.unitName, q.rule, q.target, q.actual, metText(q.met), q.note] })),
    totals: [null, null, null, null, null, null, null],
    totalsLabel: `Tổng cộng: đạt ${met}/${data.quotas.length} chỉ tiêu`,
  });
  return workbookBuffer(workbook);
}

const SUBMISSION_STATUS: Record<SubmissionStatus, string> = {
  on_time: 'Đúng hạn',
  late: 'Trễ hạn',
  missing: 'Chưa gửi',
  not_due: 'Chưa đến hạn',
  received: 'Đã nhận',
};

export const submissionStatusText = (row: SubmissionRow): string =>
  row.status === 'late' && row.daysLate !== null ? `Trễ ${row.daysLate} ngày` : SUBMISSION_STATUS[row.status];

/** Who sent what against each deadline of the year's plan. */
export async function buildSubmissionWorkbook(data: ExportData): Promise<Buffer> {
  const workbook = newWorkbook(data.meta);
  const countOf = (status: SubmissionStatus): number => data.submissions.filter((s) => s.status === status).length;
  addTableSheet(workbook, data.meta, {
    sheetName: 'Tình hình gửi báo cáo',
    title: `Tình hình gửi đăng ký, báo cáo phong trào thi đua “Dân vận khéo” ${yearText(data)}`,
    subtitle: `(Tính đến ${partialDate(isoDay(data.meta.issuedOn))})`,
    columns: [
      { header: 'STT', numeric: true },
      { header: 'Đơn vị', maxWidth: 40 },
      { header: 'Nội dung', maxWidth: 35 },
      { header: 'Thời hạn', maxWidth: 14 },
      { header: 'Ngày gửi', maxWidth: 14 },
      { header: 'Số tệp', numeric: true },
      { header: 'Tình trạng', maxWidth: 16 },
    ],
    rows: data.submissions.map((s, i) => ({
      cells: [i + 1, s.unitName, s.deadline, s.dueText, partialDate(s.receivedOn), s.files, submissionStatusText(s)],
    })),
    totals: [null, null, null, null, null, data.submissions.reduce((a, s) => a + s.files, 0), null],
    totalsLabel: `Tổng cộng: ${countOf('on_time')} đúng hạn, ${countOf('late')} trễ hạn, ${countOf('missing')} chưa gửi`,
  });
  return workbookBuffer(workbook);
}

