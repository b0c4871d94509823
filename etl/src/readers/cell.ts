/**
 * Shared reader helpers: every reader turns its cells into GridCells through
 * makeCell, so legacy-font conversion and NFC happen in exactly one place.
 */
import type { EtlIssue } from '../contract.js';
import type { Grid, GridCell } from '../grid.js';
import { decodeLegacyText, isTcvn3UpperCaseFont } from '../text/legacy-encoding.js';
import { nfc } from '../text/vietnamese.js';

export interface ReadResult {
  grids: Grid[];
  issues: EtlIssue[];
  /** Set when the reader refused the file; grids are then empty. */
  fatal?: boolean;
}

/** Budget shared by a reader and the pipeline, so a hostile file cannot hang a worker. */
export interface Budget {
  deadline: number;
  maxCells: number;
  cells: number;
  exceeded: 'time' | 'cells' | null;
}

export function makeBudget(timeMs: number, maxCells: number): Budget {
  return { deadline: Date.now() + timeMs, maxCells, cells: 0, exceeded: null };
}

/** Counts one row of cells; false once the budget is spent. */
export function spend(budget: Budget, cells: number): boolean {
  budget.cells += cells;
  if (budget.cells > budget.maxCells) budget.exceeded = 'cells';
  else if (Date.now() > budget.deadline) budget.exceeded = 'time';
  return budget.exceeded === null;
}

const LEGACY_FONT = /^(\.vn|vni[-_ ]|vn[ -]?times|abc)/i;

export function isLegacyFontName(font: string | undefined): boolean {
  return font !== undefined && LEGACY_FONT.test(font.trim());
}

/**
 * Decodes one piece of text as Unicode NFC: by font first (.VnTime → TCVN3,
 * VNI-Times → VNI), by character statistics second. ASCII without a legacy
 * font is returned untouched, which keeps the common case cheap.
 */
export function decodeText(text: string, font?: string): { text: string; encoding?: 'tcvn3' | 'vni' } {
  // Plain ASCII reads the same in every encoding, except in an upper-case TCVN3 font (.VnTimeH shows "stt" as "STT").
  if (!/[^\x00-\x7f]/.test(text) && !isTcvn3UpperCaseFont(font)) return { text: nfc(text) };
  // decodeLegacyText returns NFC text already.
  const decoded = decodeLegacyText(text, font);
  const enc = decoded.encoding;
  const out = decoded.text;
  return enc === 'tcvn3' || enc === 'vni' ? { text: out, encoding: enc } : { text: out };
}

const ORIGINAL = new WeakMap<GridCell, string>();

export function makeCell(
  text: string,
  raw: GridCell['raw'],
  opts: { font?: string | undefined; bold?: boolean | undefined; numFmt?: string | undefined; encoding?: 'tcvn3' | 'vni' | undefined; decoded?: boolean } = {},
): GridCell {
  const decoded: { text: string; encoding?: 'tcvn3' | 'vni' | undefined } =
    opts.decoded || !(typeof raw === 'string' || raw === null) ? { text: nfc(text), encoding: opts.encoding } : decodeText(text, opts.font);
  const cell: GridCell = { text: decoded.text, raw: typeof raw === 'string' ? decoded.text : raw };
  if (decoded.encoding) {
    cell.encoding = decoded.encoding;
    // Detected by statistics alone: keep the original so the sheet's majority can overrule.
    if (!isLegacyFontName(opts.font) && !opts.decoded) ORIGINAL.set(cell, text);
  }
  if (opts.font) cell.font = opts.font;
  if (opts.bold) cell.bold = true;
  if (opts.numFmt) cell.numFmt = opts.numFmt;
  return cell;
}

/** dd/mm/yyyy, the way Vietnamese offices display a date cell. */
export function formatDate(d: Date): string {
  const dd = String(d.getUTCDate()).padStart(2, '0');
  const mm = String(d.getUTCMonth() + 1).padStart(2, '0');
  return `${dd}/${mm}/${d.getUTCFullYear()}`;
}

/** Excel serial (1900 system, or 1904) to a UTC Date. */
export function serialToDate(serial: number, date1904 = false): Date {
  const base = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(base + Math.round(serial * 86_400_000));
}

/** Applies merge rectangles (0-based, inclusive) to a grid's cells. */
export function applyMerges(grid: Grid, merges: { top: number; left: number; bottom: number; right: number }[]): void {
  // Whole-column or whole-sheet merges exist in the wild; covering millions of cells would only burn memory.
  let covered = 0;
  for (const m of merges) {
    if (m.bottom < m.top || m.right < m.left || m.top < 0 || m.left < 0) continue;
    const area = (m.bottom - m.top + 1) * (m.right - m.left + 1);
    if (area > 100_000 || covered + area > 1_000_000) continue;
    covered += area;
    const row = (grid.rows[m.top] ??= []);
    const master = (row[m.left] ??= { text: '', raw: null });
    master.rowSpan = m.bottom - m.top + 1;
    master.colSpan = m.right - m.left + 1;
    for (let r = m.top; r <= m.bottom; r++) {
      const cells = (grid.rows[r] ??= []);
      for (let c = m.left; c <= m.right; c++) {
        if (r === m.top && c === m.left) continue;
        const existing = cells[c];
        cells[c] = { text: '', raw: null, mergedInto: [m.top, m.left], ...(existing?.font ? { font: existing.font } : {}) };
      }
    }
  }
  // Dense rows: fill holes so rows[r] has no sparse slots.
  for (let r = 0; r < grid.rows.length; r++) if (grid.rows[r] === undefined) grid.rows[r] = [];
}

export function readerError(code: string, message: string): ReadResult {
  return { grids: [], issues: [{ severity: 'error', code, message }], fatal: true };
}

/**
 * Without font names (xls through SheetJS, CSV), short legacy cells lack the
 * statistics to be recognised alone ("Quèc phßng - an ninh"). When a sheet
 * is clearly in one legacy encoding, read its other Latin-1-looking cells in
 * that encoding too; cells with Unicode-only Vietnamese letters stay as they are.
 */
export function harmoniseLegacy(grid: Grid): void {
  let tcvn3 = 0;
  let vni = 0;
  for (const row of grid.rows) {
    if (!row) continue;
    for (const c of row) {
      if (c?.encoding === 'tcvn3') tcvn3++;
      else if (c?.encoding === 'vni') vni++;
    }
  }
  const total = tcvn3 + vni;
  if (total < 3) return;
  const dominant = tcvn3 >= vni * 3 ? 'tcvn3' : vni >= tcvn3 * 3 ? 'vni' : null;
  if (!dominant) return;
  const font = dominant === 'tcvn3' ? '.VnTime' : 'VNI-Times';
  for (const row of grid.rows) {
    if (!row) continue;
    for (const c of row) {
      if (!c || c.encoding === dominant || c.font || typeof c.raw !== 'string') continue;
      const original = c.encoding ? ORIGINAL.get(c) : c.text;
      if (original === undefined || !/[\u00a0-\u00ff]/.test(original)) continue;
      const d = decodeLegacyText(original, font);
      if (d.encoding === dominant) {
        c.text = nfc(d.text);
        c.raw = c.text;
        c.encoding = dominant;
      }
    }
  }
}
