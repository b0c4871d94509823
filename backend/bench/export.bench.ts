/**
 * npm run bench:export — the year-end pack for a province-sized subtree,
 * end to end: the real app on a temporary DuckDB file seeded with one
 * province (100 communes, ~2,100 models a year, four years; bench/province-db.ts),
 * then ExportService.pack() as GET /api/export runs it: the figures from the
 * analytics and plans services, the lists, the XLSX/PNG/SVG/DOCX/PPTX writers,
 * the ZIP. Prints seconds and peak RSS; the target is ≤ 5 s.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/app-config.js';
import { Database } from '../src/db/database.js';
import { ExportService } from '../src/export/export.service.js';
import { buildExportZip } from '../src/export/writers/pack.js';
import { PlansService } from '../src/plans/plans.service.js';
import { PROVINCE_ID, provincePlanBody, seedProvinceDb } from './province-db.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dvk-bench-export-'));
const config = {
  ...loadConfig({ LOG_LEVEL: 'silent', DVK_DATA_DIR: dir, DVK_STATIC_DIR: path.join(dir, 'none') }, { databasePath: path.join(dir, 'dvk.duckdb') }),
  staticDir: null,
  port: 0,
};
const app = await createApp(config);
await app.init();
try {
  let started = performance.now();
  await seedProvinceDb(app.get(Database).db);
  await app.get(PlansService).create(provincePlanBody());
  const seeded = (performance.now() - started) / 1000;

  const service = app.get(ExportService);
  const cpu = process.cpuUsage();
  started = performance.now();
  const data = await service.collect({ unit: PROVINCE_ID, year: 2026, fromYear: 2023 }, null);
  const collected = (performance.now() - started) / 1000;
  started = performance.now();
  const zip = await buildExportZip(data);
  const written = (performance.now() - started) / 1000;
  const total = collected + written;
  const used = process.cpuUsage(cpu);
  const cpuSeconds = (used.user + used.system) / 1e6;
  const [load1] = loadavg();
  const peakMb = process.resourceUsage().maxRSS / 1024;

  console.log(`bench:export — ${data.meta.unitName} năm ${data.meta.year} (${data.meta.fromYear}–${data.meta.year}), dữ liệu mẫu nạp trong ${seeded.toFixed(1)} s`);
  console.log(`  ${data.units.length} đơn vị trực thuộc, ${data.overview.registered} mô hình đăng ký, ${data.overview.recognizedTotal} được công nhận, `
    + `${data.recognitions.length} dòng danh sách công nhận, ${data.exemplars.length} điển hình, ${data.quotas.length} dòng chỉ tiêu, ${data.submissions.length} dòng gửi báo cáo`);
  console.log(`  số liệu (analytics): ${collected.toFixed(2)} s   tệp (XLSX, biểu đồ, DOCX, PPTX, ZIP): ${written.toFixed(2)} s   ZIP ${(zip.byteLength / 1024 / 1024).toFixed(1)} MB`);
  console.log(`  TOTAL ${total.toFixed(2)} s (target ≤ 5 s)   CPU ${cpuSeconds.toFixed(2)} s (all threads)   peak RSS ${peakMb.toFixed(0)} MB   load average ${load1!.toFixed(1)} on ${cpus().length} cores`);
  if (total > 5) process.exitCode = 1;
} finally {
  await app.close();
  rmSync(dir, { recursive: true, force: true });
}
