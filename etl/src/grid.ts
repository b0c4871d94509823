/**
 * The one grid model every reader produces (xlsx, xls, csv, and Word tables),
 * so table finding, column mapping and value normalisation are written once.
 */

export interface GridCell {
  /** Text as displayed, already NFC Unicode (legacy encodings converted by the reader step). */
  text: string;
  /** The raw value: number for numerics and Excel serials, Date for date cells, string otherwise. */
  raw: string | number | boolean | Date | null;
  /** Excel number format when known ('dd/mm/yyyy', 'General' …). */
  numFmt?: string;
  /** Font name as the producer set it ('.VnTime', 'VNI-Times', 'Times New Roman' …). */
  font?: string;
  bold?: boolean;
  /** Set on the top-left cell of a merged range; covered cells have `mergedInto`. */
  rowSpan?: number;
  colSpan?: number;
  /** 'r,c' (0-based) of the merge's top-left cell, on cells a merge covers. */
  mergedInto?: [number, number];
  /** The encoding the text was converted from, when it was not Unicode. */
  encoding?: 'tcvn3' | 'vni';
}

export interface Grid {
  /** Sheet name, or 'Bảng 1' for a Word table. */
  name: string;
  /** rows[r][c]; ragged rows allowed; missing cells are empty. 0-based. */
  rows: (GridCell | undefined)[][];
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  /** Sheet state from the workbook: hidden sheets are still read but reported. */
  hidden?: boolean;
}

/** A Word document body in order: paragraphs and tables interleaved. */
export type DocumentBlock =
  | { type: 'paragraph'; index: number; text: string; bold?: boolean; font?: string; align?: 'left' | 'center' | 'right' | 'both' }
  | { type: 'table'; index: number; grid: Grid };

export interface WordDocument {
  blocks: DocumentBlock[];
}

/** A1 address of a 0-based cell, for provenance. */
export function cellAddress(row: number, col: number): string {
  let name = '';
  let c = col + 1;
  while (c > 0) {
    const m = (c - 1) % 26;
    name = String.fromCharCode(65 + m) + name;
    c = Math.floor((c - 1) / 26);
  }
  return `${name}${row + 1}`;
}
