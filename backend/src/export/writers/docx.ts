import {
  AlignmentType,
  BorderStyle,
  Document,
  ImageRun,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ISectionOptions,
} from 'docx';
import type { ExportData } from '../export-data.js';
import { FIELDS, LEVELS, STATUSES } from '../export-data.js';
import type { RenderedChart } from './charts.js';
import { TABLE_STYLE, TableSplicer } from './docx-table.js';
import { FIELD_NAMES, LEVEL_NAMES, STATUS_NAMES, fieldName, levelName } from './labels.js';
import { cleanText, padded, partialDate, percent, upper } from './text.js';
import { documentNumberLine, placeAndDate } from './xlsx-table.js';

/**
 * The year report draft ("Báo cáo kết quả thực hiện phong trào thi đua 'Dân
 * vận khéo' năm N") in the seeds' conventions: the header block, "BÁO CÁO",
 * "I. KẾT QUẢ THỰC HIỆN" with sentences filled from the data, the tables and
 * the charts, "II. PHƯƠNG HƯỚNG, NHIỆM VỤ", "Nơi nhận"; the lists as annexes.
 * Plain editable Word text: the office completes the bracketed parts.
 */

const FONT = 'Times New Roman';
/** Text width in twips: A4 portrait with 3 cm + 2 cm margins, and A4 landscape with 2 cm margins. */
const PORTRAIT_WIDTH = 9071;
const LANDSCAPE_WIDTH = 14570;
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };

interface RunStyle {
  bold?: boolean;
  italics?: boolean;
  underline?: boolean;
  /** Points (default 14, the body size of Party documents). */
  size?: number;
}

const run = (text: string, style: RunStyle = {}): TextRun =>
  new TextRun({
    text: cleanText(text),
    font: FONT,
    size: (style.size ?? 14) * 2,
    bold: style.bold,
    italics: style.italics,
    ...(style.underline ? { underline: {} } : {}),
  });

const centered = (text: string, style: RunStyle = {}, after = 0): Paragraph =>
  new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after }, children: [run(text, style)] });

/** A body paragraph: justified, first line indented 1 cm, 6 pt after, as the seeds are set. */
const body = (...runs: (string | TextRun)[]): Paragraph =>
  new Paragraph({
    alignment: AlignmentType.JUSTIFIED,
    indent: { firstLine: 567 },
    spacing: { after: 120, line: 300 },
    children: runs.map((r) => (typeof r === 'string' ? run(r) : r)),
  });

const heading = (text: string): Paragraph =>
  new Paragraph({ indent: { firstLine: 567 }, spacing: { before: 120, after: 120 }, keepNext: true, children: [run(text, { bold: true })] });

/** Text the office must complete, in italics and brackets so it stands out. */
const toFill = (text: string): TextRun => run(`[${text}]`, { italics: true });

