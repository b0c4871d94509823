/**
 * Check-box choices as they appear in forms: "☒ Đăng ký mới ☐ Duy trì",
 * "[x] Duy trì", "■ Mới □ Nhân rộng", "Đăng ký mới ☐  Duy trì ☒" (box after
 * the label), and one option per line or row ("Duy trì: x"). The reader has
 * already turned Wingdings symbols and w14 content controls into ☒/☐.
 */
import { isMark } from '../normalise/index.js';

export interface Choice {
  label: string;
  checked: boolean;
}

const CHECKED = ['☒', '☑', '■', '✓', '✔', '⊠', '●', '▣', '⬛'];
const UNCHECKED = ['☐', '□', '◻', '❑', '○', '⬜', '▢'];

// Bracketed marks first, so "[x]" is one token and not "[", "x", "]".
const BOX = /\[\s*[xX✓✔vV]?\s*\]|\(\s*[xX✓✔]?\s*\)|[☒☑■✓✔⊠●▣⬛☐□◻❑○⬜▢]/gu;

export function isBoxGlyph(s: string): boolean {
  const t = s.trim();
  return t !== '' && t.replace(BOX, '').trim() === '';
}

function boxChecked(token: string): boolean {
  if (CHECKED.includes(token)) return true;
  if (UNCHECKED.includes(token)) return false;
  return /[xX✓✔vV]/.test(token);
}

function cleanLabel(s: string): string {
  return s.replace(/^[\s:;,.\-–]+|[\s:;,.\-–]+$/g, '').trim();
}

/** Choices in one line of text; empty when the line has no box glyph. */
export function parseChoices(text: string): Choice[] {
  const tokens: { index: number; end: number; checked: boolean }[] = [];
  for (const m of text.matchAll(BOX)) {
    // "(x)" only counts as a box when it stands apart ("Hội (x)" in a name would be odd anyway).
    tokens.push({ index: m.index, end: m.index + m[0].length, checked: boxChecked(m[0]) });
  }
  if (tokens.length === 0) return [];
  const first = tokens[0]!;
  const last = tokens[tokens.length - 1]!;
  const before = text.slice(0, first.index);
  const after = text.slice(last.end);
  // Boxes after their labels: the text before the first box holds a label and nothing follows the last.
  const labelBefore = cleanLabel(after) === '' && cleanLabel(before.replace(/^.*[:：]/, '')) !== '';
  const out: Choice[] = [];
  tokens.forEach((t, i) => {
    let label: string;
    if (labelBefore) {
      const start = i === 0 ? (before.includes(':') ? before.lastIndexOf(':') + 1 : 0) : tokens[i - 1]!.end;
      label = text.slice(start, t.index);
    } else {
      const end = i + 1 < tokens.length ? tokens[i + 1]!.index : text.length;
      label = text.slice(t.end, end);
    }
    label = cleanLabel(label);
    if (label !== '') out.push({ label, checked: t.checked });
  });
  return out;
}

/** "Duy trì: x", "Đăng ký mới | ☒" — a single option whose mark is the value. */
export function markValue(value: string): boolean | null {
  const v = value.trim();
  if (v === '') return false;
  if (isBoxGlyph(v)) return parseChoices(`${v} _`)[0]?.checked ?? null;
  if (isMark(v)) return true;
  return null;
}
