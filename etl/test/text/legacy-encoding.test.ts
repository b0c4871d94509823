import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import {
  decodeLegacyText,
  decodeWindows1258,
  detectLegacyEncoding,
  isTcvn3Font,
  isTcvn3UpperCaseFont,
  isVniFont,
  tcvn3ToUnicode,
  unicodeToTcvn3,
  unicodeToVni,
  vniToUnicode,
} from '../../src/text/legacy-encoding.js';
import { SEED_SENTENCES, VIETNAMESE_LETTERS } from './fixtures.js';

/** Code points as a legacy-font document stores them, built from byte values so the test does not trust its own glyphs. */
const bytes = (...parts: (string | number)[]): string =>
  parts.map((p) => (typeof p === 'number' ? String.fromCharCode(p) : p)).join('');

describe('TCVN3 (ABC, .VnTime fonts)', () => {
  // Each pair checked by hand against the TCVN 5712 VN3 code table.
  it.each([
    // § = A7 Đ, ¶ = B6 ả, é = E9 ộ, · = B7 ã
    [bytes(0xa7, 0xb6, 'ng b', 0xe9, ' x', 0xb7), 'Đảng bộ xã'],
    // ¸ = B8 á
    [bytes('Th', 0xb8, 'ng'), 'Tháng'],
    // ¨ = A8 ă
    [bytes('N', 0xa8, 'm 2026'), 'Năm 2026'],
    // è = E8 ố, ß = DF ò
    [bytes('Qu', 0xe8, 'c ph', 0xdf, 'ng'), 'Quốc phòng'],
    // µ = B5 à, ª = AA ê
    [bytes(0xa7, 'o', 0xb5, 'n thanh ni', 0xaa, 'n'), 'Đoàn thanh niên'],
    // AD (soft hyphen) = ư, í = ED ớ, É = C9 ẫ
    [bytes('H', 0xad, 0xed, 'ng d', 0xc9, 'n'), 'Hướng dẫn'],
    // û = FB ỷ (kept old-style as typed), © = A9 â
    [bytes('U', 0xfb, ' ban nh', 0xa9, 'n d', 0xa9, 'n'), 'Uỷ ban nhân dân'],
    // ® = AE đ, ¬ = AC ơ, « = AB ô, Ó = D3 ể
    [bytes(0xae, 'i', 0xac, 'n v', 0xab, ' ph', 0xd3), 'điơn vô phể'],
    // ¹ = B9 ạ, Æ = C6 ặ, Ë = CB ậ, Ö = D6 ệ
    [bytes('k', 0xd5, ' ho', 0xb9, 'ch, m', 0xc6, 't, v', 0xcb, 'n, vi', 0xd6, 't'), 'kế hoạch, mặt, vận, việt'],
    // ù = F9 ự, Þ = DE ị, ý = FD ý
    [bytes('th', 0xf9, 'c hi', 0xd6, 'n, ch', 0xde, ', qu', 0xfd), 'thực hiện, chị, quý'],
  ])('%s → %s', (legacy, unicode) => {
    expect(tcvn3ToUnicode(legacy)).toBe(unicode);
    expect(unicodeToTcvn3(unicode)).toBe(legacy);
  });

  it('draws upper case with the "H" fonts', () => {
    expect(tcvn3ToUnicode(bytes(0xa7, 0xb6, 'NG B', 0xe9), { upperCaseFont: true })).toBe('ĐẢNG BỘ');
    expect(tcvn3ToUnicode(bytes(0xa7, 0xb6, 'ng b', 0xe9, ' x', 0xb7), { upperCaseFont: true })).toBe('ĐẢNG BỘ XÃ');
    expect(unicodeToTcvn3('ĐẢNG BỘ XÃ', { upperCaseFont: true })).toBe(bytes(0xae, 0xb6, 'ng b', 0xe9, ' x', 0xb7));
  });

  it('keeps the untoned capitals VN3 has: Ă Â Ê Ô Ơ Ư Đ', () => {
    expect(tcvn3ToUnicode(bytes(0xa1, 0xa2, 0xa3, 0xa4, 0xa5, 0xa6, 0xa7))).toBe('ĂÂÊÔƠƯĐ');
  });

  it('writes toned capitals with the lower-case code (VN3 has none)', () => {
    expect(unicodeToTcvn3('Ảnh')).toBe(bytes(0xb6, 'nh'));
  });

  it('round-trips whole seed sentences', () => {
    for (const s of SEED_SENTENCES) {
      const lower = s.toLowerCase(); // VN3 cannot store toned capitals
      expect(tcvn3ToUnicode(unicodeToTcvn3(lower))).toBe(lower);
      expect(tcvn3ToUnicode(unicodeToTcvn3(s.toUpperCase(), { upperCaseFont: true }), { upperCaseFont: true })).toBe(
        s.toUpperCase(),
      );
    }
  });

  it('round-trips any text of the Vietnamese alphabet without toned capitals', () => {
    const vn3Letters = VIETNAMESE_LETTERS.filter((c) => c === c.toLowerCase() || 'ĂÂÊÔƠƯĐ'.includes(c) || /[A-Z]/.test(c));
    const text = fc.array(fc.constantFrom(...vn3Letters, ' ', '.', '0', '9', '-'), { maxLength: 80 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (s) => tcvn3ToUnicode(unicodeToTcvn3(s)) === s));
  });

  it('round-trips upper-case text through an "H" font', () => {
    const upper = [...new Set(VIETNAMESE_LETTERS.map((c) => c.toUpperCase()))];
    const text = fc.array(fc.constantFrom(...upper, ' ', '2'), { maxLength: 60 }).map((a) => a.join(''));
    fc.assert(
      fc.property(text, (s) => tcvn3ToUnicode(unicodeToTcvn3(s, { upperCaseFont: true }), { upperCaseFont: true }) === s),
    );
  });
});

