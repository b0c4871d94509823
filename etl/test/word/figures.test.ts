import { describe, expect, it } from 'vitest';
import type { DocumentBlock } from '../../src/grid.js';
import { figureFromLabel, figuresInText, type FigureKey } from '../../src/word/figures.js';
import { figuresInTable, periodFromTitle, readReport } from '../../src/word/report.js';

function figs(text: string, year: number | null = 2026): Partial<Record<FigureKey, number>> {
  const out: Partial<Record<FigureKey, number>> = {};
  for (const f of figuresInText(text, year)) out[f.key] ??= f.value;
  return out;
}

describe('figures in sentences, in the seeds’ style', () => {
  it('registered, new, continued; recognised at commune and district level', () => {
    expect(figs('Toàn Đảng bộ đăng ký xây dựng 14 mô hình, trong đó 05 mô hình mới, 09 mô hình duy trì; công nhận 9 mô hình cấp xã, 02 mô hình cấp huyện')).toEqual({
      models_registered: 14, models_new: 5, models_continued: 9, recognized_commune: 9, recognized_district: 2,
    });
  });

  it('numbers in words and in digits for exemplars', () => {
    expect(figs('có mười hai tập thể và 07 cá nhân được biểu dương')).toEqual({ exemplars_collective: 12, exemplars_individual: 7 });
    expect(figs('Đảng ủy xã đã biểu dương 03 tập thể, 05 cá nhân điển hình “Dân vận khéo” năm 2024.')).toEqual({ exemplars_collective: 3, exemplars_individual: 5 });
    expect(figs('gồm: mười mô hình duy trì từ các năm trước, hai mươi mốt mô hình mới')).toEqual({ models_continued: 10, models_new: 21 });
  });

  it('"không có mô hình nhân rộng" is zero, a figure not mentioned is absent (null)', () => {
    const f = figs('Đăng ký 14 mô hình “Dân vận khéo”, trong đó 05 mô hình mới, 09 mô hình duy trì; không có mô hình nhân rộng.');
    expect(f.models_replicated).toBe(0);
    expect(f.recognized_commune).toBeUndefined();
  });

  it('a proposal is not a recognition; a target is not a result', () => {
    expect(figs('Ban Thường vụ đã công nhận 9 mô hình cấp xã; đề nghị Ban Tuyên giáo và Dân vận Thành ủy xem xét công nhận 02 mô hình cấp thành phố.')).toEqual({ recognized_commune: 9 });
    expect(figs('Phấn đấu năm 2026 có ít nhất 05 mô hình “Dân vận khéo”.')).toEqual({});
  });

  it('dates, fractions, percentages and document numbers are not counts', () => {
    expect(figs('Thực hiện Hướng dẫn số 05-HD/ĐU ngày 15/01/2026; 24/24 tổ chức đảng, 100% chi bộ; đến nay 05/05 mô hình mới đã ra mắt.')).toEqual({});
  });

  it('the recogniser names the level: Huyện ủy, Thành ủy (by year), cấp tỉnh', () => {
    expect(figs('Trước khi hợp nhất, Huyện ủy Kim Sơn đã công nhận 03 mô hình cấp huyện.')).toEqual({ recognized_district: 3 });
    expect(figs('Trong 14 mô hình đăng ký, có 9 mô hình được công nhận cấp xã và 1 mô hình được Thành ủy công nhận.', 2026)).toEqual({
      models_registered: 14, recognized_commune: 9, recognized_province: 1,
    });
    expect(figs('Năm 2023, Thành ủy công nhận 2 mô hình cấp thành phố.', 2023)).toEqual({ recognized_district: 2 });
    expect(figs('Tỉnh ủy đã công nhận 01 mô hình cấp tỉnh.')).toEqual({ recognized_province: 1 });
  });

  it('status words before the number, and "label: number" lines', () => {
    expect(figs('Năm 2025 đăng ký 14 mô hình, trong đó: mới 05 mô hình, duy trì 09 mô hình.')).toEqual({ models_registered: 14, models_new: 5, models_continued: 9 });
    expect(figs('- Số mô hình được công nhận cấp xã: 11')).toEqual({ recognized_commune: 11 });
    expect(figs('- Số mô hình mới: 06.')).toEqual({ models_new: 6 });
    expect(figs('+ Tập thể điển hình: bốn')).toEqual({ exemplars_collective: 4 });
    expect(figs('Số mô hình được công nhận cấp xã là 11.')).toEqual({ recognized_commune: 11 });
    expect(figs('- Chỉ tiêu năm 2026: 05 mô hình')).toEqual({});
    expect(figs('Lĩnh vực xây dựng nông thôn mới 12 mô hình đăng ký.').models_new).toBeUndefined();
  });

  it('replicated and "xây dựng mới" wordings', () => {
    expect(figs('đã đăng ký 18 mô hình, gồm: mười mô hình duy trì từ các năm trước, 06 mô hình xây dựng mới và 02 mô hình nhân rộng.')).toEqual({
      models_registered: 18, models_continued: 10, models_new: 6, models_replicated: 2,
    });
  });
});

