/**
 * A matching key that keeps punctuation ("T/M", "K/T", "I.", "Cộng:"),
 * which `fold` drops: lower case, no diacritics, đ → d, spaces collapsed.
 */
export function looseKey(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}