describe('VNI-Windows (VNI-Times fonts)', () => {
  // Each pair checked by hand against the VNI-Windows code table.
  it.each([
    // Ñ = Đ; aû = ả; oä = ộ; aõ = ã
    ['Ñaûng boä xaõ', 'Đảng bộ xã'],
    // oá = ố, oø = ò
    ['Quoác phoøng', 'Quốc phòng'],
    // ö = ư, ôù = ớ, aã = ẫ
    ['Höôùng daãn', 'Hướng dẫn'],
    // UÛ = Ủ, AÂ = Â
    ['UÛY BAN NHAÂN DAÂN', 'ỦY BAN NHÂN DÂN'],
    // eá = ế, eä = ệ
    ['Tieáng Vieät', 'Tiếng Việt'],
    // ñ = đ, oà = ồ, í = í
    ['ñoàng chí', 'đồng chí'],
    // ò = ị, aá = ấ
    ['thò traán', 'thị trấn'],
    // yû = ỷ, aê = ă, aé = ắ, aë = ặ, î = ỵ, ó = ĩ, æ = ỉ
    ['Kyû naêm, thaéng, maët, Mî, kó, tæ', 'Kỷ năm, thắng, mặt, Mỵ, kĩ, tỉ'],
    // ô = ơ, ôï = ợ, öø = ừ, öï = ự
    ['cô sôû, lôïi, töø, thöïc', 'cơ sở, lợi, từ, thực'],
  ])('%s → %s', (legacy, unicode) => {
    expect(vniToUnicode(legacy)).toBe(unicode);
    expect(unicodeToVni(unicode)).toBe(legacy);
  });

  it('accepts a lower-case mark after a capital letter', () => {
    expect(vniToUnicode('Aùnh')).toBe('Ánh');
    expect(vniToUnicode('AÙNH')).toBe('ÁNH');
  });

  it('round-trips whole seed sentences', () => {
    for (const s of SEED_SENTENCES) expect(vniToUnicode(unicodeToVni(s))).toBe(s);
  });

  it('round-trips any text of the Vietnamese alphabet', () => {
    const text = fc.array(fc.constantFrom(...VIETNAMESE_LETTERS, ' ', ',', '7'), { maxLength: 80 }).map((a) => a.join(''));
    fc.assert(fc.property(text, (s) => vniToUnicode(unicodeToVni(s)) === s));
  });
});

describe('font names', () => {
  it.each([
    ['.VnTime', true, false, false],
    ['.VnTimeH', true, true, false],
    ['.VnArialH', true, true, false],
    ['.VnArial NarrowH', true, true, false],
    ['.VnCentury Schoolbook', true, false, false],
    ['VNI-Times', false, false, true],
    ['VNI-Helve', false, false, true],
    ['Times New Roman', false, false, false],
    ['Arial', false, false, false],
  ])('%s', (font, tcvn3, upper, vni) => {
    expect(isTcvn3Font(font)).toBe(tcvn3);
    expect(isTcvn3UpperCaseFont(font)).toBe(upper);
    expect(isVniFont(font)).toBe(vni);
  });
});

