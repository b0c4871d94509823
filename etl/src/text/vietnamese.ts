/**
 * Vietnamese text normalisation: NFC, tone placement, and a fast folding key
 * for matching headers, names and keywords.
 *
 * Tone placement convention: the "new style" (kiểu mới) that the 2025–2026
 * guidance documents themselves use: "hòa", "khỏe", "thủy", "ủy". Old-style
 * spellings ("hoà", "khoẻ", "thuỷ", "uỷ") are rewritten by
 * `normaliseTonePlacement`; `fold` ignores tone marks altogether.
 */

/**
 * Zero-width characters that Word and web copies leave inside words. The soft
 * hyphen (U+00AD) is not among them: in TCVN3 text it is the letter "ư".
 */
const ZERO_WIDTH = /\u200B|\u200C|\u200D|\u2060|\uFEFF/g;
/** Any run of whitespace, including NBSP, tabs, CR/LF, ideographic space. */
const WHITESPACE_RUN = /[\s\u00A0\u2000-\u200A\u202F\u205F\u3000]+/g;

/**
 * NFC Unicode, trimmed, whitespace runs (NBSP, line breaks inside cells …)
 * collapsed to one space. NFC also repairs Mac NFD text and "combining mark
 * after a precomposed letter" (ê + U+0301 → ế), the habits of Unicode tổ hợp.
 */
export function nfc(s: string): string {
  if (typeof s !== 'string' || s.length === 0) return '';
  let out = s;
  // Fast path: pure ASCII without odd whitespace needs only trim/collapse.
  if (!isAscii(out)) {
    out = out.replace(ZERO_WIDTH, '').normalize('NFC');
  }
  return out.replace(WHITESPACE_RUN, ' ').trim();
}

function isAscii(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    if (s.charCodeAt(i) > 0x7e) return false;
  }
  return true;
}

// Tone marks as combining characters (grave, acute, tilde, hook, dot below).
const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323';

function toneOf(ch: string): { base: string; tone: string } | null {
  const d = ch.normalize('NFD');
  if (d.length !== 2) return null;
  const mark = d.charAt(1);
  if (!TONE_MARKS.includes(mark)) return null;
  return { base: d.charAt(0), tone: mark };
}

const TONED = (bases: string): string => {
  let out = '';
  for (const b of bases) {
    for (const t of TONE_MARKS) out += (b + t).normalize('NFC');
  }
  return out;
};

// Old style puts the tone on the second vowel of an open "oa", "oe", "uy"
// syllable; new style puts it on the first. With a final consonant ("hoàn",
// "thuyền") both styles agree, and in "quý" the u belongs to "qu".
const OLD_STYLE = new RegExp(
  `(?<![\\p{L}\\p{M}])([^\\s\\p{P}\\p{S}\\d]*?)` + // leading consonants of the word
    `(?:([oO])([${TONED('aAeE')}])|([uU])([${TONED('yY')}]))` +
    `(?![\\p{L}\\p{M}])`,
  'gu',
);
const OLD_STYLE_HINT = new RegExp(`[oOuU][${TONED('aAeEyY')}]`, 'u');

/** Old-style tone placement → new style ("hoà" → "hòa", "thuỷ" → "thủy"), case preserved. */
export function normaliseTonePlacement(s: string): string {
  if (typeof s !== 'string' || s.length === 0) return '';
  const text = s.normalize('NFC');
  if (!OLD_STYLE_HINT.test(text)) return text;
  return text.replace(
    OLD_STYLE,
    (whole: string, lead: string, o?: string, oTone?: string, u?: string, uTone?: string) => {
      const first = o ?? u;
      const second = oTone ?? uTone;
      if (first === undefined || second === undefined) return whole;
      // "qu" + y: the tone already sits on the only vowel.
      if (u !== undefined && /[qQ]$/.test(lead)) return whole;
      // A vowel before o/u means a longer cluster ("ngoài" has a final a anyway): leave it.
      if (/[aăâeêioôơuưy]$/i.test(foldVowelBase(lead))) return whole;
      const parts = toneOf(second);
      if (parts === null) return whole;
      return lead + (first + parts.tone).normalize('NFC') + parts.base;
    },
  );
}

