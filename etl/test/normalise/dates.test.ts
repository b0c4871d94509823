import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { dateFormatPrecision, parseDate, parseDateRange } from '../../src/normalise/dates.js';

const PARTIAL_DATE = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;

/** A partial date string that names a real day/month/year. */
function isRealPartialDate(v: string): boolean {
  if (!PARTIAL_DATE.test(v)) return false;
  const [y, m, d] = v.split('-').map(Number);
  if (m === undefined) return true;
  if (m < 1 || m > 12) return false;
  if (d === undefined) return true;
  const date = new Date(Date.UTC(y ?? 0, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

describe('parseDate: text', () => {
  it.each([
    ['15/03/2026', '2026-03-15'],
    ['1/3/2026', '2026-03-01'],
    ['15-3-2026', '2026-03-15'],
    ['15.03.2026', '2026-03-15'],
    ['15 / 3 / 2026', '2026-03-15'],
    ['2026-03-15', '2026-03-15'],
    ['2026-03-15T00:00:00', '2026-03-15'],
    ['15/03/2026 08:00', '2026-03-15'],
    ['15/3/26', '2026-03-15'],
    ['29/02/2024', '2024-02-29'],
    ['ngày 15 tháng 3 năm 2026', '2026-03-15'],
    ['Ngày 05/02/2026', '2026-02-05'],
    ['Hà Nội, ngày 15 tháng 3 năm 2026', '2026-03-15'],
    ['Số 12/QĐ-UBND ngày 15/3/2026', '2026-03-15'],
    ['03/2026', '2026-03'],
    ['3/2026', '2026-03'],
    ['tháng 9/2025', '2025-09'],
    ['Tháng 9 năm 2025', '2025-09'],
    ['tháng 09-2025', '2025-09'],
    ['T9/2025', '2025-09'],
    ['Quý I/2026', '2026-01'],
    ['quý 2 năm 2026', '2026-04'],
    ['Quý IV/2026', '2026-10'],
    ['Qúy III - 2026', '2026-07'],
    ['6 tháng đầu năm 2026', '2026-01'],
    ['6 tháng cuối năm 2026', '2026-07'],
    ['năm 2026', '2026'],
    ['Năm 2026', '2026'],
    ['2026', '2026'],
    ['Cả năm 2026', '2026'],
    ['46097', '2026-03-16'],
    ['15/3/98', '1998-03-15'],
    ['Tháng 3/2026 (ra mắt)', '2026-03'],
    ['Dự kiến: 15/3/2026', '2026-03-15'],
    ['15/3/2026.', '2026-03-15'],
  ])('%s → %s', (text, expected) => {
    expect(parseDate(text)).toEqual({ value: expected });
  });

  it.each([
    ['Quý I/2026', '2026-03'],
    ['quý 2 năm 2026', '2026-06'],
    ['Quý IV/2026', '2026-12'],
    ['6 tháng đầu năm 2026', '2026-06'],
    ['6 tháng cuối năm 2026', '2026-12'],
    ['năm 2026', '2026'],
    ['15/03/2026', '2026-03-15'],
  ])('end: %s → %s', (text, expected) => {
    expect(parseDate(text, { end: true }).value).toBe(expected);
  });

  it('takes the year from the document when the text has none', () => {
    expect(parseDate('15/3', { year: 2026 })).toEqual({ value: '2026-03-15' });
    expect(parseDate('tháng 9', { year: 2025 })).toEqual({ value: '2025-09' });
    expect(parseDate('Quý II', { year: 2026, end: true })).toEqual({ value: '2026-06' });
    expect(parseDate('Cả năm', { year: 2026 })).toEqual({ value: '2026' });
    expect(parseDate('6 tháng đầu năm', { year: 2026, end: true })).toEqual({ value: '2026-06' });
    expect(parseDate('6 tháng đầu năm').issue?.code).toBe('INCOMPLETE_DATE');
    expect(parseDate('Quý II').issue?.code).toBe('INCOMPLETE_DATE');
    expect(parseDate('Cả năm').issue?.code).toBe('INCOMPLETE_DATE');
    expect(parseDate('tháng 9').issue?.code).toBe('INCOMPLETE_DATE');
  });

  it('reports a missing year', () => {
    expect(parseDate('15/3')).toEqual({
      value: null,
      issue: { code: 'INCOMPLETE_DATE', message: 'Thời gian "15/3" thiếu năm', value: '15/3' },
    });
  });

  it.each([
    ['31/11/2026', 'Ngày "31/11/2026" không tồn tại'],
    ['30/02/2026', 'Ngày "30/02/2026" không tồn tại'],
    ['29/02/2026', 'Ngày "29/02/2026" không tồn tại'],
    ['15/13/2026', 'Ngày "15/13/2026" không tồn tại'],
    ['03/15/2026', 'Ngày "03/15/2026" không tồn tại'],
    ['00/03/2026', 'Ngày "00/03/2026" không tồn tại'],
    ['13/2026', 'Tháng "13/2026" không tồn tại'],
    ['2026-02-30', 'Ngày "2026-02-30" không tồn tại'],
    ['ngày 31 tháng 11 năm 2026', 'Ngày "ngày 31 tháng 11 năm 2026" không tồn tại'],
  ])('invalid: %s', (text, message) => {
    expect(parseDate(text)).toEqual({ value: null, issue: { code: 'INVALID_DATE', message, value: text } });
  });

  it('quotes the text as written (after whitespace clean-up)', () => {
    expect(parseDate('  31/11/2026 ').issue?.value).toBe('31/11/2026');
    expect(parseDate('31/11/2026 (dự kiến)').issue).toEqual({
      code: 'INVALID_DATE',
      message: 'Ngày "31/11/2026 (dự kiến)" không tồn tại',
      value: '31/11/2026 (dự kiến)',
    });
  });

  it.each(['hello', 'Thường xuyên', 'chưa xác định', '12 mô hình', 'x'])('unreadable: %s', (text) => {
    const r = parseDate(text);
    expect(r.value).toBeNull();
    expect(r.issue?.code).toBe('UNREADABLE_DATE');
    expect(r.issue?.value).toBe(text);
    expect(r.issue?.message).toContain(`"${text}"`);
  });

  it.each([null, undefined, '', '   ', '\u00a0'])('empty %s → null without issue', (input) => {
    expect(parseDate(input)).toEqual({ value: null });
  });
});

describe('parseDate: numbers and Date cells', () => {
  it.each([
    [46097, '2026-03-16'],
    [46097.75, '2026-03-16'], // a time of day is dropped
    [46096.9999999, '2026-03-16'], // float noise
    [45658, '2025-01-01'],
    [25569, '1970-01-01'],
    [36526, '2000-01-01'],
  ])('serial %s → %s', (serial, expected) => {
    expect(parseDate(serial)).toEqual({ value: expected });
  });

  it('honours the 1900 leap-year bug for small serials with a date format', () => {
    expect(parseDate(59, { numFmt: 'dd/mm/yyyy' })).toEqual({ value: '1900-02-28' });
    expect(parseDate(61, { numFmt: 'dd/mm/yyyy' })).toEqual({ value: '1900-03-01' });
    expect(parseDate(60, { numFmt: 'dd/mm/yyyy' }).issue?.code).toBe('INVALID_DATE');
  });

  it('reads the precision from the number format', () => {
    expect(parseDate(46082, { numFmt: 'mm/yyyy' })).toEqual({ value: '2026-03' });
    expect(parseDate(46082, { numFmt: '"Tháng "m" năm "yyyy' })).toEqual({ value: '2026-03' });
    expect(parseDate(46082, { numFmt: '[$-42A]dd/mm/yyyy' })).toEqual({ value: '2026-03-01' });
    expect(parseDate(new Date(Date.UTC(2026, 2, 1)), { numFmt: 'mm/yyyy' })).toEqual({ value: '2026-03' });
  });

  it('takes years and leaves other numbers alone', () => {
    expect(parseDate(2026)).toEqual({ value: '2026' });
    expect(parseDate(5).issue?.code).toBe('UNREADABLE_DATE');
    expect(parseDate(1234567).issue?.code).toBe('UNREADABLE_DATE');
    expect(parseDate(Number.NaN).issue?.code).toBe('UNREADABLE_DATE');
  });

  it('reads Date cells in UTC', () => {
    expect(parseDate(new Date(Date.UTC(2026, 2, 15)))).toEqual({ value: '2026-03-15' });
    expect(parseDate(new Date(Date.UTC(2026, 11, 31, 23, 0)))).toEqual({ value: '2026-12-31' });
    expect(parseDate(new Date(Date.UTC(2026, 2, 15) - 1))).toEqual({ value: '2026-03-15' }); // 23:59:59.999 noise
    expect(parseDate(new Date(Number.NaN)).value).toBeNull();
  });

  it.each([
    ['dd/mm/yyyy', 'day'],
    ['d/m/yy', 'day'],
    ['mm/yyyy', 'month'],
    ['yyyy', 'year'],
    ['General', null],
    ['0.00', null],
    ['h:mm', null],
    ['#,##0', null],
  ])('dateFormatPrecision(%s) = %s', (fmt, expected) => {
    expect(dateFormatPrecision(fmt)).toBe(expected);
  });
});

describe('parseDate: properties', () => {
  const dateish = fc
    .array(
      fc.constantFrom('1', '15', '31', '02', '13', '2026', '26', '/', '-', '.', ' ', 'tháng ', 'năm ', 'ngày ', 'Quý ', 'I', 'IV', '6 tháng đầu ', 'từ '),
      { maxLength: 12 },
    )
    .map((a) => a.join(''));

  const ok = (r: ReturnType<typeof parseDate>): boolean =>
    r.value === null ? r.issue === undefined || typeof r.issue.code === 'string' : isRealPartialDate(r.value);

  it('never throws and returns a real partial date or null', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string(), fc.string({ unit: 'binary' }), dateish, fc.double(), fc.integer(), fc.date(), fc.constant(null)),
        fc.option(fc.integer({ min: 1800, max: 2300 })),
        fc.boolean(),
        (input, year, end) => ok(parseDate(input, { year, end })),
      ),
      { numRuns: 2000 },
    );
  });

  it('round-trips every real day written dd/mm/yyyy', () => {
    fc.assert(
      fc.property(fc.integer({ min: -7300, max: 47000 }), fc.integer({ min: 0, max: 23 * 3600_000 }), (days, ms) => {
        const d = new Date(days * 86_400_000 + ms); // a day between 1950 and 2098, at some time before 23:00 UTC
        const y = d.getUTCFullYear();
        const m = d.getUTCMonth() + 1;
        const day = d.getUTCDate();
        const iso = `${y}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        return parseDate(`${day}/${m}/${y}`).value === iso && parseDate(d).value === iso;
      }),
    );
  });

  it('parseDateRange never throws', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), dateish), (s) => {
        const r = parseDateRange(s);
        return (r.start === null || isRealPartialDate(r.start)) && (r.end === null || isRealPartialDate(r.end));
      }),
      { numRuns: 1000 },
    );
  });
});

describe('parseDateRange', () => {
  it.each([
    ['từ ngày 01/3/2026 đến ngày 30/11/2026', '2026-03-01', '2026-11-30'],
    ['Từ 01/3/2026 đến 30/11/2026', '2026-03-01', '2026-11-30'],
    ['từ tháng 3/2026 đến tháng 12/2026', '2026-03', '2026-12'],
    ['03/2026 - 12/2026', '2026-03', '2026-12'],
    ['03/2026-12/2026', '2026-03', '2026-12'],
    ['01/3/2026 – 30/11/2026', '2026-03-01', '2026-11-30'],
    ['Quý I/2026 – Quý IV/2026', '2026-01', '2026-12'],
    ['Quý II/2026', '2026-04', '2026-06'],
    ['năm 2026', '2026', '2026'],
    ['Cả năm 2026', '2026', '2026'],
    ['6 tháng đầu năm 2026', '2026-01', '2026-06'],
    ['từ 01/02 đến 30/11/2026', '2026-02-01', '2026-11-30'],
    ['từ tháng 3 đến tháng 12/2026', '2026-03', '2026-12'],
    ['2025 - 2030', '2025', '2030'],
    ['2025-2030', '2025', '2030'],
    ['15-03-2026', '2026-03-15', '2026-03-15'],
    ['tháng 9/2025', '2025-09', '2025-09'],
    ['từ năm 2024', '2024', null],
    ['đến 30/11/2026', null, '2026-11-30'],
    ['Quý 1 - 2026', '2026-01', '2026-03'],
    ['tháng 3 - tháng 12/2026', '2026-03', '2026-12'],
    ['tháng 3 - 2026', '2026-03', '2026-03'],
    ['15/3 - 20/3/2026', '2026-03-15', '2026-03-20'],
    ['ngày 15/3/2026 - ngày 20/3/2026', '2026-03-15', '2026-03-20'],
    ['Năm 2026 - 2027', '2026', '2027'],
  ])('%s → %s … %s', (text, start, end) => {
    expect(parseDateRange(text)).toEqual({ start, end, issues: [] });
  });

  it('uses the document year for day-month ranges', () => {
    expect(parseDateRange('từ 01/02 đến 30/11', { year: 2026 })).toEqual({ start: '2026-02-01', end: '2026-11-30', issues: [] });
  });

  it('keeps the good end and reports an impossible one', () => {
    const r = parseDateRange('từ 01/3/2026 đến 31/11/2026');
    expect(r.start).toBe('2026-03-01');
    expect(r.end).toBeNull();
    expect(r.issues).toEqual([{ code: 'INVALID_DATE', message: 'Ngày "31/11/2026" không tồn tại', value: '31/11/2026' }]);
  });

  it('reports a range that ends before it starts', () => {
    const r = parseDateRange('từ 01/12/2026 đến 01/03/2026');
    expect(r.start).toBe('2026-12-01');
    expect(r.end).toBe('2026-03-01');
    expect(r.issues.map((i) => i.code)).toEqual(['INVERTED_RANGE']);
  });

  it('reports unreadable text and returns nothing for empty text', () => {
    expect(parseDateRange('Thường xuyên').issues.map((i) => i.code)).toEqual(['UNREADABLE_DATE']);
    expect(parseDateRange('')).toEqual({ start: null, end: null, issues: [] });
  });
});
