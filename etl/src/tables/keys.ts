/**
 * A matching key that keeps punctuation ("T/M", "K/T", "I.", "Cộng:"),
 * which `fold` drops: lower case, no diacritics, đ → d, spaces collapsed.
 * A per-character table keeps it cheap: it runs on every cell of a sheet.
 */
const BASE = new Map<number, string>();
for (let c = 0xc0; c <= 0x1ef9; c++) {
  const ch = String.fromCharCode(c);
  const base = ch.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  if (base !== ch && base.length === 1) BASE.set(c, base.toLowerCase());
}
BASE.set(0x0110, 'd');
BASE.set(0x0111, 'd');

export function looseKey(s: string): string {
  let out = '';
  let space = false;
  const t = s.normalize('NFC');
  for (let i = 0; i < t.length; i++) {
    const c = t.charCodeAt(i);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xa0) {
      space = out.length > 0;
      continue;
    }
    if (c >= 0x300 && c <= 0x36f) continue;
    const ch = c < 0x80 ? (c >= 65 && c <= 90 ? String.fromCharCode(c + 32) : t[i]!) : (BASE.get(c) ?? t[i]!.toLowerCase());
    if (space) {
      out += ' ';
      space = false;
    }
    out += ch;
  }
  return out;
}
