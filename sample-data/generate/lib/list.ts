/**
 * Builders for the parts of a unit's list: the title block, a table with one
 * to three merged header rows, numbering row, group rows, data rows, totals
 * and the signature block. Each returns the rows it used, so the expected
 * records carry the real row numbers.
 */
import type { CellIn, SheetSpec } from './sheet.js';

export interface TitleBlock {
  /** Left block, top to bottom: superior, issuing unit. */
  left: string[];
  /** Right block: "ĐẢNG CỘNG SẢN VIỆT NAM" and the date line. */
  right: string[];
  /** Centered document title lines. */
  title: string[];
  width: number;
  /** Left block width in columns. */
  leftWidth?: number;
}

export function titleBlock(s: SheetSpec, t: TitleBlock): void {
  const lw = t.leftWidth ?? Math.max(2, Math.floor(t.width / 3));
  const n = Math.max(t.left.length, t.right.length);
  for (let i = 0; i < n; i++) {
    const row: CellIn[] = [];
    if (t.left[i]) row[0] = { v: t.left[i]!, bold: i > 0 || t.left.length === 1 };
    if (t.right[i]) row[lw] = { v: t.right[i]!, bold: i === 0 };
    const r = s.add(row);
    if (t.left[i]) s.merge(r, 0, r, lw - 1);
    if (t.right[i]) s.merge(r, lw, r, t.width - 1);
  }
  s.blank();
  for (const line of t.title) {
    const r = s.add([{ v: line, bold: true }]);
    s.merge(r, 0, r, t.width - 1);
  }
  s.blank();
}

export interface ColDef<T> {
  /** Header path, top level first; a one-element path spans every header row. */
  header: string[];
  get: (item: T, index: number) => CellIn;
  hidden?: boolean;
  width?: number;
}

export type Entry<T> = { group: string } | { item: T };

export interface TableOptions {
  at?: number;
  numbering?: 'paren' | 'plain' | null;
  /** 'merged': one bold cell across the table; 'split': roman number in STT, text in the next column. */
  groupStyle?: 'merged' | 'split';
  total?: ((count: number) => CellIn[]) | null;
  /** Columns left blank as separators (0-based, inside the table). */
  blankCols?: number[];
}

export interface PlacedItem<T> {
  item: T;
  row: number;
  index: number;
}

/** The header as the reader reports it: header rows joined with " / ", repeats and blanks dropped. */
export function headerKeyOf(path: string[]): string {
  const parts: string[] = [];
  for (const p of path) {
    const t = p.replace(/\s+/g, ' ').trim();
    if (t !== '' && parts[parts.length - 1] !== t) parts.push(t);
  }
  return parts.join(' / ');
}

export function table<T>(s: SheetSpec, cols: ColDef<T>[], entries: Entry<T>[], opts: TableOptions = {}): { placed: PlacedItem<T>[]; headerTop: number; lastRow: number; colIndex: number[] } {
  const at = opts.at ?? 0;
  const blank = new Set(opts.blankCols ?? []);
  // Physical column of each definition, skipping separator columns.
  const colIndex: number[] = [];
  let c = at;
  for (let i = 0; i < cols.length; i++) {
    while (blank.has(c - at)) c++;
    colIndex.push(c);
    c++;
  }
  const width = (colIndex[colIndex.length - 1] ?? at) - at + 1;
  const depth = Math.max(...cols.map((d) => d.header.length));
  const headerTop = s.next;
  for (let level = 0; level < depth; level++) {
    const row: CellIn[] = [];
    cols.forEach((d, i) => {
      const label = d.header[level];
      if (label === undefined) return;
      // A parent label repeated on adjacent columns is written once and merged.
      const prev = i > 0 ? cols[i - 1]! : null;
      const sameParent = prev && level < d.header.length - 1 && prev.header[level] === label && prev.header.slice(0, level).join('|') === d.header.slice(0, level).join('|');
      if (sameParent) return;
      row[colIndex[i]! - at] = { v: label, bold: true };
    });
    s.add(row, { at });
  }
  cols.forEach((d, i) => {
    const pc = colIndex[i]!;
    // Vertical merge for a label that stops above the last header row.
    const last = d.header.length - 1;
    if (last < depth - 1) s.merge(headerTop + last, pc, headerTop + depth - 1, pc);
    // Horizontal merges for parents.
    for (let level = 0; level < d.header.length - 1; level++) {
      const prev = i > 0 ? cols[i - 1]! : null;
      const starts = !(prev && prev.header[level] === d.header[level] && prev.header.length - 1 > level && prev.header.slice(0, level).join('|') === d.header.slice(0, level).join('|'));
      if (!starts) continue;
      let j = i;
      while (j + 1 < cols.length && cols[j + 1]!.header[level] === d.header[level] && cols[j + 1]!.header.length - 1 > level && cols[j + 1]!.header.slice(0, level).join('|') === d.header.slice(0, level).join('|')) j++;
      if (j > i) s.merge(headerTop + level, pc, headerTop + level, colIndex[j]!);
    }
    if (d.hidden) s.hiddenCols.add(pc);
    if (d.width) s.widths[pc] = d.width;
  });
  if (opts.numbering) {
    const row: CellIn[] = [];
    cols.forEach((_, i) => {
      row[colIndex[i]! - at] = opts.numbering === 'paren' ? `(${i + 1})` : i + 1;
    });
    s.add(row, { at });
  }
  const placed: PlacedItem<T>[] = [];
  let index = 0;
  let lastRow = s.next - 1;
  for (const e of entries) {
    if ('group' in e) {
      if (opts.groupStyle === 'split') {
        const m = /^([IVX]+|[A-D])\.\s*(.*)$/.exec(e.group);
        const row: CellIn[] = [];
        row[colIndex[0]! - at] = { v: m ? m[1]! : '', bold: true };
        row[colIndex[1]! - at] = { v: m ? m[2]! : e.group, bold: true };
        lastRow = s.add(row, { at });
      } else {
        lastRow = s.add([{ v: e.group, bold: true }], { at });
        s.merge(lastRow, at, lastRow, at + width - 1);
      }
      continue;
    }
    const row: CellIn[] = [];
    cols.forEach((d, i) => {
      row[colIndex[i]! - at] = d.get(e.item, index);
    });
    lastRow = s.add(row, { at });
    placed.push({ item: e.item, row: lastRow, index });
    index++;
  }
  if (opts.total) {
    lastRow = s.add(opts.total(index), { at, bold: true });
  }
  return { placed, headerTop, lastRow, colIndex };
}

export function signature(s: SheetSpec, width: number, lines: { left?: string[]; right: string[] }): number {
  s.blank();
  const first = s.next;
  const n = Math.max(lines.left?.length ?? 0, lines.right.length);
  const half = Math.floor(width / 2);
  for (let i = 0; i < n; i++) {
    const row: CellIn[] = [];
    if (lines.left?.[i]) row[0] = { v: lines.left[i]!, bold: i === 0 };
    if (lines.right[i]) row[half] = { v: lines.right[i]!, bold: i < 2 };
    const r = s.add(row);
    if (lines.right[i]) s.merge(r, half, r, width - 1);
  }
  return first;
}
