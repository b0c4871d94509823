/**
 * Narrative result reports ("báo cáo kết quả", "phụ lục 02", sơ kết 6 tháng,
 * tổng kết năm): one report record with the figures found in sentences and
 * small tables, the period and year from the title, and the report's own
 * targets for the coming period as info issues (code REPORT_QUOTA) that the
 * plans feature can offer to the office.
 */
import type { EtlIssue, Period } from '../contract.js';
import type { DocumentBlock, Grid } from '../grid.js';
import { parseVietnameseNumber } from '../normalise/index.js';
import { fold } from '../text/index.js';
import { FIGURE_KEYS, figureFromLabel, figuresInText, splitClauses, splitSentences, type Figure, type FigureKey } from './figures.js';

export interface ReportReading {
  period: Period | null;
  year: number | null;
  figures: Partial<Record<FigureKey, number>>;
  /** Where each figure came from: 1-based paragraph or table. */
  sources: Partial<Record<FigureKey, { paragraph?: number; table?: number; row?: number }>>;
  issues: EtlIssue[];
  /** Number of figures found (0 means "not a report with figures"). */
  found: number;
}

/** Period from a report's title: "6 tháng đầu năm", "sơ kết" → H1; "năm 2025", "tổng kết" → FY. */
export function periodFromTitle(title: string): Period | null {
  const f = fold(title);
  if (/(6|06|sau) thang dau nam|so ket/.test(f)) return 'H1';
  if (/(9|09|chin) thang|quy (i|ii|iii|iv|1|2|3|4)\b/.test(f)) return null;
  if (/tong ket|ca nam|nam \d{4}|hang nam/.test(f)) return 'FY';
  return null;
}

export function yearFromTitle(title: string): number | null {
  const m = /năm\s+(\d{4})\b/iu.exec(title) ?? /\b(20\d{2})\b/.exec(title);
  const y = m ? Number(m[1]) : NaN;
  return Number.isInteger(y) && y >= 1990 && y <= 2100 ? y : null;
}

/** Headings that open the outlook: targets below are plans, not results. */
const OUTLOOK = /^(?:(?:[ivx]{1,4}|\d{1,2}|[a-d])[.)]?\s+)?(phuong huong|nhiem vu.*(toi|cuoi nam|nam \d{4})|ke hoach.*(toi|nam \d{4})|de xuat|kien nghi|muc tieu.*nam \d{4})/;
const QUOTA_WORDS = /(phan dau|it nhat|toi thieu|khong duoi|100%|chi tieu)/;
const HAS_COUNT = /\d|(?<![\p{L}])(một|hai|ba|bốn|năm|sáu|bảy|tám|chín|mười)\s+(mô hình|tập thể|cá nhân)/iu;

function isHeading(b: DocumentBlock): boolean {
  return b.type === 'paragraph' && b.text.length < 120 && (b.bold === true || /^[IVX]{1,4}\.\s/u.test(b.text) || b.text === b.text.toUpperCase());
}

export function readReport(blocks: DocumentBlock[], title: string, docYear: number | null, fileName: string): ReportReading {
  const reading: ReportReading = {
    period: periodFromTitle(title),
    year: yearFromTitle(title) ?? docYear,
    figures: {},
    sources: {},
    issues: [],
    found: 0,
  };
  const year = reading.year;
  let outlook = false;

  const record = (fig: Figure, where: { paragraph?: number; table?: number; row?: number }): void => {
    const prev = reading.figures[fig.key];
    if (prev === undefined) {
      reading.figures[fig.key] = fig.value;
      reading.sources[fig.key] = where;
      reading.found++;
    } else if (prev !== fig.value) {
      const at = reading.sources[fig.key];
      reading.issues.push({
        severity: 'warning',
        code: 'REPORT_FIGURE_CONFLICT',
        message: `Báo cáo "${fileName}": số liệu "${fig.key}" ghi ${prev} (${describe(at)}) nhưng ${describe(where)} ghi ${fig.value}; giữ số đầu tiên, đề nghị kiểm tra.`,
        value: fig.text,
      });
    }
  };

  for (const b of blocks) {
    if (b.type === 'paragraph') {
      const text = b.text.trim();
      if (text === '') continue;
      if (isHeading(b) && OUTLOOK.test(fold(text))) outlook = true;
      else if (isHeading(b) && /^(?:(?:[ivx]{1,4}|\d{1,2})[.)]?\s+)?(ket qua|danh gia)/.test(fold(text))) outlook = false;
      // Targets: the outlook's clauses with a count, or any "phấn đấu" clause.
      for (const s of splitSentences(text)) {
        const clauses = splitClauses(s);
        for (const c of clauses) {
          const fc = fold(c);
          if (!HAS_COUNT.test(c)) continue;
          if ((outlook && QUOTA_WORDS.test(fc)) || /phan dau/.test(fc)) {
            reading.issues.push(quotaIssue(c, s, b.index, reading, fileName));
          }
        }
      }
      if (outlook) continue;
      for (const fig of figuresInText(text, year)) record(fig, { paragraph: b.index });
    } else if (!outlook) {
      for (const { fig, row } of figuresInTable(b.grid, year)) record(fig, { table: b.index, row });
    }
  }
  return reading;
}

