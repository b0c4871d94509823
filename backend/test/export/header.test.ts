import { describe, expect, it } from 'vitest';
import { committeeOf, headerOf, placeName } from '../../src/export/header.js';

describe('header block wording', () => {
  const province = { name: 'Tỉnh Hải Đông', kind: 'province' };
  const commune = { name: 'Xã Đông Hòa', kind: 'commune' };

  it('names the party committee of an administrative unit as the seeds do', () => {
    expect(committeeOf(province)).toBe('Tỉnh ủy Hải Đông');
    expect(committeeOf({ name: 'Thành phố Hải Phòng', kind: 'province' })).toBe('Thành ủy Hải Phòng');
    expect(committeeOf({ name: 'Thị xã Kim Sơn', kind: 'district' })).toBe('Thị ủy Kim Sơn');
    expect(committeeOf({ name: 'Huyện Chi Lăng', kind: 'district' })).toBe('Huyện ủy Chi Lăng');
    expect(committeeOf(commune)).toBe('Đảng ủy xã Đông Hòa');
    expect(placeName('Thị trấn Kim Sơn')).toBe('Kim Sơn');
  });

  it('puts the party organisation above the issuing committee, and the place before the date', () => {
    expect(headerOf(commune, province, null)).toEqual({
      unitName: 'Xã Đông Hòa', issuerLine: 'Đảng ủy xã Đông Hòa', parentLine: 'Đảng bộ tỉnh Hải Đông', superior: 'Tỉnh ủy Hải Đông', collective: 'Toàn Đảng bộ', place: 'Đông Hòa',
    });
    // A party committee registered under its commune: the commune's parent gives the upper line.
    expect(headerOf({ name: 'Đảng ủy xã Đông Hòa', kind: 'party_committee' }, commune, province)).toEqual({
      unitName: 'Đảng ủy xã Đông Hòa', issuerLine: 'Đảng ủy xã Đông Hòa', parentLine: 'Đảng bộ tỉnh Hải Đông', superior: 'Tỉnh ủy Hải Đông', collective: 'Toàn Đảng bộ', place: 'Đông Hòa',
    });
    expect(headerOf(province, null, null)).toMatchObject({ issuerLine: 'Tỉnh ủy Hải Đông', parentLine: null, place: 'Hải Đông' });
    expect(headerOf({ name: 'Hội Nông dân xã Đông Hòa', kind: 'mass_organisation' }, commune, province)).toMatchObject({
      issuerLine: 'Hội Nông dân xã Đông Hòa', parentLine: 'Đảng bộ xã Đông Hòa', collective: 'Toàn đơn vị', place: 'Đông Hòa',
    });
  });
});
