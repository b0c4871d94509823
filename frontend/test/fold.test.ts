import { describe, expect, it } from 'vitest';
import { fold, highlight } from '../src/lib/fold';

describe('fold', () => {
  it('ignores case, diacritics, tone placement and đ', () => {
    expect(fold('Hòa giải')).toBe('hoa giai');
    expect(fold('hoà giải')).toBe('hoa giai');
    expect(fold('ĐẢNG ỦY')).toBe('dang uy');
    // NFD input (files from Macs)
    expect(fold('Hòa giải'.normalize('NFD'))).toBe('hoa giai');
  });
});

describe('highlight', () => {
  it('marks what matched in the original spelling', () => {
    expect(highlight('Tổ hòa giải ở cơ sở', 'hoa giai')).toEqual([
      { text: 'Tổ ', match: false },
      { text: 'hòa giải', match: true },
      { text: ' ở cơ sở', match: false },
    ]);
  });
  it('matches every word wherever it is, and leaves text alone without a query', () => {
    expect(highlight('Dân vận khéo', 'kheo dan').filter((p) => p.match).map((p) => p.text)).toEqual(['Dân', 'khéo']);
    expect(highlight('Dân vận', '  ')).toEqual([{ text: 'Dân vận', match: false }]);
  });
});
