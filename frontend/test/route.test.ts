import { describe, expect, it } from 'vitest';
import { hrefOf, intParam, parseHash, routeHref } from '../src/lib/route';

describe('routes in the hash', () => {
  it('parses every page', () => {
    expect(parseHash('')).toEqual({ page: 'overview', id: null, query: {} });
    expect(parseHash('#/?unit=12&year=2026&field=economy')).toEqual({ page: 'overview', id: null, query: { unit: '12', year: '2026', field: 'economy' } });
    expect(parseHash('#/don-vi/7?year=2025')).toEqual({ page: 'unit', id: 7, query: { year: '2025' } });
    expect(parseHash('#/mo-hinh?q=hoa+giai')).toEqual({ page: 'models', id: null, query: { q: 'hoa giai' } });
    expect(parseHash('#/nhat-ky?action=upload')).toEqual({ page: 'audit', id: null, query: { action: 'upload' } });
    expect(hrefOf('audit', null, { user: 'admin', action: 'export' })).toBe('#/nhat-ky?action=export&user=admin');
    expect(parseHash('#/mo-hinh/34').page).toBe('model');
    expect(parseHash('#/tai-len?batch=3')).toEqual({ page: 'upload', id: null, query: { batch: '3' } });
    expect(parseHash('#/duyet').page).toBe('review');
  });

  it('sends unknown or malformed paths to "not found"', () => {
    expect(parseHash('#/khong-co').page).toBe('not_found');
    expect(parseHash('#/don-vi').page).toBe('not_found');
    expect(parseHash('#/don-vi/abc').page).toBe('not_found');
    expect(parseHash('#/mo-hinh/1/2').page).toBe('not_found');
  });

  it('writes links with sorted keys and no empty values, so equal views give equal links', () => {
    expect(hrefOf('overview', null, { year: 2026, unit: 3, field: null, level: '' })).toBe('#/?unit=3&year=2026');
    expect(hrefOf('models', null, { q: 'hòa giải', page: 2 })).toBe('#/mo-hinh?page=2&q=h%C3%B2a+gi%E1%BA%A3i');
    expect(hrefOf('model', 9)).toBe('#/mo-hinh/9');
  });

  it('round-trips: a link reproduces the view', () => {
    for (const hash of ['#/?field=economy&level=district&unit=3&year=2026', '#/mo-hinh?order=desc&page=3&q=h%C3%B2a+gi%E1%BA%A3i&sort=year', '#/don-vi/4?year=2024']) {
      expect(routeHref(parseHash(hash))).toBe(hash);
    }
  });

  it('reads integer parameters defensively', () => {
    expect(intParam({ year: '2026' }, 'year')).toBe(2026);
    expect(intParam({ year: '20x6' }, 'year')).toBeNull();
    expect(intParam({}, 'year')).toBeNull();
  });
});