describe('detectLegacyEncoding', () => {
  it('leaves real Unicode Vietnamese alone, with or without a font', () => {
    for (const s of SEED_SENTENCES) {
      expect(detectLegacyEncoding(s)).toBeNull();
      expect(detectLegacyEncoding(s, 'Times New Roman')).toBeNull();
      expect(detectLegacyEncoding(s.normalize('NFD'))).toBeNull();
    }
  });

  it.each([
    'Hoà Bình',
    'Tôi là ai',
    'Khánh Hoà, Thái Bình',
    'Où est le garçon ? Noël à Paris, une élève naïve.',
    'Le café français est très célèbre, déjà vu à la crème brûlée.',
    'Hello world, this is plain English text.',
    'Résumé: façade, naïveté, coöperate.',
    '© 2026, 50 % ± 2 °C',
    'STT',
    'Mô hình',
    'Tôi',
    'CÁC MÔ HÌNH',
    'Quân',
    'Thuý Kiều',
    'Nguyên Khánh',
    'phù',
    'cùng',
    'vùng',
    'Trần Thị Thuý',
    'Señor José, el niño',
    'Müller Straße',
    '',
  ])('does not flag %s', (s) => {
    expect(detectLegacyEncoding(s)).toBeNull();
  });

  it('recognises TCVN3 and VNI seed sentences by their characters alone', () => {
    for (const s of SEED_SENTENCES) {
      expect(detectLegacyEncoding(unicodeToTcvn3(s))).toBe('tcvn3');
      expect(detectLegacyEncoding(unicodeToVni(s))).toBe('vni');
    }
  });

  it('recognises short legacy cells', () => {
    expect(detectLegacyEncoding(bytes(0xa7, 0xb6, 'ng b', 0xe9))).toBe('tcvn3');
    expect(detectLegacyEncoding('Ñaûng boä')).toBe('vni');
    expect(detectLegacyEncoding(unicodeToTcvn3('Tên mô hình'))).toBe('tcvn3');
    expect(detectLegacyEncoding(unicodeToVni('Tên mô hình'))).toBe('vni');
    // words that are not Vietnamese as Unicode but are in the legacy reading
    expect(unicodeToTcvn3('Mới')).toBe(bytes('M', 0xed, 'i'));
    expect(detectLegacyEncoding(unicodeToTcvn3('Mới'))).toBe('tcvn3');
    expect(detectLegacyEncoding(unicodeToTcvn3('Duy trì'))).toBe('tcvn3');
    expect(detectLegacyEncoding(unicodeToVni('Mới'))).toBe('vni');
    expect(detectLegacyEncoding(unicodeToVni('Nhân rộng'))).toBe('vni');
  });

  it('believes the font first', () => {
    expect(detectLegacyEncoding('STT', '.VnTime')).toBe('tcvn3');
    expect(detectLegacyEncoding('Hoa', 'VNI-Times')).toBe('vni');
    // text already Unicode despite a legacy font name: not converted again
    expect(detectLegacyEncoding('Đảng bộ xã', '.VnTime')).toBeNull();
    expect(detectLegacyEncoding('Đảng bộ xã', 'VNI-Times')).toBeNull();
  });

  it('needs clear evidence under a Unicode font', () => {
    expect(detectLegacyEncoding(unicodeToTcvn3('Kế hoạch thực hiện phong trào thi đua'), 'Times New Roman')).toBe('tcvn3');
  });
});

describe('decodeLegacyText', () => {
  it('detects, converts and normalises', () => {
    expect(decodeLegacyText(bytes(' ', 0xa7, 0xb6, 'ng  b', 0xe9, ' x', 0xb7, ' '))).toEqual({ text: 'Đảng bộ xã', encoding: 'tcvn3' });
    expect(decodeLegacyText(bytes(0xa7, 0xb6, 'NG B', 0xe9), '.VnTimeH')).toEqual({ text: 'ĐẢNG BỘ', encoding: 'tcvn3' });
    expect(decodeLegacyText('Ñaûng boä xaõ', 'VNI-Times')).toEqual({ text: 'Đảng bộ xã', encoding: 'vni' });
    expect(decodeLegacyText('Đảng\u00a0bộ'.normalize('NFD'))).toEqual({ text: 'Đảng bộ', encoding: null });
  });
});

describe('decodeWindows1258', () => {
  it('decodes CP1258 bytes with combining tones to NFC', () => {
    // "Đảng bộ" in CP1258: Đ=D0, a + hook (D2), ng, b, ô (F4) + dot below (F2)
    const b = new Uint8Array([0xd0, 0x61, 0xd2, 0x6e, 0x67, 0x20, 0x62, 0xf4, 0xf2]);
    expect(decodeWindows1258(b)).toBe('Đảng bộ');
  });

  /** CP1258's own form: letters keep their vowel marks (â ơ ư …), tones become combining marks. */
  const cp1258Form = (s: string): string =>
    Array.from(s.normalize('NFC'))
      .map((ch) => {
        const d = ch.normalize('NFD');
        const tone = d.match(/[\u0300\u0301\u0303\u0309\u0323]/)?.[0] ?? '';
        return d.replace(tone, '').normalize('NFC') + tone;
      })
      .join('');

  it('round-trips seed sentences encoded by iconv-lite', () => {
    for (const s of SEED_SENTENCES) {
      const encoded = iconv.encode(cp1258Form(s.replace(/[“”]/g, '"')), 'windows1258');
      expect(encoded.includes(0x3f)).toBe(false); // no '?' for unmappable characters
      expect(decodeWindows1258(new Uint8Array(encoded))).toBe(s.replace(/[“”]/g, '"'));
    }
  });

  it('returns an empty string for no bytes', () => {
    expect(decodeWindows1258(new Uint8Array())).toBe('');
  });
});
