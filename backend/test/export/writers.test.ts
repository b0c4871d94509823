import { describe, expect, it } from 'vitest';
import { chartSpecs, renderChart, renderCharts } from '../../src/export/writers/charts.js';
import { buildReportDocument, reportSentences } from '../../src/export/writers/docx.js';
import { PACK_FILES, buildExportZip, packFileName } from '../../src/export/writers/pack.js';
import { buildSlides } from '../../src/export/writers/pptx.js';
import { cleanText, looksLikeFormula, vietnameseDate } from '../../src/export/writers/text.js';
import {
  buildExemplarWorkbook,
  buildQuotaWorkbook,
  buildRecognitionWorkbook,
  buildRegistrationWorkbook,
  buildSubmissionWorkbook,
} from '../../src/export/writers/xlsx.js';
import { sampleExportData } from './fixture.js';
import { badUnicode, docxParagraphs, openWorkbook, pngStats, pptxSlides, rowWhere, sheetTexts, unzip } from './read-pack.js';

// Writers are pure functions of ExportData: checked here on hand-built data;
// export.test.ts checks the same files against the analytics API over HTTP.

describe('XLSX tables', () => {
  it('prints the registration summary as offices do: title block, merged bold title, numbering and totals rows, A4 landscape', async () => {
    const data = sampleExportData();
    const sheet = await openWorkbook(await buildRegistrationWorkbook(data));
    expect(sheet.getCell('A1').value).toBe('ĐẢNG BỘ TỈNH HẢI ĐÔNG');
    expect(sheet.getCell('A2').value).toBe('ĐẢNG ỦY XÃ ĐÔNG HÒA');
    expect(sheet.getCell('A3').value).toBe('*');
    expect(String(sheet.getCell('A4').value)).toMatch(/^Số\s+-BC\/ĐU$/);
    const right = sheet.getRow(1).values as unknown[];
    expect(right).toContain('ĐẢNG CỘNG SẢN VIỆT NAM');
    expect((sheet.getRow(3).values as unknown[]).some((v) => v === 'Đông Hòa, ngày 05 tháng 12 năm 2026')).toBe(true);

    const title = sheet.getCell('A6');
    expect(String(title.value)).toBe('BIỂU TỔNG HỢP KẾT QUẢ ĐĂNG KÝ XÂY DỰNG MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026');
    expect(title.font?.bold).toBe(true);
    expect(title.isMerged).toBe(true);

    // Two header rows (grouped "Lĩnh vực", "Hình thức"), then the numbering row.
    const numbering = rowWhere(sheet, 1, '(1)');
    expect(numbering).toBeDefined();
    const columns = sheet.columnCount;
    expect(numbering!.getCell(columns).value).toBe(`(${columns})`);
    expect(sheet.getRow(numbering!.number - 2).getCell(4).value).toBe('Lĩnh vực');

    const totals = rowWhere(sheet, 2, 'Tổng cộng');
    expect(totals?.getCell(3).value).toBe(14);
    expect(totals?.getCell(4).value).toBe(data.units.reduce((a, u) => a + u.byField.economy, 0));
    expect(rowWhere(sheet, 2, 'Hội Nông dân xã')?.getCell(3).value).toBe(5);

    expect(sheet.pageSetup.paperSize).toBe(9);
    expect(sheet.pageSetup.orientation).toBe('landscape');
    expect(sheet.pageSetup.fitToWidth).toBe(1);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${numbering!.number - 2}:${numbering!.number}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', xSplit: 2, ySplit: numbering!.number });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual('Ủy ban MTTQ Việt Nam xã'.length);
  });

  it('stores text that looks like a formula as text, never as a formula', async () => {
    const data = sampleExportData();
    const sheet = await openWorkbook(await buildRecognitionWorkbook(data));
    const cell = (text: string) => {
      let found: import('exceljs').Cell | undefined;
      sheet.eachRow((row) => row.eachCell((c) => {
        if (c.value === text) found = c;
      }));
      return found;
    };
    const hyperlink = cell('=HYPERLINK("http://evil.example","Bấm vào đây")');
    expect(hyperlink).toBeDefined();
    expect(hyperlink!.type).toBe(3); // ValueType.String
    expect(hyperlink!.formula).toBeUndefined();
    expect(hyperlink!.numFmt).toBe('@');
    let formulas = 0;
    sheet.eachRow((row) => row.eachCell((c) => {
      if (c.formula) formulas++;
    }));
    expect(formulas).toBe(0);

    const exemplars = await openWorkbook(await buildExemplarWorkbook(data));
    expect(rowWhere(exemplars, 2, 'Nguyễn Thị Huệ')?.getCell(6).value).toBe('+ Bằng khen');
    const quotas = await openWorkbook(await buildQuotaWorkbook(data));
    expect(rowWhere(quotas, 2, 'Đảng ủy xã Đông Hòa')).toBeDefined();
    expect(looksLikeFormula('@chưa có ngày ra mắt')).toBe(true);
    expect(looksLikeFormula('Giấy khen')).toBe(false);
  });

  it('groups recognitions by level (highest first) and exemplars into tập thể and cá nhân', async () => {
    const data = sampleExportData();
    const recognitions = await openWorkbook(await buildRecognitionWorkbook(data));
    const groups: string[] = [];
    recognitions.eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === 'string' && /^[IVX]+\. /.test(v)) groups.push(v);
    });
    expect(groups).toEqual(['I. CẤP TỈNH', 'II. CẤP XÃ']);
    expect(rowWhere(recognitions, 2, 'Tổng cộng: 4 mô hình')).toBeDefined();

    const exemplars = await openWorkbook(await buildExemplarWorkbook(data));
    const sections: string[] = [];
    exemplars.eachRow((row) => {
      const v = row.getCell(1).value;
      if (typeof v === 'string' && /^[IVX]+\. /.test(v)) sections.push(v);
    });
    expect(sections).toEqual(['I. TẬP THỂ', 'II. CÁ NHÂN']);

    const submissions = await openWorkbook(await buildSubmissionWorkbook(data));
    expect(rowWhere(submissions, 2, 'Hội Nông dân xã')?.getCell(7).value).toBe('Trễ 4 ngày');
    expect(rowWhere(submissions, 2, 'Tổng cộng: 1 đúng hạn, 1 trễ hạn, 1 chưa gửi')).toBeDefined();
  });
});

