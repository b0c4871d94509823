import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { fold, isUpperCaseText, lowerKey, nfc, normaliseTonePlacement } from '../../src/text/vietnamese.js';
import { SEED_SENTENCES, VIETNAMESE_LETTERS } from './fixtures.js';

const vietnameseText = fc
  .array(fc.constantFrom(...VIETNAMESE_LETTERS, ' ', ' ', ',', '-', '1', '2', '“', '”'), { maxLength: 60 })
  .map((cs) => cs.join(''));

describe('nfc', () => {
  it.each([
    ['Mac NFD text', 'Đảng ủy xã'.normalize('NFD'), 'Đảng ủy xã'],
    ['combining tone after a precomposed letter', 'Ke\u0302\u0301 hoa\u0323ch', 'Kế hoạch'],
    ['ê + combining acute', 'ti\u00ea\u0301ng', 'tiếng'],
    ['NBSP and line breaks inside a cell', '  Tên\u00a0mô\r\nhình \t ', 'Tên mô hình'],
    ['zero-width characters', 'Dân\u200b vận', 'Dân vận'],
    ['empty', '   ', ''],
  ])('%s', (_label, input, expected) => {
    expect(nfc(input)).toBe(expected);
    expect(nfc(input)).toBe(nfc(input).normalize('NFC'));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => nfc(nfc(s)) === nfc(s)));
  });
});

describe('normaliseTonePlacement', () => {
  it.each([
    ['hoà', 'hòa'],
    ['Hoà Bình', 'Hòa Bình'],
    ['thuỷ lợi', 'thủy lợi'],
    ['uỷ ban', 'ủy ban'],
    ['Uỷ ban nhân dân', 'Ủy ban nhân dân'],
    ['UỶ BAN', 'ỦY BAN'],
    ['khoẻ', 'khỏe'],
    ['hoá', 'hóa'],
    ['HOÀ GIẢI', 'HÒA GIẢI'],
    ['xoá đói', 'xóa đói'],
    ['tuỳ', 'tùy'],
    ['Đảng uỷ xã Đông La', 'Đảng ủy xã Đông La'],
    // unchanged: the tone already sits where both styles agree
    ['quý', 'quý'],
    ['Quỳnh', 'Quỳnh'],
    ['hoàn thành', 'hoàn thành'],
    ['thuyền', 'thuyền'],
    ['ngoài', 'ngoài'],
    ['hòa', 'hòa'],
    ['toán', 'toán'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseTonePlacement(input)).toBe(expected);
  });

  it('accepts NFD input', () => {
    expect(normaliseTonePlacement('thuỷ'.normalize('NFD'))).toBe('thủy');
  });

  it('is idempotent and keeps the folded text', () => {
    fc.assert(
      fc.property(vietnameseText, (s) => {
        const once = normaliseTonePlacement(s);
        return normaliseTonePlacement(once) === once && fold(once) === fold(s);
      }),
    );
  });
});

describe('fold', () => {
  it.each([
    ['Đảng uỷ xã Đông La', 'dang uy xa dong la'],
    ['dang uy xa dong la', 'dang uy xa dong la'],
    ['  I. LĨNH VỰC KINH TẾ ', 'i linh vuc kinh te'],
    ['Văn hoá – xã hội', 'van hoa xa hoi'],
    ['QP-AN', 'qp an'],
    ['“Dân vận khéo”', 'dan van kheo'],
    ['Thời gian\u00a0thực hiện\r\n(từ … đến …)', 'thoi gian thuc hien tu den'],
    ['ĐU xã', 'du xa'],
    ['Số 12/QĐ-UBND', 'so 12 qd ubnd'],
    ['', ''],
    ['Điều ⑴', 'dieu 1'],
    ['ｆｕｌｌ', 'full'],
  ])('%s → %s', (input, expected) => {
    expect(fold(input)).toBe(expected);
  });

  it('treats NFD, old-style tones and case as equal', () => {
    expect(fold('Đảng uỷ xã Đông La')).toBe(fold('dang uy xa dong la'));
    expect(fold('Hòa'.normalize('NFD'))).toBe(fold('HOÀ'));
  });

  it('is idempotent', () => {
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => fold(fold(s)) === fold(s)), { numRuns: 1000 });
    // earlier counterexamples: marks of other scripts, compatibility characters
    for (const s of ['क़', 'آ', 'ཌྷ', '⑴', 'İ']) expect(fold(fold(s))).toBe(fold(s));
    fc.assert(fc.property(vietnameseText, (s) => fold(fold(s)) === fold(s)));
  });

  it('is insensitive to NFC/NFD and tone placement', () => {
    fc.assert(
      fc.property(vietnameseText, (s) => {
        const f = fold(s);
        return fold(s.normalize('NFD')) === f && fold(normaliseTonePlacement(s)) === f && fold(s.toUpperCase()) === f;
      }),
    );
  });

  it('gives only lower-case ASCII letters, digits and single spaces for Vietnamese text', () => {
    fc.assert(fc.property(vietnameseText, (s) => /^(?:[a-z0-9]+(?: [a-z0-9]+)*)?$/.test(fold(s))));
    for (const s of SEED_SENTENCES) expect(fold(s)).toMatch(/^[a-z0-9]+(?: [a-z0-9]+)*$/);
  });
});

describe('isUpperCaseText and lowerKey', () => {
  it.each([
    ['ĐẢNG BỘ XÃ', true],
    ['DANH SÁCH ĐĂNG KÝ NĂM 2026', true],
    ['Đảng bộ xã', false],
    ['2026', false],
    ['', false],
  ])('isUpperCaseText(%s) = %s', (s, expected) => {
    expect(isUpperCaseText(s)).toBe(expected);
  });

  it('lowerKey keeps diacritics, new-style tones, lower case', () => {
    expect(lowerKey('  ĐẢNG UỶ  Xã ')).toBe('đảng ủy xã');
  });
});