function describe(w: { paragraph?: number; table?: number; row?: number } | undefined): string {
  if (!w) return 'chỗ khác';
  if (w.table !== undefined) return `bảng ${w.table}${w.row !== undefined ? `, dòng ${w.row + 1}` : ''}`;
  return `đoạn ${w.paragraph ?? '?'}`;
}

function quotaIssue(clause: string, sentence: string, paragraph: number, reading: ReportReading, fileName: string): EtlIssue {
  const y = /năm\s+(\d{4})/iu.exec(clause)?.[1] ?? /năm\s+(\d{4})/iu.exec(sentence)?.[1];
  const quotaYear = y ? Number(y) : reading.year === null ? null : reading.period === 'H1' ? reading.year : reading.year + 1;
  const text = clause.replace(/^[-–+•*]\s*/, '').replace(/[.;,]+$/, '').trim();
  return {
    severity: 'info',
    code: 'REPORT_QUOTA',
    message: `Báo cáo "${fileName}" nêu chỉ tiêu${quotaYear ? ` năm ${quotaYear}` : ''} (đoạn ${paragraph}): "${text}". Có thể đưa vào kế hoạch, chỉ tiêu của đơn vị.`,
    value: text,
  };
}

function plainNumber(text: string): number | null {
  const t = text.trim();
  if (!/^\d{1,3}(\.\d{3})*$|^\d+$/.test(t)) return null;
  return parseVietnameseNumber(t);
}

/** "label | number" rows, and one-row tables whose header names the figures. */
export function figuresInTable(grid: Grid, year: number | null): { fig: Figure; row: number }[] {
  const out: { fig: Figure; row: number }[] = [];
  // Figure tables are small; a registration list inside a report is not one.
  if (grid.rows.length > 20 || grid.rows.some((r) => r.length > 6)) return out;
  const rows = grid.rows.map((row) => row.map((c) => (c && !c.mergedInto ? c.text.trim() : '')));
  // Row-oriented: a text label and a plain number on the same row.
  rows.forEach((cells, r) => {
    const nums = cells.map(plainNumber);
    const labels = cells.filter((t, i) => t !== '' && nums[i] === null && !/^(\d{1,2}|[ivx]{1,4})[.)]?$/iu.test(t));
    const numbers = nums.filter((n, i) => n !== null && i > 0) as number[];
    if (labels.length === 0 || numbers.length !== 1) return;
    const label = labels[0] ?? '';
    const value = numbers[0]!;
    const key = figureFromLabel(label, value, year);
    if (key) out.push({ fig: { key, value, text: `${label}: ${value}` }, row: r });
  });
  if (out.length > 0) return out;
  // Column-oriented: the first row names figures; one row of numbers (or a total row) holds them.
  const header = rows[0] ?? [];
  const keys = header.map((h) => (h === '' ? null : figureFromLabel(h, 0, year)));
  if (keys.filter((k) => k !== null).length < 2) return out;
  const numeric = rows.slice(1).map((cells, i) => ({ r: i + 1, cells, vals: keys.map((k, j) => (k ? plainNumber(cells[j] ?? '') : null)) })).filter((x) => x.vals.some((v) => v !== null));
  const total = numeric.find((x) => x.cells.some((c) => /^(tổng|cộng|toàn)/iu.test(c)));
  const pick = numeric.length === 1 ? numeric[0] : total;
  if (!pick) return out;
  keys.forEach((k, i) => {
    const v = pick.vals[i];
    if (k && v !== null && v !== undefined) out.push({ fig: { key: k, value: v, text: `${header[i]}: ${v}` }, row: pick.r });
  });
  return out;
}

export function hasAnyFigure(reading: ReportReading): boolean {
  return FIGURE_KEYS.some((k) => reading.figures[k] !== undefined);
}
