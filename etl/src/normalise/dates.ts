/**
 * Dates as units write them: Excel serials and Date cells, "15/3/2026",
 * "tháng 9/2025", "Quý I/2026", "6 tháng đầu năm 2026", "năm 2026" …
 * Results keep the precision the file had: 'YYYY-MM-DD', 'YYYY-MM' or 'YYYY'.
 * Vietnamese order is day/month, always.
 */
import type { PartialDate } from '../contract.js';
import { fold, nfc } from '../text/vietnamese.js';

export interface DateIssue {
  /** 'INVALID_DATE' (a date that does not exist), 'UNREADABLE_DATE', 'INCOMPLETE_DATE' (no year), 'INVERTED_RANGE'. */
  code: string;
  /** Vietnamese, quotes the text. */
  message: string;
  /** The text as written. */
  value: string;
}

export interface DateResult {
  value: PartialDate | null;
  issue?: DateIssue;
}

export interface DateOptions {
  /** The document's year, used when the text has no year ("15/3"). */
  year?: number | null;
  /** For quarters and half-years: give the last month instead of the first. */
  end?: boolean;
  /** Excel number format of the cell, when known. */
  numFmt?: string;
}

const MIN_YEAR = 1900;
const MAX_YEAR = 2100;
/** Excel serials we take as dates without a date format: 1954-10-04 … 2119-01-11. */
const MIN_SERIAL = 20000;
const MAX_SERIAL = 80000;

const pad2 = (n: number): string => String(n).padStart(2, '0');

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

type Precision = 'day' | 'month' | 'year';

/** Which parts a number format shows: 'mm/yyyy' is a month, 'dd/mm/yyyy' a day. */
export function dateFormatPrecision(numFmt: string | null | undefined): Precision | null {
  if (typeof numFmt !== 'string' || numFmt === '') return null;
  // Drop quoted literals, escapes and [colour]/[$-locale] sections.
  const f = numFmt
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .toLowerCase();
  if (f === 'general' || f === '@') return null;
  const hasD = /d/.test(f);
  const hasY = /y|e/.test(f);
  const hasM = /m/.test(f);
  if (!hasD && !hasY) return null; // "mm:ss", "0.00", "h:mm"
  if (hasD) return 'day';
  if (hasM) return 'month';
  return 'year';
}

function formatParts(y: number, m: number, d: number, precision: Precision): PartialDate {
  if (precision === 'year') return String(y);
  if (precision === 'month') return `${y}-${pad2(m)}`;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

function invalid(text: string, message: string): DateResult {
  return { value: null, issue: { code: 'INVALID_DATE', message, value: text } };
}

function unreadable(text: string): DateResult {
  return {
    value: null,
    issue: { code: 'UNREADABLE_DATE', message: `Không đọc được ngày tháng "${text}"`, value: text },
  };
}

function yearOk(y: number): boolean {
  return Number.isInteger(y) && y >= MIN_YEAR && y <= MAX_YEAR;
}

/** Two-digit years: '15/3/26' → 2026, '15/3/98' → 1998 (pivot 70). */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length > 2) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

function dayDate(text: string, y: number, m: number, d: number): DateResult {
  if (!yearOk(y)) return invalid(text, `Năm trong "${text}" không hợp lệ`);
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return invalid(text, `Ngày "${text}" không tồn tại`);
  return { value: formatParts(y, m, d, 'day') };
}

function monthDate(text: string, y: number, m: number): DateResult {
  if (!yearOk(y)) return invalid(text, `Năm trong "${text}" không hợp lệ`);
  if (m < 1 || m > 12) return invalid(text, `Tháng "${text}" không tồn tại`);
  return { value: formatParts(y, m, 1, 'month') };
}

function yearDate(text: string, y: number): DateResult {
  if (!yearOk(y)) return invalid(text, `Năm trong "${text}" không hợp lệ`);
  return { value: String(y) };
}

/** Excel 1900 date system, with Lotus's phantom 1900-02-29 (serial 60). */
function fromSerial(serial: number, text: string, precision: Precision): DateResult {
  // Round to the minute first: float noise makes 46097 arrive as 46096.99999999.
  const whole = Math.floor(Math.round(serial * 1440) / 1440);
  if (whole === 60) return invalid(text, `Ngày "${text}" không tồn tại (29/02/1900)`);
  if (whole < 1) return unreadable(text);
  const base = whole < 60 ? Date.UTC(1899, 11, 31) : Date.UTC(1899, 11, 30);
  const date = new Date(base + whole * 86_400_000);
  return fromUtcDate(date, text, precision);
}

