import { memoizeByString } from '../common/string-memo.js';

/**
 * Folding of unit names for matching: the many ways one organisation is
 * written ("Đảng uỷ xã Đông La", "ĐU xã Đông La", "DANG UY XA DONG LA",
 * NFD text from a Mac, old-style tone placement) fold to one key. Folding
 * only ever decides *equality*; similar keys are suggestions, never merges.
 */

/** Whole-phrase rewrites on the folded (ASCII, lower-case, single-spaced) text, applied in order. */
const REWRITES: [RegExp, string][] = [
  [/\bdu\b/g, 'dang uy'],
  [/\bubnd\b/g, 'uy ban nhan dan'],
  [/\bub\b/g, 'uy ban'],
  [/\bmttqvn\b/g, 'mat tran to quoc viet nam'],
  [/\bmttq\b/g, 'mat tran to quoc'],
  [/\b(?:uy ban )?mat tran to quoc(?: viet nam)?\b/g, 'mat tran to quoc'],
  [/\bcb\b/g, 'chi bo'],
  [/\bhnd\b/g, 'hoi nong dan'],
  [/\bhoi nd\b/g, 'hoi nong dan'],
  [/\bhlhpn\b/g, 'hoi lien hiep phu nu'],
  [/\bhoi lhpn\b/g, 'hoi lien hiep phu nu'],
  [/\bhoi phu nu\b/g, 'hoi lien hiep phu nu'],
  [/\bhccb\b/g, 'hoi cuu chien binh'],
  [/\bccb\b/g, 'cuu chien binh'],
  [/\bdtn\b/g, 'doan thanh nien'],
  [/\bdoan tncs(?: ho chi minh)?\b/g, 'doan thanh nien'],
  [/\bdoan thanh nien cong san(?: ho chi minh)?\b/g, 'doan thanh nien'],
  [/\bdoan tn\b/g, 'doan thanh nien'],
  [/\bbch\b/g, 'ban chi huy'],
  [/\bqs\b/g, 'quan su'],
  [/\bbtv\b/g, 'ban thuong vu'],
];

/**
 * The matching key of a name: NFC, diacritics and tone marks removed (so
 * "hoà"/"hòa" and NFD/NFC agree), đ → d, lower case, punctuation to spaces,
 * common abbreviations expanded.
 */
export function fold(text: string | null | undefined): string {
  return text ? foldMemo(text) : '';
}

/**
 * Diacritics and tone marks removed (so "hoà"/"hòa" and NFD/NFC agree),
 * đ → d, lower case, punctuation to spaces: the part of folding a search
 * shares with stored text folded in SQL (no abbreviations expanded).
 */
export function stripMarks(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

// Loading a batch folds the same few owner and unit names thousands of times.
const foldMemo = memoizeByString(foldUncached);

function foldUncached(text: string): string {
  let s = stripMarks(text);
  for (const [pattern, replacement] of REWRITES) s = s.replace(pattern, replacement);
  return s.replace(/\s+/g, ' ').trim();
}

/** A folded key's letter bigrams as sorted codes: computed once per registry key, compared many times. */
export function bigrams(s: string): Uint32Array {
  const out = new Uint32Array(Math.max(0, s.length - 1));
  for (let i = 0; i < out.length; i++) out[i] = (s.charCodeAt(i) << 16) | s.charCodeAt(i + 1);
  return out.sort();
}

/** Dice coefficient of two bigram profiles (multiset intersection of sorted codes). */
export function diceOf(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 || b.length === 0) return 0;
  let common = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      common++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return (2 * common) / (a.length + b.length);
}

/** Generic words that say what an organisation is, not which one: dropped to find the place in a name. */
const COMMUNE_WORDS = /^(xa|thi tran|phuong)\s+/;

/** 'xa dong la' → 'dong la' */
export function placeOf(foldedCommuneName: string): string {
  return foldedCommuneName.replace(COMMUNE_WORDS, '');
}
