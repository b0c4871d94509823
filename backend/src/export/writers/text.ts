/**
 * The one place every writer passes text through: NFC, no control characters,
 * and the rule that nothing a spreadsheet would execute leaves as a formula.
 */

// C0 controls except tab and newline; they break XML and confuse readers.
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/** Text as every exported file stores it: NFC Unicode, no control characters. */
export function cleanText(value: string | null | undefined): string {
  if (value === null || value === undefined) return '';
  return value.normalize('NFC').replace(CONTROL, '');
}

/**
 * True when a spreadsheet would treat the text as a formula or a DDE call if
 * it were typed in: it starts with = + - @ (or a tab / carriage return
 * hiding one of them).
 */
export function looksLikeFormula(value: string): boolean {
  return /^[\t\r]*[=+\-@]/.test(value);
}

/** Vietnamese upper case for header lines ("Đảng ủy xã Đông Hòa" → "ĐẢNG ỦY XÃ ĐÔNG HÒA"). */
export const upper = (value: string): string => cleanText(value).toLocaleUpperCase('vi-VN');

/** The calendar day of an instant in Vietnam (UTC+7, no daylight saving), whatever the server's time zone. */
export function vietnamDay(date: Date): { year: number; month: number; day: number } {
  const local = new Date(date.getTime() + 7 * 3600_000);
  return { year: local.getUTCFullYear(), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

const two = (n: number): string => String(n).padStart(2, '0');

/** "ngày 05 tháng 12 năm 2026" — days and months under 10 written with a leading zero, as offices do. */
export function vietnameseDate(date: Date): string {
  const { year, month, day } = vietnamDay(date);
  return `ngày ${two(day)} tháng ${two(month)} năm ${year}`;
}

/** 'YYYY-MM-DD' of the day in Vietnam. */
export function isoDay(date: Date): string {
  const { year, month, day } = vietnamDay(date);
  return `${year}-${two(month)}-${two(day)}`;
}

/** A stored partial date ('2026-11-20', '2026-11', '2026') as Vietnamese readers write it. */
export function partialDate(value: string | null | undefined): string {
  if (!value) return '';
  const m = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/.exec(value);
  if (!m) return cleanText(value);
  const [, y, mo, d] = m;
  if (d && mo) return `${d}/${mo}/${y}`;
  if (mo) return `${mo}/${y}`;
  return y ?? '';
}

/** Counts as Vietnamese readers write them (1.234) and ratios as "52,3%". */
// One formatter each: building an Intl.NumberFormat costs far more than using one (thousands of table cells).
const COUNT = new Intl.NumberFormat('vi-VN');
const PERCENT = new Intl.NumberFormat('vi-VN', { style: 'percent', maximumFractionDigits: 1 });
export const count = (n: number): string => COUNT.format(n);
export const percent = (ratio: number | null): string => (ratio === null ? '—' : PERCENT.format(ratio));

/** Two-digit counts as the seeds write quotas ("03 mô hình", "12 mô hình"). */
export const padded = (n: number): string => (n >= 0 && n < 10 ? `0${n}` : count(n));
