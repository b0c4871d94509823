import { describe, it, expect } from 'vitest';
import type { RegistrationStatus } from '../../src/contract.js';
import { isMark, parseStatus } from '../../src/normalise/status.js';

describe('parseStatus', () => {
  it.each<[string | null | undefined, RegistrationStatus | null]>([
    ['Mới', 'new'],
    ['mới', 'new'],
    ['MỚI', 'new'],
    ['Đăng ký mới', 'new'],
    ['XD mới', 'new'],
    ['Xây dựng mới', 'new'],
    ['Mô hình mới', 'new'],
    ['M', 'new'],
    ['Duy trì', 'continued'],
    ['Duy trì (từ năm 2023)', 'continued'],
    ['Tiếp tục', 'continued'],
    ['Tiếp tục thực hiện', 'continued'],
    ['DT', 'continued'],
    ['Nhân rộng', 'replicated'],
    ['Nhân rộng mô hình', 'replicated'],
    ['NR', 'replicated'],
    ['Loại bỏ', 'dropped'],
    ['Không tiếp tục', 'dropped'],
    ['Không tiếp tục thực hiện', 'dropped'],
    ['x', null],
    ['', null],
    [null, null],
    [undefined, null],
    ['Ghi chú', null],
    ['Môi trường', null],
    ['Mời họp', null],
    ['moi', 'new'],
    ['duy tri', 'continued'],
    ['nhan rong', 'replicated'],
    ['Duy trì, nâng cao', 'continued'],
    ['Đăng ký mới.', 'new'],
  ])('%s → %s', (text, expected) => {
    expect(parseStatus(text)).toBe(expected);
  });
});

describe('isMark', () => {
  it.each(['x', 'X', ' x ', '✓', '✔', '☑', '☒', '■', '[x]', '[X]', 'v', 'V', 'có', 'Có', '1'])('%s marks', (t) => {
    expect(isMark(t)).toBe(true);
  });
  it.each(['', ' ', '0', '☐', '□', '-', 'không', 'Mới', '2', null, undefined])('%s does not mark', (t) => {
    expect(isMark(t)).toBe(false);
  });
});
