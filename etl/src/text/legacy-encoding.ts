/**
 * Legacy Vietnamese 8-bit encodings, as they reach us: text drawn with a
 * legacy font (.VnTime = TCVN3/ABC, VNI-Times = VNI-Windows) but stored as
 * Windows-1252 / Latin-1 code points. We convert those code points back.
 *
 * Tables: TCVN 5712:1993 VN3 (the ".Vn" ABC fonts) and VNI-Windows, checked
 * against the public code tables of the xvnkb keyboard (tcvn.h, vni.h) and
 * character by character in the tests.
 */
import iconv from 'iconv-lite';
import { nfc } from './vietnamese.js';

export type LegacyEncoding = 'tcvn3' | 'vni';

// Tone order used by the tables below: none, acute (sắc), grave (huyền),
// hook (hỏi), tilde (ngã), dot below (nặng).
const TONE_MARKS = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'] as const;

/** Lower-case vowels with their base form as NFC strings (before tones). */
const VOWELS: readonly string[] = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];

/** TCVN3 (VN3) code points for each vowel × tone, lower case only. */
const TCVN3_VOWELS: Record<string, readonly number[]> = {
  a: [0x61, 0xb8, 0xb5, 0xb6, 0xb7, 0xb9],
  ă: [0xa8, 0xbe, 0xbb, 0xbc, 0xbd, 0xc6],
  â: [0xa9, 0xca, 0xc7, 0xc8, 0xc9, 0xcb],
  e: [0x65, 0xd0, 0xcc, 0xce, 0xcf, 0xd1],
  ê: [0xaa, 0xd5, 0xd2, 0xd3, 0xd4, 0xd6],
  i: [0x69, 0xdd, 0xd7, 0xd8, 0xdc, 0xde],
  o: [0x6f, 0xe3, 0xdf, 0xe1, 0xe2, 0xe4],
  ô: [0xab, 0xe8, 0xe5, 0xe6, 0xe7, 0xe9],
  ơ: [0xac, 0xed, 0xea, 0xeb, 0xec, 0xee],
  u: [0x75, 0xf3, 0xef, 0xf1, 0xf2, 0xf4],
  ư: [0xad, 0xf8, 0xf5, 0xf6, 0xf7, 0xf9],
  y: [0x79, 0xfd, 0xfa, 0xfb, 0xfc, 0xfe],
};
/** TCVN3 upper-case letters that exist in VN3 (no toned capitals). */
const TCVN3_UPPER: Record<string, number> = { Ă: 0xa1, Â: 0xa2, Ê: 0xa3, Ô: 0xa4, Ơ: 0xa5, Ư: 0xa6, Đ: 0xa7, đ: 0xae };

interface Tables {
  decode: Map<string, string>;
  encode: Map<string, string>;
}

function withTone(vowel: string, tone: number): string {
  return (vowel + (TONE_MARKS[tone] ?? '')).normalize('NFC');
}

const TCVN3: Tables = (() => {
  const decode = new Map<string, string>();
  const encode = new Map<string, string>();
  for (const v of VOWELS) {
    const codes = TCVN3_VOWELS[v] ?? [];
    codes.forEach((code, tone) => {
      const uni = withTone(v, tone);
      const legacy = String.fromCharCode(code);
      if (code >= 0x80) decode.set(legacy, uni);
      encode.set(uni, legacy);
      // VN3 has no toned capitals: a capital is written with the lower-case code.
      const upper = uni.toUpperCase();
      if (!encode.has(upper)) encode.set(upper, tone === 0 && code < 0x80 ? upper : legacy);
    });
  }
  for (const [uni, code] of Object.entries(TCVN3_UPPER)) {
    decode.set(String.fromCharCode(code), uni);
    encode.set(uni, String.fromCharCode(code));
  }
  return { decode, encode };
})();

// VNI-Windows: base letter followed by a mark character.
const VNI_TONE_LOWER = ['', 'ù', 'ø', 'û', 'õ', 'ï'] as const;
const VNI_CIRCUMFLEX_LOWER = ['â', 'á', 'à', 'å', 'ã', 'ä'] as const;
const VNI_BREVE_LOWER = ['ê', 'é', 'è', 'ú', 'ü', 'ë'] as const;
const VNI_I_LOWER = ['i', 'í', 'ì', 'æ', 'ó', 'ò'] as const;

