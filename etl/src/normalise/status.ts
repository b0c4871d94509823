/**
 * Registration status (mới / duy trì / nhân rộng / loại bỏ) and the cells
 * that mark a choice ('x' under a "Mới" column).
 */
import type { RegistrationStatus } from '../contract.js';
import { fold, nfc } from '../text/vietnamese.js';

// Folded phrases, checked in this order ("không tiếp tục" before "tiếp tục").
const STATUS_PHRASES: [string, RegistrationStatus][] = [
  ['loai bo', 'dropped'],
  ['khong tiep tuc', 'dropped'],
  ['khong duy tri', 'dropped'],
  ['dung thuc hien', 'dropped'],
  ['dung trien khai', 'dropped'],
  ['tam dung', 'dropped'],
  ['nhan rong', 'replicated'],
  ['nr', 'replicated'],
  ['dang ky moi', 'new'],
  ['dk moi', 'new'],
  ['xay dung moi', 'new'],
  ['xd moi', 'new'],
  ['mo hinh moi', 'new'],
  ['thuc hien moi', 'new'],
  ['moi', 'new'],
  ['m', 'new'],
  ['duy tri', 'continued'],
  ['tiep tuc', 'continued'],
  ['dt', 'continued'],
  ['mo hinh cu', 'continued'],
  ['cu', 'continued'],
  ['nang cao', 'continued'],
];

/**
 * "Mới", "Đăng ký mới", "XD mới", "Duy trì", "Tiếp tục thực hiện",
 * "Nhân rộng", "Loại bỏ", "Không tiếp tục", codes "M", "DT", "NR".
 * The phrase must start the cell ("Duy trì (từ 2023)" is continued).
 */
export function parseStatus(text: string | null | undefined): RegistrationStatus | null {
  if (typeof text !== 'string') return null;
  const f = fold(text).replace(/^mo hinh (?=\S)(?!moi|cu)/, '');
  if (f === '' || f.length > 60) return null;
  for (const [phrase, status] of STATUS_PHRASES) {
    if (f === phrase || f.startsWith(`${phrase} `)) return status;
  }
  return null;
}

const MARKS = new Set(['x', 'v', '✓', '✔', '☑', '☒', '■', '●', '⊠', '[x]', '(x)', 'có', 'co', '1', 'xx', '+', '*', 'yes']);

/** A cell that marks a choice: 'x', '✓', '☒', '■', 'có', '1' …; not '', '0', '☐', '□', '-'. */
export function isMark(text: string | null | undefined): boolean {
  if (typeof text !== 'string') return false;
  const t = nfc(text).toLowerCase();
  if (t === '') return false;
  return MARKS.has(t) || MARKS.has(t.replace(/\s+/g, ''));
}
