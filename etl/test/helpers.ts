/** Test helpers: grids from plain arrays, sample file paths. */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Grid, GridCell } from '../src/grid.js';
import { applyMerges } from '../src/readers/cell.js';

export const SAMPLES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'sample-data', 'files');

export function sample(name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(SAMPLES, name)));
}

type In = string | number | Date | null | undefined | { t: string; bold?: boolean };

/** A grid from rows of values; merges as [top, left, bottom, right] (0-based, inclusive). */
export function grid(rows: In[][], opts: { name?: string; merges?: [number, number, number, number][]; hiddenRows?: number[]; hiddenColumns?: number[] } = {}): Grid {
  const g: Grid = {
    name: opts.name ?? 'Sheet1',
    rows: rows.map((row) =>
      row.map((v): GridCell | undefined => {
        if (v === null || v === undefined || v === '') return undefined;
        if (typeof v === 'object' && !(v instanceof Date)) return { text: v.t, raw: v.t, ...(v.bold ? { bold: true } : {}) };
        if (v instanceof Date) return { text: v.toISOString().slice(0, 10), raw: v };
        return { text: String(v), raw: v };
      }),
    ),
    hiddenRows: new Set(opts.hiddenRows ?? []),
    hiddenColumns: new Set(opts.hiddenColumns ?? []),
  };
  applyMerges(g, (opts.merges ?? []).map(([top, left, bottom, right]) => ({ top, left, bottom, right })));
  return g;
}