const VNI: Tables & { upperOf: Map<string, string> } = (() => {
  const decode = new Map<string, string>();
  const encode = new Map<string, string>();
  const add = (uni: string, vni: string): void => {
    encode.set(uni, vni);
    if (vni !== uni) decode.set(vni, uni);
    const U = uni.toUpperCase();
    const V = vni.toUpperCase();
    encode.set(U, V);
    if (V !== U) decode.set(V, U);
  };
  for (let tone = 0; tone < 6; tone++) {
    const t = VNI_TONE_LOWER[tone] ?? '';
    for (const base of ['a', 'e', 'o', 'u', 'y']) {
      if (base === 'y' && tone === 5) continue; // ỵ is the single code î
      add(withTone(base, tone), base + t);
    }
    add(withTone('ơ', tone), 'ô' + t);
    add(withTone('ư', tone), 'ö' + t);
    add(withTone('â', tone), 'a' + (VNI_CIRCUMFLEX_LOWER[tone] ?? ''));
    add(withTone('ê', tone), 'e' + (VNI_CIRCUMFLEX_LOWER[tone] ?? ''));
    add(withTone('ô', tone), 'o' + (VNI_CIRCUMFLEX_LOWER[tone] ?? ''));
    add(withTone('ă', tone), 'a' + (VNI_BREVE_LOWER[tone] ?? ''));
    add(withTone('i', tone), VNI_I_LOWER[tone] ?? 'i');
  }
  add('ỵ', 'î');
  add('đ', 'ñ');
  // Upper-case of each mark character, so "Aù" and "AÙ" both decode.
  const upperOf = new Map<string, string>();
  for (const ch of 'ùøûõïâáàåãäêéèúüëôöíìæóòîñ') upperOf.set(ch.toUpperCase(), ch);
  return { decode, encode, upperOf };
})();

/** Characters that can follow a base letter in a two-character VNI sequence. */
const VNI_SECOND = new Set<string>([
  ...VNI_TONE_LOWER.slice(1),
  ...VNI_CIRCUMFLEX_LOWER,
  ...VNI_BREVE_LOWER,
].flatMap((c) => [c, c.toUpperCase()]));

/**
 * TCVN3 text read as Windows-1252/Latin-1 code points → Unicode (NFC).
 * `upperCaseFont`: the ".VnTimeH"-style fonts draw every letter as a capital.
 */
export function tcvn3ToUnicode(s: string, options?: { upperCaseFont?: boolean }): string {
  if (typeof s !== 'string' || s.length === 0) return '';
  let out = '';
  for (const ch of s) out += TCVN3.decode.get(ch) ?? ch;
  out = out.normalize('NFC');
  return options?.upperCaseFont ? out.toUpperCase() : out;
}

/**
 * Unicode → TCVN3 code points (what a .VnTime document stores). Toned
 * capitals do not exist in VN3: they are written with the lower-case code
 * (lossy); with `upperCaseFont` the whole text is encoded for an "H" font.
 */
export function unicodeToTcvn3(s: string, options?: { upperCaseFont?: boolean }): string {
  if (typeof s !== 'string' || s.length === 0) return '';
  let text = s.normalize('NFC');
  if (options?.upperCaseFont) text = text.toLowerCase();
  let out = '';
  for (const ch of text) out += TCVN3.encode.get(ch) ?? ch;
  return out;
}

/** VNI-Windows text read as Windows-1252/Latin-1 code points → Unicode (NFC). */
export function vniToUnicode(s: string): string {
  if (typeof s !== 'string' || s.length === 0) return '';
  let out = '';
  const chars = Array.from(s);
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i] ?? '';
    const next = chars[i + 1];
    if (next !== undefined && VNI_SECOND.has(next)) {
      // Case of the result follows the base letter; the mark may be either case.
      const lowerNext = VNI.upperOf.get(next) ?? next;
      const isUpper = ch !== ch.toLowerCase();
      const pair = VNI.decode.get(ch.toLowerCase() + lowerNext);
      if (pair !== undefined) {
        out += isUpper ? pair.toUpperCase() : pair;
        i++;
        continue;
      }
    }
    out += VNI.decode.get(ch) ?? ch;
  }
  return out.normalize('NFC');
}