function headerBlock(data: ExportData): Table {
  const { meta } = data;
  const left = [
    ...(meta.parentLine ? [centered(upper(meta.parentLine), { size: 14 })] : []),
    centered(upper(meta.issuerLine), { bold: true, size: 14 }),
    centered('*', { size: 14 }),
    centered(documentNumberLine(meta), { size: 14 }),
  ];
  const right = [
    centered('ĐẢNG CỘNG SẢN VIỆT NAM', { bold: true, underline: true, size: 15 }),
    centered('', {}),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [run(placeAndDate(meta), { italics: true })] }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        children: [
          new TableCell({ width: { size: 42, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: 58, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
}

/** "05 mô hình mới, 07 mô hình duy trì, 02 mô hình nhân rộng": the non-zero parts, in the guidance order. */
function parts(items: [number, string][]): string {
  return items.filter(([n]) => n > 0).map(([n, label]) => `${padded(n)} ${label}`).join(', ');
}

/** The sentences of section I, each a plain string, filled from the data. */
export function reportSentences(data: ExportData): { registration: string; fields: string; coverage: string; recognition: string; exemplars: string; quotas: string; trend: string | null } {
  const { meta, overview: o } = data;
  const statusPart = parts([
    ...STATUSES.filter((s) => s !== 'dropped').map((s): [number, string] => [o.byStatus[s], `mô hình ${STATUS_NAMES[s].toLocaleLowerCase('vi-VN')}`]),
    [o.statusUnknown, 'mô hình chưa ghi hình thức'],
  ]);
  const registration = `${meta.collective} đăng ký xây dựng ${padded(o.registered)} mô hình “Dân vận khéo”${statusPart ? ` (${statusPart})` : ''}.`;
  const fieldParts = FIELDS.filter((f) => o.byField[f] > 0).map((f) => `lĩnh vực ${FIELD_NAMES[f].toLocaleLowerCase('vi-VN')} ${padded(o.byField[f])} mô hình`);
  if (o.fieldUnknown > 0) fieldParts.push(`${padded(o.fieldUnknown)} mô hình chưa xác định lĩnh vực`);
  const fields = fieldParts.length > 0 ? `Theo lĩnh vực: ${fieldParts.join('; ')}.` : 'Chưa có mô hình nào được đăng ký.';
  const coverage = o.childUnits > 0
    ? `Có ${o.childUnitsWithModel}/${o.childUnits} đơn vị trực thuộc (${percent(o.childUnitsWithModel / o.childUnits)}) đăng ký xây dựng ít nhất 01 mô hình.`
    : 'Đơn vị không có đơn vị trực thuộc.';
  const levelPart = parts(LEVELS.map((l) => [o.recognized[l], `mô hình ${LEVEL_NAMES[l].toLocaleLowerCase('vi-VN')}`]));
  const recognition = `Đã công nhận ${padded(o.recognizedTotal)} mô hình “Dân vận khéo”${levelPart ? ` (${levelPart})` : ''}${
    o.recognitionRate === null ? '' : `, đạt ${percent(o.recognitionRate)} số mô hình đăng ký`}.`;
  const exTotal = o.exemplars.collective + o.exemplars.individual;
  const exemplars = `Công nhận ${padded(exTotal)} điển hình “Dân vận khéo”${exTotal > 0 ? ` (${padded(o.exemplars.collective)} tập thể, ${padded(o.exemplars.individual)} cá nhân)` : ''}.`;
  const met = data.quotas.filter((q) => q.met === true).length;
  const notMet = data.quotas.filter((q) => q.met === false).length;
  const unknown = data.quotas.filter((q) => q.met === null).length;
  const quotas = data.quotas.length === 0
    ? 'Chưa có chỉ tiêu của năm để đánh giá.'
    : `Đạt ${met}/${data.quotas.length} chỉ tiêu${notMet > 0 ? `, chưa đạt ${notMet} chỉ tiêu` : ''}${unknown > 0 ? `, ${unknown} chỉ tiêu chưa đủ số liệu để đánh giá` : ''}.`;
  let trend: string | null = null;
  const last = data.trend[data.trend.length - 1];
  const prev = data.trend[data.trend.length - 2];
  if (last && prev) {
    const diff = (a: number, b: number, what: string): string => (a === b ? `${what} không đổi` : `${what} ${a > b ? 'tăng' : 'giảm'} ${Math.abs(a - b)}`);
    trend = `So với năm ${prev.year}: ${diff(last.registered, prev.registered, 'số mô hình đăng ký')} (${prev.registered} → ${last.registered}), ${diff(last.recognized, prev.recognized, 'số mô hình được công nhận')} (${prev.recognized} → ${last.recognized}), ${diff(last.exemplars, prev.exemplars, 'số điển hình')} (${prev.exemplars} → ${last.exemplars}).`;
  }
  return { registration, fields, coverage, recognition, exemplars, quotas, trend };
}

function chartParagraphs(chart: RenderedChart, n: number): Paragraph[] {
  // At most the text width of A4 portrait with 3 cm + 2 cm margins (604 px at 96 dpi), at most 900 px high.
  const scale = Math.min(604 / chart.width, 900 / chart.height);
  const width = Math.round(chart.width * scale);
  const height = Math.round(chart.height * scale);
  return [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      keepNext: true,
      spacing: { before: 120 },
      children: [new ImageRun({ type: 'png', data: chart.png, transformation: { width, height }, altText: { name: chart.slug, title: chart.title, description: chart.title } })],
    }),
    centered(`Biểu đồ ${n}: ${chart.title}`, { italics: true, size: 12 }, 160),
  ];
}

export async function buildReportDocument(data: ExportData, charts: RenderedChart[]): Promise<Buffer> {
  const { meta } = data;
  const s = reportSentences(data);
  const tables = new TableSplicer();
  const chart = (slugPart: string): Paragraph[] => {
    const i = charts.findIndex((c) => c.slug.includes(slugPart));
    return i >= 0 ? chartParagraphs(charts[i]!, i + 1) : [];
  };
  const next = meta.year + 1;

  const unitRows = data.units.map((u, i) => [i + 1, u.unitName, u.registered, ...FIELDS.map((f) => u.byField[f]), ...STATUSES.slice(0, 3).map((st) => u.byStatus[st]), u.recognized]);
  const sum = (pick: (u: ExportData['units'][number]) => number): number => data.units.reduce((a, u) => a + pick(u), 0);

  const main: ISectionOptions = {
    properties: { page: { size: { orientation: PageOrientation.PORTRAIT }, margin: { top: 1134, bottom: 1134, left: 1701, right: 1134 } } },
    children: [
      headerBlock(data),
      centered('', {}, 120),
      centered('BÁO CÁO', { bold: true, size: 16 }),
      centered(`kết quả thực hiện phong trào thi đua “Dân vận khéo” năm ${meta.year}`, { bold: true }),
      centered('-----', {}, 240),
      body(
        run(`Thực hiện `),
        toFill('số, ngày, trích yếu kế hoạch/hướng dẫn của cấp trên'),
        run(` về thực hiện phong trào thi đua “Dân vận khéo” năm ${meta.year}, ${cleanText(meta.issuerLine)} báo cáo kết quả thực hiện như sau:`),
      ),
      heading('I. KẾT QUẢ THỰC HIỆN'),
      heading('1. Công tác lãnh đạo, chỉ đạo, tuyên truyền'),
      body(toFill('Đơn vị bổ sung: việc ban hành kế hoạch, hướng dẫn; quán triệt, tuyên truyền; kiểm tra, đôn đốc')),
      heading('2. Kết quả đăng ký, xây dựng mô hình “Dân vận khéo”'),
      body(s.registration),
      body(s.fields),
      body(s.coverage),
      ...(s.trend ? [body(s.trend)] : []),
      tables.place({
        headers: ['STT', 'Đơn vị', 'Tổng số', ...FIELDS.map((f) => FIELD_NAMES[f]), ...STATUSES.slice(0, 3).map((st) => STATUS_NAMES[st]), 'Được công nhận'],
        rows: unitRows,
        totals: ['', 'Tổng cộng', sum((u) => u.registered), ...FIELDS.map((f) => sum((u) => u.byField[f])), ...STATUSES.slice(0, 3).map((st) => sum((u) => u.byStatus[st])), sum((u) => u.recognized)],
        weights: [5, 22, 8, 8, 8, 12, 10, 7, 7, 8, 9],
        textWidth: PORTRAIT_WIDTH,
      }),
      ...chart('linh-vuc'),
      ...chart('hinh-thuc'),
      heading('3. Kết quả công nhận mô hình, điển hình “Dân vận khéo”'),
      body(s.recognition),
      body(s.exemplars),
      body('Danh sách mô hình được công nhận và danh sách điển hình tại Phụ lục 01, Phụ lục 02 kèm theo.'),
      ...chart('cap-cong-nhan'),
      ...chart('ty-le-cong-nhan'),
      ...chart('dien-hinh'),
      ...chart('xu-huong'),
      heading('4. Kết quả thực hiện các chỉ tiêu'),
      body(s.quotas),
      ...(data.quotas.length > 0
        ? [tables.place({
            headers: ['STT', 'Đơn vị', 'Chỉ tiêu', 'Yêu cầu', 'Kết quả', 'Đánh giá'],
            rows: data.quotas.map((q, i) => [i + 1, q.unitName, q.rule, q.target, q.actual, q.met === null ? 'Chưa đủ dữ liệu' : q.met ? 'Đạt' : 'Chưa đạt']),
            weights: [5, 20, 35, 12, 12, 14],
            textWidth: PORTRAIT_WIDTH,
          })]
        : []),
      ...chart('thuc-hien-chi-tieu'),
      heading('5. Đánh giá chung'),
      body(run('Ưu điểm: ', { bold: true }), toFill('Đơn vị bổ sung')),
      body(run('Hạn chế, nguyên nhân: ', { bold: true }), toFill('Đơn vị bổ sung')),
      heading(`II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM ${next}`),
      body(`1. Tiếp tục quán triệt, tuyên truyền sâu rộng phong trào thi đua “Dân vận khéo”; gắn phong trào với thực hiện nhiệm vụ chính trị của địa phương, cơ quan, đơn vị.`),
      body(`2. Chỉ đạo 100% tổ chức đảng trực thuộc đăng ký xây dựng ít nhất 01 mô hình “Dân vận khéo” năm ${next}; rà soát, tiếp tục duy trì các mô hình còn phù hợp, có hiệu quả với mục tiêu, chỉ tiêu cao hơn; loại bỏ các mô hình không còn phù hợp.`),
      body('3. Đăng ký xây dựng mới, nhân rộng các mô hình có hiệu quả; tổ chức ra mắt các mô hình mới; thường xuyên kiểm tra, đôn đốc tiến độ thực hiện.'),
      body('4. Kịp thời đánh giá, công nhận, biểu dương, khen thưởng và nhân rộng các mô hình, điển hình “Dân vận khéo” tiêu biểu.'),
      heading('III. ĐỀ XUẤT, KIẾN NGHỊ'),
      body(toFill('Đơn vị bổ sung (nếu có)')),
      centered('', {}, 240),
      closing(data),
    ],
  };

  const annexes: ISectionOptions = {
    properties: { page: { size: { orientation: PageOrientation.LANDSCAPE }, margin: { top: 1134, bottom: 1134, left: 1134, right: 1134 } } },
    children: [
      centered('Phụ lục 01', { bold: true }),
      centered(`DANH SÁCH MÔ HÌNH “DÂN VẬN KHÉO” ĐƯỢC CÔNG NHẬN NĂM ${meta.year}`, { bold: true }),
      centered(`(Kèm theo Báo cáo kết quả thực hiện phong trào thi đua “Dân vận khéo” năm ${meta.year})`, { italics: true }, 200),
      tables.place({
        headers: ['STT', 'Tên mô hình', 'Chủ thể thực hiện', 'Lĩnh vực', 'Cấp công nhận', 'Số, ngày quyết định'],
        rows: [...data.recognitions]
          .sort((a, b) => LEVELS.indexOf(a.level ?? 'commune') - LEVELS.indexOf(b.level ?? 'commune'))
          .map((r, i) => [i + 1, r.modelName, r.owner ?? '', fieldName(r.field), levelName(r.level), [r.decisionNo, partialDate(r.decisionDate)].filter(Boolean).join(', ')]),
        weights: [5, 38, 20, 14, 9, 14],
        textWidth: LANDSCAPE_WIDTH,
      }),
      new Paragraph({ pageBreakBefore: true, alignment: AlignmentType.CENTER, children: [run('Phụ lục 02', { bold: true })] }),
      centered(`DANH SÁCH ĐIỂN HÌNH “DÂN VẬN KHÉO” NĂM ${meta.year}`, { bold: true }),
      centered(`(Kèm theo Báo cáo kết quả thực hiện phong trào thi đua “Dân vận khéo” năm ${meta.year})`, { italics: true }, 200),
      tables.place({
        headers: ['STT', 'Tên tập thể, cá nhân', 'Loại', 'Chức vụ, đơn vị', 'Mô hình', 'Hình thức khen thưởng'],
        rows: [...data.exemplars]
          .sort((a, b) => (a.exemplarType === 'collective' ? 0 : 1) - (b.exemplarType === 'collective' ? 0 : 1))
          .map((e, i) => [
            i + 1, e.name, e.exemplarType === 'collective' ? 'Tập thể' : e.exemplarType === 'individual' ? 'Cá nhân' : '',
            [e.position, e.unit].filter(Boolean).join(', '), e.modelName ?? '', e.award ?? '',
          ]),
        weights: [5, 22, 8, 24, 28, 13],
        textWidth: LANDSCAPE_WIDTH,
      }),
      new Paragraph({ children: [] }),
    ],
  };

  const document = new Document({
    creator: 'Dân vận khéo',
    title: cleanText(`Báo cáo kết quả thực hiện phong trào thi đua “Dân vận khéo” năm ${meta.year}`),
    description: cleanText(meta.unitName),
    styles: {
      default: { document: { run: { font: FONT, size: 28 } } },
      paragraphStyles: [{ id: TABLE_STYLE, name: 'Bảng', basedOn: 'Normal', run: { font: FONT, size: 24 }, paragraph: { spacing: { before: 0, after: 0 } } }],
    },
    sections: [main, annexes],
  });
  return tables.splice(await Packer.toBuffer(document));
}

function closing(data: ExportData): Table {
  const committee = /ỦY|UỶ/.test(upper(data.meta.issuerLine));
  const office = documentNumberLine(data.meta).split('/')[1];
  const recipients = [
    data.meta.superior ? `- Ban Tuyên giáo và Dân vận ${data.meta.superior} (để báo cáo),` : '- Cấp ủy cấp trên (để báo cáo),',
    committee ? '- Thường trực cấp ủy,' : '- Lãnh đạo đơn vị,',
    committee ? '- Các chi, đảng bộ trực thuộc,' : '- Các bộ phận trực thuộc,',
    `- Lưu ${office ? `VP${office}` : 'VT'}.`,
  ];
  const left = [
    new Paragraph({ children: [run('Nơi nhận:', { bold: true, italics: true, size: 12 })] }),
    ...recipients.map((r) => new Paragraph({ children: [run(r, { size: 11 })] })),
  ];
  const right = [
    centered(committee ? 'T/M BAN THƯỜNG VỤ' : 'THỦ TRƯỞNG ĐƠN VỊ', { bold: true }),
    centered(committee ? 'PHÓ BÍ THƯ THƯỜNG TRỰC' : '', { bold: true }),
    centered('', {}, 1200),
    centered('', {}),
    new Paragraph({ alignment: AlignmentType.CENTER, children: [toFill('Họ và tên')] }),
  ];
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    borders: NO_BORDERS,
    rows: [
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: left }),
          new TableCell({ width: { size: 50, type: WidthType.PERCENTAGE }, borders: NO_BORDERS, children: right }),
        ],
      }),
    ],
  });
}

