import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { parseVietnameseNumber } from '../../src/normalise/numbers.js';

describe('parseVietnameseNumber', () => {
  it.each<[string, number | null]>([
    ['05', 5],
    ['12', 12],
    ['0', 0],
    [' 7 ', 7],
    ['1.250', 1250],
    ['1.250.000', 1250000],
    ['2,5', 2.5],
    ['50%', 50],
    ['50 %', 50],
    ['12,5%', 12.5],
    ['05 mô hình', 5],
    ['03 (ba)', 3],
    ['mười', 10],
    ['mười hai', 12],
    ['mười lăm', 15],
    ['hai mươi', 20],
    ['hai mươi mốt', 21],
    ['năm mươi lăm', 55],
    ['bốn mươi tư', 44],
    ['một trăm', 100],
    ['một trăm linh năm', 105],
    ['một trăm lẻ năm', 105],
    ['hai trăm ba mươi bảy', 237],
    ['một nghìn hai trăm', 1200],
    ['không', 0],
    ['năm', 5],
    ['Mười Hai', 12],
    ['', null],
    ['abc', null],
    ['12/15', null],
    ['hai ba', null],
    ['Tổng cộng', null],
  ])('%s → %s', (text, expected) => {
    expect(parseVietnameseNumber(text)).toBe(expected);
  });

  it('reads every integer written with thousands dots', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (n) => {
        const written = n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, '.');
        return parseVietnameseNumber(written) === n;
      }),
    );
  });

  it('never throws', () => {
    fc.assert(fc.property(fc.string(), (s) => {
      const r = parseVietnameseNumber(s);
      return r === null || Number.isFinite(r);
    }));
  });
});
