/**
 * Damaged Word bytes never throw out of extract(): whatever the damage, the
 * result is a FileResult, and a file that failed has an error and no records.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../../src/index.js';
import type { FileResult } from '../../src/contract.js';
import { figuresInText } from '../../src/word/figures.js';
import { parseChoices } from '../../src/word/choices.js';

const FILES = join(dirname(fileURLToPath(import.meta.url)), '../../../sample-data/files');
const SOURCES = ['2026_dong-hoa_mau04-doan-thanh-nien.docx', '2026_dong-hoa_mau01-tong-hop-gop-o.docx', '2026_kim-son_dang-ky-word-97.doc'].map((f) => ({ f, bytes: new Uint8Array(readFileSync(join(FILES, f))) }));

/** One kind of damage: flipped bytes, a cut, a spliced run of garbage, or a zeroed block. */
const damage = fc.oneof(
  fc.record({ kind: fc.constant('flip' as const), at: fc.array(fc.nat(), { minLength: 1, maxLength: 24 }), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('splice' as const), at: fc.nat(), junk: fc.uint8Array({ minLength: 1, maxLength: 300 }) }),
  fc.record({ kind: fc.constant('zero' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 2048 }) }),
);

interface Damage { kind: 'flip' | 'cut' | 'splice' | 'zero'; at: number | number[]; xor?: number; junk?: Uint8Array; len?: number }

function apply(bytes: Uint8Array, d: Damage): Uint8Array {
  const out = new Uint8Array(bytes);
  const n = out.length;
  switch (d.kind) {
    case 'flip':
      for (const a of d.at as number[]) out[a % n] = (out[a % n] ?? 0) ^ (d.xor ?? 1);
      return out;
    case 'cut':
      return out.subarray(0, (d.at as number) % n);
    case 'splice': {
      const at = (d.at as number) % n;
      const junk = d.junk ?? new Uint8Array();
      const res = new Uint8Array(n + junk.length);
      res.set(out.subarray(0, at));
      res.set(junk, at);
      res.set(out.subarray(at), at + junk.length);
      return res;
    }
    default: {
      const at = (d.at as number) % n;
      out.fill(0, at, Math.min(n, at + (d.len ?? 1)));
      return out;
    }
  }
}

function wellFormed(r: FileResult, name: string): void {
  expect(r.file).toBe(name);
  expect(Array.isArray(r.records)).toBe(true);
  expect(Array.isArray(r.issues)).toBe(true);
  for (const i of r.issues) {
    expect(['error', 'warning', 'info']).toContain(i.severity);
    expect(i.code).toMatch(/^[A-Z0-9_]+$/);
    expect(i.message.length).toBeGreaterThan(0);
  }
  if (r.issues.some((i) => i.severity === 'error') && r.kind === 'unknown') expect(r.records).toEqual([]);
}

describe('damaged Word files never throw', () => {
  for (const { f, bytes } of SOURCES) {
    it(`${f}: random damage → a FileResult`, async () => {
      await fc.assert(
        fc.asyncProperty(damage, async (d) => {
          const name = `hong-${f}`;
          const r = await extract(apply(bytes, d), name);
          wellFormed(r, name);
        }),
        { numRuns: 40, seed: 20260215 },
      );
    });
  }
});

describe('text functions never throw on arbitrary text', () => {
  it('figuresInText and parseChoices', () => {
    const vn = fc.string({ unit: fc.constantFrom(...'0123456789 ,.;:()/%-“”☒☐■□[]xmô hình tập thể cá nhân mới duy trì nhân rộng cấp xã huyện tỉnh công nhận đăng ký mười hai năm'.split('')), maxLength: 200 });
    fc.assert(fc.property(fc.oneof(vn, fc.string({ maxLength: 200 })), fc.option(fc.integer({ min: 1990, max: 2100 }), { nil: null }), (s, y) => {
      for (const f of figuresInText(s, y)) {
        expect(Number.isInteger(f.value)).toBe(true);
        expect(f.value).toBeGreaterThanOrEqual(0);
      }
      for (const c of parseChoices(s)) expect(typeof c.checked).toBe('boolean');
    }), { numRuns: 400, seed: 7 });
  });
});
