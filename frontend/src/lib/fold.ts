/**
 * Folds Vietnamese text for matching: lower case, no diacritics or tone marks,
 * đ → d, so "hoa giai", "Hòa giải" and "hoà giải" are the same. The server
 * searches the same way; the page uses it to highlight what matched.
 */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/**
 * Splits `text` into parts, marking those that match a word of `query`
 * ignoring diacritics. Folding keeps one character per base letter (after
 * NFC), so positions map back to the original text.
 */
export function highlight(text: string, query: string): { text: string; match: boolean }[] {
  const phrase = fold(query).trim().replace(/\s+/g, ' ');
  // The whole phrase first (so the space between matched words is marked), then each word.
  const words = phrase ? [phrase, ...phrase.split(' ')] : [];
  const source = text.normalize('NFC');
  if (words.length === 0) return [{ text: source, match: false }];
  const folded = [...source].map((c) => fold(c)).join('');
  if (folded.length !== source.length) return [{ text: source, match: false }];
  const marks = new Array<boolean>(source.length).fill(false);
  for (const w of words) {
    let at = folded.indexOf(w);
    while (at >= 0) {
      for (let i = at; i < at + w.length; i++) marks[i] = true;
      at = folded.indexOf(w, at + w.length);
    }
  }
  const parts: { text: string; match: boolean }[] = [];
  for (let i = 0; i < source.length; i++) {
    const last = parts[parts.length - 1];
    if (last && last.match === marks[i]) last.text += source[i];
    else parts.push({ text: source[i]!, match: marks[i]! });
  }
  return parts;
}
