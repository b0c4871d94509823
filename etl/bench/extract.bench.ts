/**
 * Benchmark (not a test): reads the sample corpus N times through extract()
 * and prints files/s, ms per file (median, p95), peak RSS, the ratio of
 * extract time to a bare exceljs load of the same .xlsx files, and the time
 * of the 45-row commune file. Targets (issue 4): ratio ≤ 2, 45 rows ≤ 20 ms.
 *   npm run bench:etl [-- ROUNDS]
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { availableParallelism, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { extract, sniffFormat } from '../src/index.js';

const DIR = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'sample-data', 'files');
const ROUNDS = Number(process.argv[2] ?? 10);
const COMMUNE_45 = '2026_tan-lai_bieu-tong-hop-45-mo-hinh.xlsx';

const files = readdirSync(DIR)
  .filter((f) => /\.(xlsx|xls|csv|docx|doc)$/i.test(f))
  .sort()
  .map((f) => ({ name: f, bytes: new Uint8Array(readFileSync(join(DIR, f))) }));
// Real, sound .xlsx workbooks only for the exceljs comparison (exceljs would choke on the broken ones).
const xlsx = files.filter((f) => f.name.endsWith('.xlsx') && !f.name.startsWith('hong') && sniffFormat(f.bytes).format === 'xlsx');

function availableCores(): number {
  return availableParallelism();
}

function quantile(sorted: number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[i]!;
}

async function bareLoad(bytes: Uint8Array): Promise<void> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
}

// Warm-up: JIT and module caches.
for (const f of files) await extract(f.bytes, f.name);
for (const f of xlsx) await bareLoad(f.bytes);

const perFile: number[] = [];
const perWord: number[] = [];
const commune: number[] = [];
let extractXlsx = 0;
let bareXlsx = 0;
const t0 = performance.now();
for (let round = 0; round < ROUNDS; round++) {
  for (const f of files) {
    const s = performance.now();
    await extract(f.bytes, f.name);
    const ms = performance.now() - s;
    perFile.push(ms);
    if (/\.docx?$/i.test(f.name)) perWord.push(ms);
    if (f.name === COMMUNE_45) commune.push(ms);
  }
}
const total = performance.now() - t0;
// Interleave extract and bare load per file so both see the same machine state.
for (let round = 0; round < ROUNDS; round++) {
  for (const f of xlsx) {
    let s = performance.now();
    await bareLoad(f.bytes);
    bareXlsx += performance.now() - s;
    s = performance.now();
    await extract(f.bytes, f.name);
    extractXlsx += performance.now() - s;
  }
}
// The 45-row file alone: wall and CPU time, and its bare exceljs load, so a busy machine can be read through.
const c45 = files.find((f) => f.name === COMMUNE_45);
const cpu45: number[] = [];
const wall45: number[] = [];
const bare45: number[] = [];
if (c45) {
  for (let i = 0; i < ROUNDS * 5; i++) {
    const cpu = process.cpuUsage();
    const w = performance.now();
    await extract(c45.bytes, c45.name);
    wall45.push(performance.now() - w);
    const d = process.cpuUsage(cpu);
    cpu45.push((d.user + d.system) / 1000);
    const s = performance.now();
    await bareLoad(c45.bytes);
    bare45.push(performance.now() - s);
  }
}
cpu45.sort((a, b) => a - b);
wall45.sort((a, b) => a - b);
bare45.sort((a, b) => a - b);
perFile.sort((a, b) => a - b);
perWord.sort((a, b) => a - b);
commune.sort((a, b) => a - b);
const rssMb = process.resourceUsage().maxRSS / 1024;
const fmt = (n: number) => n.toFixed(2);
process.stdout.write(
  [
    `Bộ mẫu: ${files.length} tệp × ${ROUNDS} lượt (${xlsx.length} tệp .xlsx hợp lệ để so với exceljs)`,
    `Tốc độ: ${fmt((files.length * ROUNDS) / (total / 1000))} tệp/s`,
    `Mỗi tệp: trung vị ${fmt(quantile(perFile, 0.5))} ms, p95 ${fmt(quantile(perFile, 0.95))} ms, lớn nhất ${fmt(perFile.at(-1) ?? NaN)} ms`,
    `Tệp 45 dòng (${COMMUNE_45}), đo riêng: trung vị ${fmt(quantile(wall45, 0.5))} ms (CPU ${fmt(quantile(cpu45, 0.5))} ms), p95 ${fmt(quantile(wall45, 0.95))} ms; exceljs đọc trần ${fmt(quantile(bare45, 0.5))} ms; trong lượt chạy cả bộ: trung vị ${fmt(quantile(commune, 0.5))} ms (mục tiêu ≤ 20 ms)`,
    `So với exceljs đọc trần (.xlsx): extract ${fmt(extractXlsx / (xlsx.length * ROUNDS))} ms/tệp, exceljs ${fmt(bareXlsx / (xlsx.length * ROUNDS))} ms/tệp, tỉ lệ ${fmt(extractXlsx / bareXlsx)}× (mục tiêu ≤ 2×)`,
    `Văn bản Word (.docx/.doc): ${files.filter((f) => /\.docx?$/i.test(f.name)).length} tệp, trung vị ${fmt(quantile(perWord, 0.5))} ms, p95 ${fmt(quantile(perWord, 0.95))} ms`,
    `Bộ nhớ đỉnh (RSS): ${rssMb.toFixed(0)} MB`,
    `Tải máy (loadavg 1 phút): ${loadavg()[0]!.toFixed(1)} trên ${availableCores()} lõi — số đo thời gian tăng theo tải`,
  ].join('\n') + '\n',
);