function fromUtcDate(input: Date, text: string, precision: Precision): DateResult {
  const raw = input.getTime();
  if (!Number.isFinite(raw)) return unreadable(text);
  // Round to the minute: readers' float conversions give 23:59:59.999 for midnight.
  const date = new Date(Math.round(raw / 60_000) * 60_000);
  const y = date.getUTCFullYear();
  if (!yearOk(y)) return invalid(text, `Năm trong "${text}" không hợp lệ`);
  return { value: formatParts(y, date.getUTCMonth() + 1, date.getUTCDate(), precision) };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4 };

function quarterNumber(q: string): number | null {
  const n = ROMAN[q] ?? Number(q);
  return Number.isInteger(n) && n >= 1 && n <= 4 ? n : null;
}

/** Fold and drop the filler words of written dates ("ngày", "tháng", "năm" as words, not digits). */
function dateTokens(text: string): { key: string; hadMonthWord: boolean } {
  const key = fold(text);
  const hadMonthWord = /(^| )(thang|t|t\d{1,2})( |$)/.test(key);
  return { key, hadMonthWord };
}

/**
 * Parse one date. Never throws. Empty → `{ value: null }` without issue;
 * a date that does not exist ("31/11/2026") → null with INVALID_DATE; text
 * that is not a date → null with UNREADABLE_DATE.
 */
export function parseDate(input: string | number | Date | null | undefined, options?: DateOptions): DateResult {
  try {
    return parseDateUnsafe(input, options ?? {});
  } catch {
    const text = typeof input === 'string' ? input : String(input);
    return unreadable(text);
  }
}

function parseDateUnsafe(input: string | number | Date | null | undefined, options: DateOptions): DateResult {
  if (input === null || input === undefined) return { value: null };
  const fmtPrecision = dateFormatPrecision(options.numFmt);
  if (input instanceof Date) {
    return fromUtcDate(input, Number.isFinite(input.getTime()) ? input.toISOString().slice(0, 10) : 'Invalid Date', fmtPrecision ?? 'day');
  }
  if (typeof input === 'number') {
    const text = String(input);
    if (!Number.isFinite(input)) return unreadable(text);
    if (fmtPrecision !== null || (input >= MIN_SERIAL && input <= MAX_SERIAL)) {
      return fromSerial(input, text, fmtPrecision ?? 'day');
    }
    if (Number.isInteger(input) && input >= MIN_YEAR && input <= MAX_YEAR) return { value: String(input) };
    return unreadable(text);
  }
  if (typeof input !== 'string') return { value: null };
  const text = nfc(input);
  if (text === '') return { value: null };
  const r = parseDateText(withoutNotes(text), options);
  // Issues quote the whole cell as written.
  return r.issue ? { value: r.value, issue: { ...r.issue, value: text, message: r.issue.message.replace(`"${withoutNotes(text)}"`, `"${text}"`) } } : r;
}

/** Drops a trailing note in brackets and a leading "dự kiến"/"khoảng": "Tháng 3/2026 (ra mắt)". */
function withoutNotes(text: string): string {
  const t = text
    .replace(/\s*\([^()]*\)\s*$/u, '')
    .replace(/^(?:dự kiến|dự kiến vào|khoảng|vào)\s*:?\s*/iu, '')
    .trim();
  return t === '' ? text : t;
}

