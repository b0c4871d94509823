/**
 * The sample corpus: every file read through extract() and compared field by
 * field with the expected reading its generator wrote. Prints the score.
 */
import { readFileSync } from 'node:fs';
import { extract, type FileResult } from '@dvk/etl';
import { afterAll, describe, expect, it } from 'vitest';
import { compareFile, corpus, type FileScore, summarise } from './compare.js';

const entries = corpus();
const scores: FileScore[] = [];

describe('sample corpus', () => {
  it('has at least 25 spreadsheet samples, each with its expected reading', () => {
    expect(entries.filter((e) => /\.(xlsx|xls|csv)$/.test(e.file)).length).toBeGreaterThanOrEqual(25);
  });

  for (const entry of entries) {
    it(entry.file, async () => {
      const actual: FileResult = await extract(new Uint8Array(readFileSync(entry.path)), entry.file);
      const score = compareFile(entry, actual);
      scores.push(score);
      const broken = (entry.expected.issues as { severity: string }[] | undefined)?.some((i) => i.severity === 'error');
      if (broken) expect(actual.records).toEqual([]);
      expect(score.mismatches.slice(0, 15)).toEqual([]);
    });
  }

  afterAll(() => {
    const s = summarise(scores);
    const spreadsheet = summarise(scores.filter((x) => /\.(xlsx|xls|csv)$/.test(x.file)));
    process.stdout.write(
      `\nĐiểm bộ mẫu: ${s.matched}/${s.checked} trường đúng (${(s.ratio * 100).toFixed(2)} %), ${s.perfect}/${scores.length} tệp khớp hoàn toàn` +
        ` · bảng tính: ${spreadsheet.matched}/${spreadsheet.checked} (${(spreadsheet.ratio * 100).toFixed(2)} %)\n`,
    );
  });
});