/** Unicode → VNI-Windows code points (what a VNI-Times document stores). */
export function unicodeToVni(s: string): string {
  if (typeof s !== 'string' || s.length === 0) return '';
  let out = '';
  for (const ch of s.normalize('NFC')) out += VNI.encode.get(ch) ?? ch;
  return out;
}

// ---------------------------------------------------------------------------
// Detection

/** True for ".VnTime", ".VnArialH", "VnTime" … (the ABC/TCVN3 fonts). */
export function isTcvn3Font(font: string | null | undefined): boolean {
  if (typeof font !== 'string') return false;
  return /^\s*\.?vn(?!i)[a-z]/i.test(font);
}

/** True for the VNI fonts: "VNI-Times", "VNI-Helve", "VNI Times" … */
export function isVniFont(font: string | null | undefined): boolean {
  if (typeof font !== 'string') return false;
  return /^\s*vni[-\s_]?[a-z]/i.test(font);
}

/** TCVN3 upper-case fonts end in "H": ".VnTimeH", ".VnArialH", ".VnArial NarrowH". */
export function isTcvn3UpperCaseFont(font: string | null | undefined): boolean {
  return isTcvn3Font(font) && /H\s*$/.test(font ?? '');
}

/** Unicode letters only Vietnamese (not Latin-1) text has: ă đ ĩ ũ ơ ư and U+1EA0–U+1EF9, or combining tones. */
const VIETNAMESE_UNICODE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01a0\u01a1\u01af\u01b0\u1ea0-\u1ef9]|\u0300|\u0301|\u0303|\u0309|\u0323/;

// Vowel clusters ending in a glide (i, y, o, u) take no final consonant;
// the others may. One tone mark at most.
const INITIAL = '(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?';
const SYLLABLE = new RegExp(
  `^${INITIAL}(?:` +
    '(?:uôi|ươi|ươu|oai|oay|oeo|iêu|yêu|uây|uyu|ai|ao|au|ay|âu|ây|eo|êu|iu|oi|ôi|ơi|ui|ưi|ưu|ia|ua|ưa|uya)' +
    '|' +
    '(?:uyê|iê|yê|uô|ươ|oa|oă|oe|uâ|uê|uy|uơ|oo|[aăâeêioôơuưy])(?:ch|ng|nh|[cmnpt])?' +
    ')$',
);
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/g;

/** A letter run that, stripped of its one tone, is a well-formed Vietnamese syllable. */
function isVietnameseSyllable(word: string): boolean {
  const decomposed = word.toLowerCase().normalize('NFD');
  const tones = decomposed.match(TONE_MARK);
  if (tones !== null && tones.length > 1) return false;
  return SYLLABLE.test(decomposed.replace(TONE_MARK, '').normalize('NFC'));
}

