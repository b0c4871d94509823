import { describe, it, expect } from 'vitest';
import type { Level } from '../../src/contract.js';
import { parseLevel } from '../../src/normalise/levels.js';

describe('parseLevel', () => {
  it.each<[string | null, number | null, Level | null]>([
    ['cấp xã', null, 'commune'],
    ['Cấp xã', 2026, 'commune'],
    ['cấp cơ sở', null, 'commune'],
    ['xã', null, 'commune'],
    ['phường', null, 'commune'],
    ['thị trấn', null, 'commune'],
    ['Đảng ủy xã Đông La', null, 'commune'],
    ['Đảng uỷ xã Đông La, huyện Đông Hưng, tỉnh Thái Bình', null, 'commune'],
    ['cap xa', null, 'commune'],
    ['cấp huyện', null, 'district'],
    ['huyện', null, 'district'],
    ['Huyện ủy Chi Lăng', 2023, 'district'],
    ['thị xã', null, 'district'],
    ['Thị xã Ninh Hòa', 2023, 'district'],
    ['Thị ủy', 2023, 'district'],
    ['quận', null, 'district'],
    ['Quận ủy Ba Đình', 2024, 'district'],
    ['cấp tỉnh', null, 'province'],
    ['tỉnh', null, 'province'],
    ['Tỉnh ủy', null, 'province'],
    ['Tỉnh uỷ Lạng Sơn', 2023, 'province'],
    // city level depends on the year
    ['cấp thành phố', 2023, 'district'],
    ['cấp thành phố', 2024, 'district'],
    ['Thành ủy', 2026, 'province'],
    ['cấp thành phố', 2026, 'province'],
    ['Thành uỷ', 2027, 'province'],
    ['cấp thành phố', 2025, 'district'],
    ['Thành ủy (sau hợp nhất)', 2025, 'province'],
    ['cấp thành phố', null, null],
    ['Thành ủy Hà Nội', 2020, 'province'],
    ['Thành phố Hồ Chí Minh', null, 'province'],
    // no level
    ['Quân sự', null, null],
    ['Văn hóa', null, null],
    ['Tính đến ngày 30/6', null, null],
    ['Quân sự xã', null, 'commune'],
    ['cap huyen', null, 'district'],
    ['cap tinh', null, 'province'],
    ['cap thanh pho', 2026, 'province'],
    ['Huyện ủy Chi Lăng, tỉnh Lạng Sơn', 2023, 'district'],
    ['', null, null],
    [null, null, null],
  ])('%s (%s) → %s', (text, year, expected) => {
    expect(parseLevel(text, year)).toBe(expected);
  });
});