describe('charts', () => {
  it('draws every chart from the dashboard builders and renders a 1920 px PNG that is not blank', () => {
    const data = sampleExportData();
    const specs = chartSpecs(data);
    expect(specs.map((s) => s.slug)).toEqual([
      '01-mo-hinh-theo-linh-vuc', '02-co-cau-hinh-thuc', '03-ty-le-cong-nhan-theo-don-vi', '04-thuc-hien-chi-tieu', '05-cap-cong-nhan', '06-dien-hinh', '07-xu-huong-qua-cac-nam',
    ]);
    const chart = renderChart(specs[0]!);
    const png = pngStats(chart.png);
    expect(png.signature).toBe(true);
    expect(png.width).toBeGreaterThanOrEqual(1920);
    expect(png.height).toBe(1080);
    expect(png.variance).toBeGreaterThan(100);
    expect(chart.svg).toContain('Kinh tế');
    expect(chart.svg).toContain('Mô hình “Dân vận khéo” năm 2026 theo lĩnh vực');
  });

  it('draws the rate chart as the dashboard does: units with registrations, past 30 the 30 lowest rates, and says so', () => {
    const data = sampleExportData();
    const base = data.units[0]!;
    data.units = Array.from({ length: 40 }, (_, i) => ({ ...base, unitId: 100 + i, unitName: `Chi bộ thôn ${i + 1}`, registered: i === 39 ? 0 : 10, recognized: i % 10 }));
    const spec = chartSpecs(data).find((c) => c.slug.includes('ty-le'))!;
    const names = (spec.option.yAxis as { data: string[] }).data;
    expect(names).toHaveLength(30);
    expect(names).not.toContain('Chi bộ thôn 40');
    expect((spec.option.title as { subtext: string }).subtext).toBe('Đảng ủy xã Đông Hòa — 30 đơn vị có tỷ lệ thấp nhất trong 39; đủ cả trong bảng tổng hợp');
    expect(spec.height).toBe(120 + 22 * 30);
  });

  it('leaves out the trend without a range of years, the rate chart without child units, the quota chart without quotas', () => {
    const data = { ...sampleExportData(), trend: [{ year: 2026, registered: 14, recognized: 11, exemplars: 7 }], units: [], quotas: [] };
    expect(chartSpecs(data).map((s) => s.slug)).toEqual(['01-mo-hinh-theo-linh-vuc', '02-co-cau-hinh-thuc', '03-cap-cong-nhan', '04-dien-hinh']);
  });
});

