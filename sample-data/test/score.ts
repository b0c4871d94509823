/**
 * The corpus score through the real CLI: runs `dvk-etl extract --json` on
 * every sample file and compares each with its expected reading.
 *   npm run score -w sample-data [-- --verbose] [-- FILTER]
 */
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ExtractOutput } from '@dvk/etl';
import { compareFile, corpus, summarise } from './compare.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const filter = args.find((a) => !a.startsWith('--'));
const entries = corpus().filter((e) => !filter || e.file.includes(filter));
const out = execFileSync(process.execPath, [join(root, 'etl/bin/dvk-etl.js'), 'extract', '--json', ...entries.map((e) => e.path)], { maxBuffer: 256 * 1024 * 1024 });
const result = JSON.parse(out.toString('utf8')) as ExtractOutput;
const scores = entries.map((e, i) => compareFile(e, result.files[i]!));
for (const s of scores) {
  const mark = s.mismatches.length === 0 ? 'đúng' : `${s.mismatches.length} sai`;
  process.stdout.write(`${s.file}: ${s.matched}/${s.checked} (${mark})\n`);
  if (verbose) for (const m of s.mismatches.slice(0, 40)) process.stdout.write(`    ${m.where}: cần ${JSON.stringify(m.expected)}, đọc được ${JSON.stringify(m.actual)}\n`);
}
const t = summarise(scores);
const sheets = summarise(scores.filter((s) => /\.(xlsx|xls|csv)$/.test(s.file)));
process.stdout.write(`\nĐiểm: ${t.matched}/${t.checked} trường (${(t.ratio * 100).toFixed(2)} %), ${t.perfect}/${scores.length} tệp khớp hoàn toàn; riêng bảng tính: ${sheets.matched}/${sheets.checked} (${(sheets.ratio * 100).toFixed(2)} %), ${sheets.perfect}/${scores.filter((s) => /\.(xlsx|xls|csv)$/.test(s.file)).length} tệp\n`);