function foldVowelBase(s: string): string {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
}

// ---------------------------------------------------------------------------
// fold: a precomputed per-code-unit map, built once.

const FOLD_LIMIT = 0x2000;
const MARK = /\p{M}/u;
const MARKS = /\p{M}/gu;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;
/** For code units below FOLD_LIMIT: the folded text ('' = drop, ' ' = separator). */
const FOLD_MAP: string[] = buildFoldMap();
// Make every entry a fixed point of fold (a lower-cased letter may itself fold further).
for (let pass = 0; pass < 2; pass++) {
  for (let c = 0x80; c < FOLD_LIMIT; c++) {
    const m = FOLD_MAP[c];
    if (m !== undefined && m !== '' && m !== ' ') FOLD_MAP[c] = fold(m) || ' ';
  }
}

function buildFoldMap(): string[] {
  const map: string[] = new Array<string>(FOLD_LIMIT);
  for (let c = 0; c < FOLD_LIMIT; c++) {
    const ch = String.fromCharCode(c);
    if (MARK.test(ch)) {
      map[c] = ''; // combining marks (NFD input, Unicode tổ hợp, other scripts' marks)
    } else if (c === 0x00ad) {
      map[c] = ''; // soft hyphen inside a word
    } else if (c === 0x0110 || c === 0x0111) {
      map[c] = 'd';
    } else if (/[\p{L}\p{N}]/u.test(ch)) {
      const base = ch.normalize('NFD').replace(MARKS, '').toLowerCase();
      map[c] = base.length > 0 ? base : ch.toLowerCase();
    } else {
      map[c] = ' ';
    }
  }
  // Vietnamese block (Ạ … ỹ) sits below 0x2000 and is covered by the loop above.
  return map;
}


/**
 * The matching key: lower case, no diacritics, đ → d, punctuation and
 * whitespace → one space, trimmed. Insensitive to NFC/NFD and to tone
 * placement (tones are dropped). `fold("Đảng uỷ xã Đông La") === "dang uy xa dong la"`.
 */
export function fold(s: string | null | undefined): string {
  if (typeof s !== 'string' || s.length === 0) return '';
  let out = '';
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    let m: string;
    if (c < 0x80) {
      // ASCII fast path
      if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) m = s.charAt(i);
      else if (c >= 0x41 && c <= 0x5a) m = String.fromCharCode(c + 32);
      else m = ' ';
    } else if (c < FOLD_LIMIT) {
      m = FOLD_MAP[c] ?? ' ';
    } else if (c >= 0x2000 && c <= 0x206f) {
      m = c >= 0x200b && c <= 0x200d ? '' : ' '; // general punctuation; zero-width dropped
    } else if (c === 0xfeff) {
      m = '';
    } else if (c >= 0xd800 && c <= 0xdbff) {
      // astral characters (emoji …) separate words
      i++;
      m = ' ';
    } else {
      m = foldRare(s.charAt(i));
    }
    if (m === '') continue;
    if (m === ' ') {
      pendingSpace = out.length > 0;
      continue;
    }
    if (pendingSpace) {
      out += ' ';
      pendingSpace = false;
    }
    out += m;
  }
  return out;
}

/** Letters and digits outside the table: compatibility forms ("⑴", "ｆｕｌｌ") fold through NFKD. */
function foldRare(ch: string): string {
  if (MARK.test(ch)) return '';
  if (!LETTER_OR_DIGIT.test(ch)) return ' ';
  const k = ch.normalize('NFKD').replace(MARKS, '').toLowerCase();
  if (k === ch) return k;
  const f = fold(k);
  return f === '' ? ' ' : f;
}

/** True when the text has letters and none of them is lower case ("ĐẢNG BỘ XÃ"). */
export function isUpperCaseText(s: string | null | undefined): boolean {
  if (typeof s !== 'string') return false;
  return s !== s.toLowerCase() && s === s.toUpperCase();
}

/** Lower-case, NFC, new-style tone placement: a key that keeps diacritics. */
export function lowerKey(s: string | null | undefined): string {
  if (typeof s !== 'string') return '';
  return normaliseTonePlacement(nfc(s)).toLowerCase();
}