describe('DOCX report draft', () => {
  it('follows the seeds: header block, BÁO CÁO, sentences from the data, charts, phương hướng, nơi nhận', async () => {
    const data = sampleExportData();
    const charts = renderCharts(data);
    const bytes = await buildReportDocument(data, charts);
    const paragraphs = await docxParagraphs(bytes);
    const text = paragraphs.join('\n');
    for (const line of ['ĐẢNG BỘ TỈNH HẢI ĐÔNG', 'ĐẢNG ỦY XÃ ĐÔNG HÒA', '*', 'ĐẢNG CỘNG SẢN VIỆT NAM', 'Đông Hòa, ngày 05 tháng 12 năm 2026', 'BÁO CÁO', 'I. KẾT QUẢ THỰC HIỆN', 'II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2027', 'Nơi nhận:']) {
      expect(paragraphs).toContain(line);
    }
    expect(text).toContain('Toàn Đảng bộ đăng ký xây dựng 14 mô hình “Dân vận khéo” (05 mô hình mới, 07 mô hình duy trì, 02 mô hình nhân rộng).');
    expect(text).toContain('Đã công nhận 11 mô hình “Dân vận khéo” (02 mô hình cấp tỉnh, 09 mô hình cấp xã), đạt 78,6% số mô hình đăng ký.');
    expect(text).toContain('Công nhận 07 điển hình “Dân vận khéo” (04 tập thể, 03 cá nhân).');
    expect(text).toContain('Đạt 3/4 chỉ tiêu, 1 chỉ tiêu chưa đủ số liệu để đánh giá.');
    expect(text).toContain('So với năm 2025: số mô hình đăng ký tăng 2 (12 → 14)');
    expect(text).toContain(`Biểu đồ ${charts.length}: ${charts[charts.length - 1]!.title}`);
    expect(paragraphs).toEqual(expect.arrayContaining(['- Ban Tuyên giáo và Dân vận Tỉnh ủy Hải Đông (để báo cáo),', '- Lưu VPĐU.', 'T/M BAN THƯỜNG VỤ']));
    const files = await unzip(bytes);
    expect([...files.keys()].filter((k) => k.startsWith('word/media/') && k.endsWith('.png'))).toHaveLength(charts.length);
    expect(badUnicode(paragraphs)).toEqual([]);
  });

  it('counts models without a status instead of hiding them', async () => {
    const data = sampleExportData();
    data.overview = { ...data.overview, registered: 17, statusUnknown: 3 };
    data.units[0] = { ...data.units[0]!, registered: 6, statusUnknown: 3 };
    expect(reportSentences(data).registration).toBe('Toàn Đảng bộ đăng ký xây dựng 17 mô hình “Dân vận khéo” (05 mô hình mới, 07 mô hình duy trì, 02 mô hình nhân rộng, 03 mô hình chưa ghi hình thức).');
    const sheet = await openWorkbook(await buildRegistrationWorkbook(data));
    const numbering = rowWhere(sheet, 1, '(1)')!;
    const headers = (sheet.getRow(numbering.number - 1).values as unknown[]).slice(1);
    const col = headers.indexOf('Chưa ghi hình thức') + 1;
    expect(col).toBeGreaterThan(0);
    expect(rowWhere(sheet, 2, 'Chi bộ Công an xã')?.getCell(col).value).toBe(3);
    expect(rowWhere(sheet, 2, 'Tổng cộng')?.getCell(col).value).toBe(3);
  });

  it('says so plainly when nothing was registered', () => {
    const data = sampleExportData();
    data.overview = { ...data.overview, registered: 0, byField: { economy: 0, culture_society: 0, defense_security: 0, political_system: 0 }, fieldUnknown: 0, byStatus: { new: 0, continued: 0, replicated: 0, dropped: 0 }, statusUnknown: 0, recognitionRate: null };
    data.quotas = [];
    const s = reportSentences(data);
    expect(s.registration).toBe('Toàn Đảng bộ đăng ký xây dựng 00 mô hình “Dân vận khéo”.');
    expect(s.fields).toBe('Chưa có mô hình nào được đăng ký.');
    expect(s.quotas).toBe('Chưa có chỉ tiêu của năm để đánh giá.');
  });
});

