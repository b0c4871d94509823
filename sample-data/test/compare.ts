/**
 * Field-by-field comparison of an extraction with a sample's expected
 * reading, and the corpus score. Shared by the vitest corpus test and the
 * `score` script (which goes through the real CLI).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { EtlIssue, FileResult } from '@dvk/etl';

export const FILES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'files');

export interface CorpusEntry {
  file: string;
  path: string;
  expected: Record<string, unknown>;
}

const SAMPLE_EXT = /\.(xlsx|xls|csv|docx|doc)$/i;

/** Every sample file with its expected JSON (NAME.expected.json or NAME.ext.expected.json). */
export function corpus(dir = FILES_DIR): CorpusEntry[] {
  if (!existsSync(dir)) return [];
  const out: CorpusEntry[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!SAMPLE_EXT.test(file)) continue;
    const a = join(dir, `${file}.expected.json`);
    const b = join(dir, `${file.replace(/\.[^.]+$/, '')}.expected.json`);
    const p = existsSync(a) ? a : existsSync(b) ? b : null;
    if (!p) continue;
    out.push({ file, path: join(dir, file), expected: JSON.parse(readFileSync(p, 'utf8')) as Record<string, unknown> });
  }
  return out;
}

export interface Mismatch {
  where: string;
  expected: unknown;
  actual: unknown;
}

export interface FileScore {
  file: string;
  checked: number;
  matched: number;
  mismatches: Mismatch[];
}

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

const FILE_KEYS = ['format', 'kind', 'year', 'unit', 'level', 'encoding', 'decision_no', 'decision_date'] as const;

/** Spreadsheet samples list every error and warning; Word samples list only the issues that must be present. */
function strictIssues(file: string): boolean {
  return /\.(xlsx|xls|csv)$/i.test(file);
}

function issueMatches(exp: Record<string, unknown>, act: EtlIssue): boolean {
  if (exp.severity !== act.severity || exp.code !== act.code) return false;
  if (exp.sheet !== undefined && exp.sheet !== null && exp.sheet !== act.sheet) return false;
  if (exp.row !== undefined && exp.row !== null && exp.row !== act.row) return false;
  return true;
}

export function compareFile(entry: CorpusEntry, actual: FileResult): FileScore {
  const score: FileScore = { file: entry.file, checked: 0, matched: 0, mismatches: [] };
  const check = (where: string, expected: unknown, got: unknown) => {
    score.checked++;
    if (same(expected, got)) score.matched++;
    else score.mismatches.push({ where, expected, actual: got });
  };
  const exp = entry.expected;
  for (const k of FILE_KEYS) if (k in exp) check(k, exp[k] ?? null, (actual as unknown as Record<string, unknown>)[k] ?? null);
  const expRecords = (exp.records ?? []) as Record<string, unknown>[];
  check('records.length', expRecords.length, actual.records.length);
  expRecords.forEach((er, i) => {
    const ar = actual.records[i] as unknown as Record<string, unknown> | undefined;
    for (const [k, v] of Object.entries(er)) {
      if (k === 'source') {
        const src = v as Record<string, unknown>;
        const asrc = (ar?.source ?? {}) as Record<string, unknown>;
        for (const [sk, sv] of Object.entries(src)) check(`records[${i}].source.${sk}`, sv, asrc[sk] ?? null);
      } else check(`records[${i}].${k}`, v, ar ? (ar[k] ?? null) : undefined);
    }
  });
  // Issues: each expected one present; for spreadsheets, no unexpected error or warning.
  const expIssues = (exp.issues ?? []) as Record<string, unknown>[];
  const pool = [...actual.issues];
  for (const ei of expIssues) {
    const idx = pool.findIndex((a) => issueMatches(ei, a));
    check(`issue ${ei.severity}:${ei.code}${ei.row ? `@${ei.row}` : ''}`, true, idx >= 0);
    if (idx >= 0) pool.splice(idx, 1);
  }
  if (strictIssues(entry.file)) {
    for (const a of pool) {
      if (a.severity === 'info') continue;
      score.checked++;
      score.mismatches.push({ where: `unexpected ${a.severity}:${a.code}${a.row ? `@${a.row}` : ''}`, expected: null, actual: a.message });
    }
  }
  return score;
}

export function summarise(scores: FileScore[]): { checked: number; matched: number; ratio: number; perfect: number } {
  const checked = scores.reduce((n, s) => n + s.checked, 0);
  const matched = scores.reduce((n, s) => n + s.matched, 0);
  return { checked, matched, ratio: checked ? matched / checked : 1, perfect: scores.filter((s) => s.mismatches.length === 0).length };
}