const WORD = /[^\s\d!-/:-@[-`{-~\u2013\u2014\u201c\u201d\u2018\u2019\u2026]+/g;

// TCVN3 codes in the A1–BF range: letters in TCVN3, rare symbols in Unicode text.
// « » are also French quotes, so they count only between letters (see below).
const TCVN3_STRONG = /[\u00a2-\u00a8\u00a9\u00aa\u00ac\u00ad\u00ae\u00b5-\u00b9\u00bb-\u00be]/;
// A TCVN3 lower-case letter whose Latin-1 glyph is a capital, after a lower-case letter ("nÕu").
const TCVN3_MIDWORD_CAPITAL = /[a-z\u00e0-\u00ff][\u00c6-\u00d6\u00d7-\u00de\u00df]/;
// ç ÷ þ (ỗ ữ ỵ): TCVN3 letters that VNI never writes.
const TCVN3_LOWER_ODD = /[\u00e7\u00f7\u00fe]/;

// VNI: vowel + tone code; a/e/o + circumflex code; a + breve code; initial ñ.
const VNI_TONE_AFTER_VOWEL = /[aeiouyAEIOUYôöÔÖ][ùøûõïÙØÛÕÏ]/;
const VNI_HAT_AFTER_VOWEL = /[aeAE][âáàåãäÂÁÀÅÃÄ]|[oO][âåäÂÅÄ]|[aA][êéèúüëÊÉÈÚÜË]/;
// "oà", "oá", "oã" are also old-style Unicode ("hoà"): weak evidence only.
const VNI_AMBIGUOUS = /[oO][àáãÀÁÃ]/;
const VNI_D = /^[ñÑ][a-zA-Zôö]/;

interface Evidence {
  tcvn3: number;
  vni: number;
  words: number;
}

function gatherEvidence(text: string): Evidence {
  let tcvn3 = 0;
  let vni = 0;
  let words = 0;
  for (const m of text.matchAll(WORD)) {
    const w = m[0];
    if (!/[A-Za-z\u00c0-\u00ff]/.test(w)) continue;
    words++;
    if (!/[\u00a0-\u00ff]/.test(w)) continue; // reads the same in every encoding
    // A word that is not Vietnamese as Unicode but is as a legacy reading points at that encoding.
    // Characters typical of one encoding count fully; "not Vietnamese as Unicode" alone counts less.
    // A word that is also good Unicode Vietnamese ("phù", "cùng") is weaker evidence.
    // A capital after a small letter ("tÕ", "nÕu") is not how Unicode text is written.
    const unicodeInvalid = !isVietnameseSyllable(w) || /\p{Ll}\p{Lu}/u.test(w);
    const weight = unicodeInvalid ? 1 : 0.5;
    let t = 0;
    if (TCVN3_STRONG.test(w) || TCVN3_MIDWORD_CAPITAL.test(w) || TCVN3_LOWER_ODD.test(w) || /[a-z][«»][a-z]/.test(w)) t = weight;
    else if (unicodeInvalid) t = 0.75;
    if (t > 0 && isVietnameseSyllable(tcvn3ToUnicode(w))) tcvn3 += t;
    let v = 0;
    if (VNI_TONE_AFTER_VOWEL.test(w) || VNI_HAT_AFTER_VOWEL.test(w) || VNI_D.test(w)) v = weight;
    else if (unicodeInvalid) v = 0.75;
    else if (VNI_AMBIGUOUS.test(w)) v = 0.25;
    if (v > 0 && isVietnameseSyllable(vniToUnicode(w))) vni += v;
  }
  return { tcvn3, vni, words };
}

/** True for fonts we know to be Unicode: text in them is Unicode unless it is clearly not. */
function isUnicodeFont(font: string | undefined): boolean {
  return typeof font === 'string' && font.trim() !== '' && !isTcvn3Font(font) && !isVniFont(font);
}

/**
 * Which legacy encoding a text is in, if any. The font decides first; then
 * the characters: a text with any Vietnamese-only Unicode letter is Unicode.
 */
export function detectLegacyEncoding(text: string, font?: string): LegacyEncoding | null {
  if (typeof text !== 'string') return null;
  const unicodeVietnamese = VIETNAMESE_UNICODE.test(text);
  if (isTcvn3Font(font)) return unicodeVietnamese ? null : 'tcvn3';
  if (isVniFont(font)) return unicodeVietnamese ? null : 'vni';
  if (unicodeVietnamese) return null;
  if (!/[\u00a0-\u00ff]/.test(text)) return null; // plain ASCII reads the same in every encoding
  const e = gatherEvidence(text);
  if (e.words === 0) return null;
  // A named Unicode font needs clearer evidence than an unknown one.
  const minRatio = isUnicodeFont(font) ? 0.4 : 0.25;
  const minHits = e.words <= 2 ? 0.75 : 1.5;
  const best: LegacyEncoding = e.tcvn3 >= e.vni ? 'tcvn3' : 'vni';
  const hits = Math.max(e.tcvn3, e.vni);
  if (hits >= minHits && hits / e.words >= minRatio) return best;
  return null;
}

/** Detect, convert and NFC a text: the one call a reader needs per run or cell. */
export function decodeLegacyText(text: string, font?: string): { text: string; encoding: LegacyEncoding | null } {
  if (typeof text !== 'string') return { text: '', encoding: null };
  const encoding = detectLegacyEncoding(text, font);
  if (encoding === 'tcvn3') {
    return { text: nfc(tcvn3ToUnicode(text, { upperCaseFont: isTcvn3UpperCaseFont(font) })), encoding };
  }
  if (encoding === 'vni') return { text: nfc(vniToUnicode(text)), encoding };
  return { text: nfc(text), encoding: null };
}

/** Windows-1258 bytes → NFC Unicode (CP1258 writes tones as combining marks). */
export function decodeWindows1258(bytes: Uint8Array): string {
  if (!(bytes instanceof Uint8Array) || bytes.length === 0) return '';
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows1258').normalize('NFC');
}
