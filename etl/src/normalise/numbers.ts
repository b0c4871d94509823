/**
 * Numbers as Vietnamese documents write them: "05", "1.250" (thousands dot),
 * "2,5" (decimal comma), "50%", and in words ("hai mươi mốt").
 */
import { fold, nfc } from '../text/vietnamese.js';

const DIGITS: Record<string, number> = {
  khong: 0, linh: -1, le: -1,
  mot: 1, mốt: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, lam: 5, nham: 5,
  sau: 6, bay: 7, bey: 7, tam: 8, chin: 9,
};

/** Numbers in words, folded: "mot tram linh nam" → 105. Null on any unknown word. */
function parseWords(folded: string): number | null {
  const tokens = folded.split(' ').filter((t) => t !== '');
  if (tokens.length === 0) return null;
  let total = 0; // completed thousands/millions
  let group = 0; // the current 0–999 group
  let pending: number | null = null; // a digit waiting for its multiplier
  let sawAny = false;
  for (const t of tokens) {
    if (t === 'muoi' || t === 'chuc') {
      // "mười" (10) at the start of the tens, "mươi" (×10) after a digit: both fold to "muoi".
      group += pending === null ? 10 : pending * 10;
      pending = null;
    } else if (t === 'tram') {
      group += (pending ?? 1) * 100;
      pending = null;
    } else if (t === 'nghin' || t === 'ngan' || t === 'trieu' || t === 'ty') {
      const mult = t === 'trieu' ? 1e6 : t === 'ty' ? 1e9 : 1e3;
      const g = group + (pending ?? 0);
      total += (g === 0 ? 1 : g) * mult;
      group = 0;
      pending = null;
    } else {
      const d = DIGITS[t];
      if (d === undefined) return null;
      if (d === -1) continue; // "linh", "lẻ": no tens
      if (pending !== null) return null; // two digits in a row
      pending = d;
    }
    sawAny = true;
  }
  if (!sawAny) return null;
  return total + group + (pending ?? 0);
}

/**
 * "05" → 5, "1.250" → 1250, "2,5" → 2.5, "50%" → 50, "mười hai" → 12,
 * "05 mô hình" → 5. Null when the text is not a number.
 */
export function parseVietnameseNumber(text: string | null | undefined): number | null {
  if (typeof text === 'number') return Number.isFinite(text) ? text : null;
  if (typeof text !== 'string') return null;
  const t = nfc(text);
  if (t === '') return null;
  const m = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+)|\.(\d{1,2}|\d{4,}))?\s*%?(?:\s*\(.*\))?(?:\s+[\p{L}\s.]*)?$/u.exec(t);
  if (m) {
    const sign = m[1] === '-' ? -1 : 1;
    const int = (m[2] ?? '').replace(/\./g, '');
    const frac = m[3] ?? m[4];
    const n = Number(frac !== undefined ? `${int}.${frac}` : int);
    return Number.isFinite(n) ? sign * n : null;
  }
  const words = fold(t.replace(/%$/, ''));
  return parseWords(words);
}
