/**
 * Registration status (mới / duy trì / nhân rộng / loại bỏ) and the cells
 * that mark a choice ('x' under a "Mới" column).
 */
import type { RegistrationStatus } from '../contract.js';
import { fold, lowerKey, nfc } from '../text/vietnamese.js';

// Phrases with their diacritics, checked in this order ("không tiếp tục"
// before "tiếp tục"). Diacritics matter: "mới" is new, "môi trường" is not.
const STATUS_PHRASES: [string, RegistrationStatus][] = [
  ['loại bỏ', 'dropped'],
  ['không tiếp tục', 'dropped'],
  ['không duy trì', 'dropped'],
  ['dừng thực hiện', 'dropped'],
  ['dừng triển khai', 'dropped'],
  ['tạm dừng', 'dropped'],
  ['nhân rộng', 'replicated'],
  ['nr', 'replicated'],
  ['đăng ký mới', 'new'],
  ['đk mới', 'new'],
  ['xây dựng mới', 'new'],
  ['xd mới', 'new'],
  ['mô hình mới', 'new'],
  ['thực hiện mới', 'new'],
  ['mới', 'new'],
  ['m', 'new'],
  ['duy trì', 'continued'],
  ['tiếp tục', 'continued'],
  ['dt', 'continued'],
  ['mô hình cũ', 'continued'],
  ['cũ', 'continued'],
  ['nâng cao', 'continued'],
];
const FOLDED_PHRASES: [string, RegistrationStatus][] = STATUS_PHRASES.map(([p, st]) => [fold(p), st]);

function matchPhrase(key: string, phrases: [string, RegistrationStatus][]): RegistrationStatus | null {
  for (const [phrase, status] of phrases) {
    if (key === phrase || key.startsWith(`${phrase} `)) return status;
  }
  return null;
}

/**
 * "Mới", "Đăng ký mới", "XD mới", "Duy trì", "Tiếp tục thực hiện",
 * "Nhân rộng", "Loại bỏ", "Không tiếp tục", codes "M", "DT", "NR".
 * The phrase must start the cell ("Duy trì (từ 2023)" is continued). Text
 * typed without diacritics ("moi", "duy tri") is matched folded.
 */
export function parseStatus(text: string | null | undefined): RegistrationStatus | null {
  if (typeof text !== 'string') return null;
  const folded = fold(text);
  if (folded === '' || folded.length > 60) return null;
  const key = lowerKey(text)
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
  if (key === folded) return matchPhrase(folded, FOLDED_PHRASES);
  return matchPhrase(key, STATUS_PHRASES);
}

const MARKS = new Set(['x', 'v', '✓', '✔', '☑', '☒', '■', '●', '⊠', '[x]', '(x)', 'có', 'co', '1', 'xx', '+', '*', 'yes']);

/** A cell that marks a choice: 'x', '✓', '☒', '■', 'có', '1' …; not '', '0', '☐', '□', '-'. */
export function isMark(text: string | null | undefined): boolean {
  if (typeof text !== 'string') return false;
  const t = nfc(text).toLowerCase();
  if (t === '') return false;
  return MARKS.has(t) || MARKS.has(t.replace(/\s+/g, ''));
}