describe('PPTX slides and the ZIP', () => {
  it('has a title slide, a figures slide and one slide per chart', async () => {
    const data = sampleExportData();
    const charts = renderCharts(data);
    const slides = await pptxSlides(await buildSlides(data, charts));
    expect(slides).toHaveLength(2 + charts.length);
    expect(slides[0]!.text).toContain('HỘI NGHỊ TỔNG KẾT');
    expect(slides[0]!.text).toContain('Phong trào thi đua “Dân vận khéo” năm 2026');
    expect(slides[1]!.text).toContain('Toàn Đảng bộ đăng ký xây dựng 14 mô hình');
    expect(slides.slice(2).every((s) => s.images === 1)).toBe(true);
    expect(badUnicode(slides.map((s) => s.text))).toEqual([]);
  });

  it('packs every file, named in ASCII, with Vietnamese intact inside', async () => {
    const data = sampleExportData();
    const files = await unzip(await buildExportZip(data));
    expect([...files.keys()]).toEqual(expect.arrayContaining([
      PACK_FILES.report, PACK_FILES.slides, PACK_FILES.registrations, PACK_FILES.recognitions, PACK_FILES.exemplars, PACK_FILES.quotas, PACK_FILES.submissions,
      'bieu-do/01-mo-hinh-theo-linh-vuc.png', 'bieu-do/01-mo-hinh-theo-linh-vuc.svg',
    ]));
    expect([...files.keys()].every((k) => /^[\x20-\x7e]+$/.test(k))).toBe(true);
    for (const name of [PACK_FILES.registrations, PACK_FILES.recognitions, PACK_FILES.exemplars, PACK_FILES.quotas, PACK_FILES.submissions]) {
      expect(badUnicode(sheetTexts(await openWorkbook(files.get(name)!)))).toEqual([]);
    }
    expect(packFileName(data)).toBe('dan-van-kheo-2024-2026-dang-uy-xa-dong-hoa.zip');
  });

  it('dates documents by the calendar in Vietnam, whatever the server\'s time zone', () => {
    expect(vietnameseDate(new Date('2026-12-04T18:30:00Z'))).toBe('ngày 05 tháng 12 năm 2026'); // 01:30 on the 5th in Vietnam
    expect(vietnameseDate(new Date('2026-03-09T16:59:00Z'))).toBe('ngày 09 tháng 03 năm 2026');
  });

  it('cleans text the same way everywhere: NFC, no control characters', () => {
    const nfd = 'Đảng ủy xã Đông Hòa'.normalize('NFD');
    expect(cleanText(`${nfd}\u0007`)).toBe('Đảng ủy xã Đông Hòa');
    expect(badUnicode(['Ä‘oÃ n', 'Ä\u2018'])).toHaveLength(2);
    expect(badUnicode(['XÃ ĐÔNG HÒA', 'Đảng ủy'])).toEqual([]);
  });
});

describe('round trip through the ETL', () => {
  it('reads the exported recognition and exemplar lists back as the same records', async () => {
    const { extract } = await import('@dvk/etl');
    const data = sampleExportData();
    const recognitions = await extract(await buildRecognitionWorkbook(data), 'danh-sach-cong-nhan.xlsx');
    expect(recognitions.kind).toBe('recognition');
    expect(recognitions.records.map((r) => r.type === 'recognition' && {
      modelName: r.model_name, owner: r.owner, field: r.field, level: r.level, decisionNo: r.decision_no, decisionDate: r.decision_date,
    })).toEqual(data.recognitions.map((r) => ({
      modelName: r.modelName, owner: r.owner, field: r.field, level: r.level, decisionNo: r.decisionNo, decisionDate: r.decisionDate,
    })));
    const exemplars = await extract(await buildExemplarWorkbook(data), 'danh-sach-dien-hinh.xlsx');
    expect(exemplars.kind).toBe('exemplar');
    expect(exemplars.records.map((r) => r.type === 'exemplar' && {
      name: r.name, exemplarType: r.exemplar_type, position: r.position, unit: r.unit, modelName: r.model_name, award: r.award, level: r.level,
    })).toEqual(data.exemplars);
  });
});