/** `strict`: the whole text must be one date (no date picked out of a sentence). */
function parseDateText(text: string, options: DateOptions, strict = false): DateResult {
  const end = options.end === true;
  const docYear = options.year ?? null;
  let m: RegExpMatchArray | null;

  // ISO 'yyyy-mm-dd', optionally with a time ("2026-03-15T00:00:00").
  if ((m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[T\s]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(text))) {
    return dayDate(text, Number(m[1]), Number(m[2]), Number(m[3]));
  }
  // Excel serial typed or exported as text.
  if ((m = /^(\d{5})(?:[.,]\d+)?$/.exec(text))) {
    const n = Number(m[1]);
    if (n >= MIN_SERIAL && n <= MAX_SERIAL) return fromSerial(n, text, 'day');
  }
  // A time of day after the date: "15/03/2026 08:00", "15/3/2026 8h30".
  const withoutTime = text.replace(/(\d)\s+\d{1,2}(?::\d{2}(?::\d{2})?|h\d{0,2})$/iu, '$1');
  const { key: k, hadMonthWord } = dateTokens(withoutTime);
  const key = fold(text);
  if (k === '') return unreadable(text);
  const words = k
    .replace(/(^| )t(\d{1,2})(?= )/g, ' $2') // "T9/2025"
    .replace(/(^| )(ngay|thang|nam|t)(?= |$)/g, ' ')
    .replace(/ +/g, ' ')
    .trim();

  // Half year: "6 tháng đầu năm 2026", "sáu tháng cuối năm 2026".
  if ((m = /^(?:6|sau) thang (dau|cuoi)(?: nam)? (\d{4})$/.exec(k))) {
    const y = Number(m[2]);
    const first = m[1] === 'dau';
    return monthDate(text, y, first ? (end ? 6 : 1) : end ? 12 : 7);
  }
  if ((m = /^(?:6|sau) thang (dau|cuoi)(?: nam)?(?: nay)?$/.exec(k))) {
    if (docYear === null) return incomplete(text);
    const first = m[1] === 'dau';
    return monthDate(text, docYear, first ? (end ? 6 : 1) : end ? 12 : 7);
  }
  // Quarter: "Quý I/2026", "quý 2 năm 2026", "Q1/2026", "QI-2026".
  if ((m = /^(?:quy|qui|q) ?(iv|iii|ii|i|[1-4])(?: nam)? (\d{4}|\d{2})$/.exec(k))) {
    const q = quarterNumber(m[1] ?? '');
    if (q === null) return unreadable(text);
    return monthDate(text, fullYear(m[2] ?? ''), end ? q * 3 : q * 3 - 2);
  }
  if ((m = /^(?:quy|qui) (iv|iii|ii|i|[1-4])$/.exec(k))) {
    if (docYear === null) return incomplete(text);
    const q = quarterNumber(m[1] ?? '');
    if (q !== null) return monthDate(text, docYear, end ? q * 3 : q * 3 - 2);
  }
  // Whole year: "năm 2026", "2026", "cả năm 2026".
  if ((m = /^(?:ca )?(?:nam )?(\d{4})$/.exec(k))) return yearDate(text, Number(m[1]));
  if (/^(?:ca nam|trong nam|nam nay)$/.test(k)) return docYear === null ? incomplete(text) : yearDate(text, docYear);

  // Day, month, year: "15/3/2026", "ngày 15 tháng 3 năm 2026", "15.03.26".
  // Not after a leading "tháng": "tháng 3 - tháng 12/2026" is two months, not 3/12/2026.
  if (!/^(?:thang|t) /.test(k) && (m = /^(\d{1,2}) (\d{1,2}) (\d{4}|\d{2})$/.exec(words))) {
    return dayDate(text, fullYear(m[3] ?? ''), Number(m[2]), Number(m[1]));
  }
  // Month, year: "03/2026", "tháng 9/2025", "tháng 9 năm 2025", "T9/2025".
  if ((m = /^(\d{1,2}) (\d{4})$/.exec(words)) || (hadMonthWord && (m = /^(\d{1,2}) (\d{2})$/.exec(words)))) {
    return monthDate(text, fullYear(m[2] ?? ''), Number(m[1]));
  }
  // Day and month without a year: "15/3" (year from the document).
  if ((m = /^(\d{1,2}) (\d{1,2})$/.exec(words)) && !hadMonthWord) {
    if (docYear !== null) return dayDate(text, docYear, Number(m[2]), Number(m[1]));
    return incomplete(text);
  }
  // A month alone: "tháng 9".
  if (hadMonthWord && (m = /^(\d{1,2})$/.exec(words))) {
    if (docYear !== null) return monthDate(text, docYear, Number(m[1]));
    return incomplete(text);
  }
  // A date inside a sentence: "Hà Nội, ngày 15 tháng 3 năm 2026", "số 12/QĐ-UBND ngày 15/3/2026".
  if (!strict && (m = /(?:^| )ngay (\d{1,2}) (?:thang )?(\d{1,2}) (?:nam )?(\d{4})(?: |$)/.exec(key))) {
    return dayDate(text, Number(m[3]), Number(m[2]), Number(m[1]));
  }
  return unreadable(text);
}

function incomplete(text: string): DateResult {
  return {
    value: null,
    issue: { code: 'INCOMPLETE_DATE', message: `Thời gian "${text}" thiếu năm`, value: text },
  };
}

export interface DateRangeResult {
  start: PartialDate | null;
  end: PartialDate | null;
  issues: DateIssue[];
}