describe('figures in small tables', () => {
  it('reads "label | number" rows', () => {
    expect(figureFromLabel('Tổng số mô hình đăng ký', 18, 2025)).toBe('models_registered');
    expect(figureFromLabel('Mô hình được công nhận cấp xã', 11, 2025)).toBe('recognized_commune');
    expect(figureFromLabel('Trong đó: mô hình mới', 6, 2025)).toBe('models_new');
    expect(figureFromLabel('Tập thể điển hình được biểu dương', 4, 2025)).toBe('exemplars_collective');
    expect(figureFromLabel('Cá nhân điển hình được biểu dương', 6, 2025)).toBe('exemplars_individual');
    expect(figureFromLabel('Chỉ tiêu năm 2026: mô hình', 5, 2025)).toBeNull();
  });

  it('reads a one-row table whose header names the figures', () => {
    const c = (t: string) => ({ text: t, raw: t });
    const grid = {
      name: 'Bảng 2', hiddenRows: new Set<number>(), hiddenColumns: new Set<number>(),
      rows: [
        ['Nội dung', 'Mô hình đăng ký', 'Mô hình mới', 'Công nhận cấp xã'].map(c),
        ['Năm 2025', '12', '4', '7'].map(c),
      ],
    };
    const out = Object.fromEntries(figuresInTable(grid, 2025).map((x) => [x.fig.key, x.fig.value]));
    expect(out).toEqual({ models_registered: 12, models_new: 4, recognized_commune: 7 });
  });
});

describe('report period, outlook and quotas', () => {
  it('period from the title', () => {
    expect(periodFromTitle('Báo cáo kết quả 6 tháng đầu năm 2026')).toBe('H1');
    expect(periodFromTitle('BÁO CÁO sơ kết phong trào')).toBe('H1');
    expect(periodFromTitle('Báo cáo tổng kết phong trào năm 2025')).toBe('FY');
    expect(periodFromTitle('Báo cáo 9 tháng năm 2025')).toBeNull();
  });

  const para = (index: number, text: string, bold = false): DocumentBlock => ({ type: 'paragraph', index, text, ...(bold ? { bold: true } : {}) });

  it('targets in the outlook become REPORT_QUOTA info issues and never figures', () => {
    const blocks: DocumentBlock[] = [
      para(1, 'II. KẾT QUẢ THỰC HIỆN', true),
      para(2, 'Năm 2025 đăng ký 10 mô hình, công nhận 6 mô hình cấp xã.'),
      para(3, 'III. PHƯƠNG HƯỚNG NĂM 2026', true),
      para(4, '- Phấn đấu năm 2026 có ít nhất 05 mô hình “Dân vận khéo”, trong đó có ít nhất 01 mô hình đăng ký mới hoặc nhân rộng.'),
      para(5, '- 100% tổ chức đảng trực thuộc xây dựng ít nhất 01 mô hình.'),
      para(6, '- Công nhận 8 mô hình cấp xã.'),
    ];
    const rep = readReport(blocks, 'BÁO CÁO Kết quả thực hiện phong trào năm 2025', 2025, 'bc.docx');
    expect(rep.figures).toEqual({ models_registered: 10, recognized_commune: 6 });
    const quotas = rep.issues.filter((i) => i.code === 'REPORT_QUOTA');
    expect(quotas.map((q) => q.value)).toEqual([
      'Phấn đấu năm 2026 có ít nhất 05 mô hình “Dân vận khéo”',
      'trong đó có ít nhất 01 mô hình đăng ký mới hoặc nhân rộng',
      '100% tổ chức đảng trực thuộc xây dựng ít nhất 01 mô hình',
    ]);
    expect(quotas.every((q) => q.severity === 'info' && q.message.includes('năm 2026') && q.message.includes('bc.docx'))).toBe(true);
  });

  it('conflicting figures keep the first and warn', () => {
    const rep = readReport([para(1, 'Đăng ký 10 mô hình.'), para(2, 'Tổng cộng đã đăng ký 12 mô hình.')], 'Báo cáo năm 2025', 2025, 'bc.docx');
    expect(rep.figures.models_registered).toBe(10);
    expect(rep.issues.map((i) => i.code)).toContain('REPORT_FIGURE_CONFLICT');
  });
});
