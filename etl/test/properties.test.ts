/**
 * Properties: whatever the grid or the bytes, the public API returns a
 * FileResult and never throws.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FileResult } from '../src/contract.js';
import type { Grid, GridCell } from '../src/grid.js';
import { extract, gridsToResult } from '../src/index.js';
import { applyMerges } from '../src/readers/cell.js';
import { sample } from './helpers.js';

const WORDS = ['STT', 'Tên mô hình', 'Lĩnh vực', 'Chủ thể thực hiện', 'x', 'X', 'Mới', 'Duy trì', 'Tổng cộng', 'I. LĨNH VỰC KINH TẾ', 'TẬP THỂ', '31/11/2026', 'Quý I/2026', 'T/M ĐẢNG ỦY', '(1)', '', 'Họ và tên', 'Số, ngày quyết định', '§¶ng ñy', 'Ñaûng uûy', 'Đơn vị', 'năm 2026'];

const cellArb: fc.Arbitrary<GridCell | undefined> = fc.oneof(
  fc.constant(undefined),
  fc.constantFrom(...WORDS).map((t) => ({ text: t, raw: t })),
  fc.string({ maxLength: 30 }).map((t) => ({ text: t, raw: t })),
  fc.integer({ min: -5, max: 60000 }).map((n) => ({ text: String(n), raw: n })),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }).map((d) => ({ text: d.toISOString(), raw: d })),
);

const gridArb: fc.Arbitrary<Grid> = fc
  .record({
    name: fc.string({ maxLength: 12 }),
    rows: fc.array(fc.array(cellArb, { maxLength: 9 }), { maxLength: 25 }),
    merges: fc.array(fc.tuple(fc.nat(24), fc.nat(8), fc.nat(3), fc.nat(3)), { maxLength: 4 }),
    hiddenRows: fc.array(fc.nat(25), { maxLength: 3 }),
    hiddenColumns: fc.array(fc.nat(9), { maxLength: 2 }),
  })
  .map(({ name, rows, merges, hiddenRows, hiddenColumns }) => {
    const g: Grid = { name, rows, hiddenRows: new Set(hiddenRows), hiddenColumns: new Set(hiddenColumns) };
    applyMerges(g, merges.map(([top, left, h, w]) => ({ top, left, bottom: top + h, right: left + w })));
    return g;
  });

function isFileResult(r: FileResult): boolean {
  return typeof r.file === 'string' && Array.isArray(r.records) && Array.isArray(r.issues) && ['registration', 'recognition', 'exemplar', 'report', 'unknown'].includes(r.kind) && r.issues.every((i) => ['error', 'warning', 'info'].includes(i.severity) && typeof i.code === 'string' && typeof i.message === 'string');
}

describe('properties', () => {
  it('gridsToResult never throws on random grids', () => {
    fc.assert(
      fc.property(fc.array(gridArb, { minLength: 1, maxLength: 3 }), (grids) => {
        const r = gridsToResult(grids, { file: 'x.xlsx', sha256: '', format: 'xlsx' });
        expect(isFileResult(r)).toBe(true);
        // A file with no table says so with an error; records never come with an error issue of NO_TABLE.
        if (r.issues.some((i) => i.code === 'NO_TABLE')) expect(r.records).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  const files = ['2026_dong-hoa_dang-ky-mo-hinh.xlsx', '2023_dong-la_dang-ky.xls', '2026_tan-lai_utf8-bom_cham-phay.csv', '2025-h2_kim-son_cong-nhan_utf16.csv'];

  it('extract never throws on randomly damaged files', async () => {
    const originals = files.map((f) => sample(f));
    await fc.assert(
      fc.asyncProperty(
        fc.nat(files.length - 1),
        fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 0, max: 255 })), { maxLength: 40 }),
        fc.option(fc.double({ min: 0, max: 1, noNaN: true })),
        async (which, flips, cut) => {
          const bytes = originals[which]!.slice();
          for (const [pos, val] of flips) bytes[Math.floor(pos * (bytes.length - 1))] = val;
          const damaged = cut === null ? bytes : bytes.subarray(0, Math.floor(cut * bytes.length));
          const r = await extract(damaged, files[which]!);
          expect(isFileResult(r)).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('extract never throws on arbitrary bytes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 2000 }), fc.constantFrom('a.xlsx', 'b.xls', 'c.csv', 'd.docx', 'e'), async (bytes, name) => {
        const r = await extract(bytes, name);
        expect(isFileResult(r)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