/** Year of a partial date, for carrying it to the other end of a range. */
function yearOf(d: PartialDate | null): number | null {
  if (d === null) return null;
  const y = Number(d.slice(0, 4));
  return Number.isInteger(y) ? y : null;
}

// Separators of a range, strongest first. A bare '-' is tried last because dates use it too.
const RANGE_WORDS = /\s*(?:(?<=^|\s)(?:đến|den|tới|toi)(?=\s)|→|~|–|—|\s-\s)\s*/iu;

/**
 * A period as written: "từ ngày 01/3/2026 đến ngày 30/11/2026",
 * "03/2026 - 12/2026", "Quý I/2026 – Quý IV/2026", "từ 01/02 đến 30/11/2026"
 * (the start takes the end's year). A single period ("năm 2026", "Quý II/2026",
 * "6 tháng đầu năm 2026") gives both ends at its own precision: "năm 2026" and
 * "Cả năm 2026" → '2026'…'2026', a quarter → its first and last month.
 */
export function parseDateRange(input: string, options?: { year?: number | null }): DateRangeResult {
  try {
    return parseDateRangeUnsafe(input, options?.year ?? null);
  } catch {
    return { start: null, end: null, issues: [unreadable(String(input)).issue as DateIssue] };
  }
}

function stripFrom(s: string): string {
  return s.replace(/^(?:từ|tu|kể từ|bắt đầu)\s+/iu, '').trim();
}

function parseDateRangeUnsafe(input: string, year: number | null): DateRangeResult {
  if (typeof input !== 'string') return { start: null, end: null, issues: [] };
  const text = nfc(input);
  if (text === '') return { start: null, end: null, issues: [] };

  const split = splitRange(text, year);
  if (split !== null) return split;

  // One period: both ends from it.
  const lower = text.toLowerCase();
  if (/^(?:đến|tới|trước)\s/u.test(lower)) {
    const e = parseDate(lower.replace(/^(?:đến|tới|trước)\s+(?:ngày\s+)?/u, ''), { year, end: true });
    return { start: null, end: e.value, issues: e.issue ? [{ ...e.issue, value: text }] : [] };
  }
  if (/^(?:từ|kể từ|bắt đầu)\s/u.test(lower)) {
    const s = parseDate(stripFrom(text), { year });
    return { start: s.value, end: null, issues: s.issue ? [{ ...s.issue, value: text }] : [] };
  }
  const s = parseDate(text, { year });
  if (s.value === null) return { start: null, end: null, issues: s.issue ? [s.issue] : [] };
  const e = parseDate(text, { year, end: true });
  return { start: s.value, end: e.value, issues: [] };
}

function splitRange(text: string, year: number | null): DateRangeResult | null {
  // One period whose own text has a dash: "15-03-2026", "Quý 1 - 2026", "tháng 3 - 2026".
  const whole = parseDateText(stripFrom(text), { year }, true);
  if (whole.value !== null || whole.issue?.code === 'INVALID_DATE') return null;
  const candidates: [string, string][] = [];
  const m = RANGE_WORDS.exec(text);
  if (m && m.index > 0) candidates.push([text.slice(0, m.index), text.slice(m.index + m[0].length)]);
  // Bare hyphen between two periods: "03/2026-12/2026", "2025-2030".
  if (candidates.length === 0) {
    for (let i = text.indexOf('-'); i > 0; i = text.indexOf('-', i + 1)) {
      candidates.push([text.slice(0, i), text.slice(i + 1)]);
    }
  }
  for (const [rawStart, rawEnd] of candidates) {
    const left = stripFrom(rawStart);
    const right = rawEnd.trim();
    if (left === '' || right === '') continue;
    const e = parseDate(right, { year, end: true });
    if (e.value === null && e.issue?.code !== 'INVALID_DATE') continue;
    const s = parseDate(left, { year: yearOf(e.value) ?? year });
    if (s.value === null && s.issue?.code !== 'INVALID_DATE') continue;
    const issues: DateIssue[] = [];
    if (s.issue) issues.push(s.issue);
    if (e.issue) issues.push(e.issue);
    if (s.value !== null && e.value !== null && s.value.slice(0, e.value.length) > e.value.slice(0, s.value.length)) {
      issues.push({
        code: 'INVERTED_RANGE',
        message: `Thời gian bắt đầu sau thời gian kết thúc: "${text}"`,
        value: text,
      });
    }
    return { start: s.value, end: e.value, issues };
  }
  return null;
}
