/**
 * Ingest benchmark (npm run bench:ingest): a generated batch of commune files
 * (5–60 rows each) loaded through the real API on a temp DuckDB file, against
 * the ETL's extract() alone on the same files with the same number of reader
 * threads, in rounds (each with fresh threads and a fresh database; the
 * median round's ratio is reported, as this machine's speed drifts). Prints
 * files/s, rows/s, p95 per file, peak RSS and the ratio, then the writer
 * alone: the same readings written with LoadService.loadMany. Each round
 * then loads a second batch into the store the first one filled (the same
 * communes' lists of other years, as when an office loads its archive): the
 * everyday case, where every row meets models already stored, and the server's
 * threads have run before. It is compared with the ETL reading the same files
 * on threads that have also read the first batch.
 *
 *   BENCH_FILES=1000   number of files
 *   BENCH_ROUNDS=3     rounds of extract-then-load
 *   BENCH_WORKERS=n    reader threads (default: the ingest default, one core fewer than the machine has)
 *   BENCH_FOLLOW=poll  follow the batch by polling GET /api/uploads/:id (default: its server-sent events, as the page does)
 *   BENCH_REGISTRY=none  leave the generated communes out of the unit registry: every issuer and owner
 *                      is unknown, so every row waits for review with suggestions (a first upload before
 *                      the office imported its unit list). Default: the communes and their organisations
 *                      are registered, as after the unit list import, so names resolve as in daily use.
 */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.js';
import { loginAt } from '../test/support/test-app.js';
import { loadConfig, REPO_ROOT } from '../src/config/app-config.js';
import { ReadPool } from '../src/ingest/read-pool.js';
import type { BatchView } from '../src/ingest/uploads.service.js';
import { DEFAULT_GROUP_FILES, defaultReaderThreads } from '../src/ingest/ingest.options.js';
import { LoadService } from '../src/ingest/load.service.js';
import { RawFileStore } from '../src/ingest/raw-file.store.js';
import { UnitsService } from '../src/units/units.service.js';
import { communeFile } from '../test/ingest/support.js';


const FILES = Number(process.env.BENCH_FILES ?? 1000);
const WORKERS = Number(process.env.BENCH_WORKERS ?? process.env.DVK_INGEST_WORKERS ?? defaultReaderThreads());
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));

function rowsFor(i: number): number {
  // Deterministic spread over 5–60 rows (a commune's list), mean ≈ 32.
  return 5 + ((i * 7919 + 13) % 56);
}

/**
 * The generated communes as the office's unit list would hold them: the
 * commune, its party committee (the files' issuer) and the organisations the
 * files name as owners ("Hội Nông dân xã" is read within the issuing commune).
 */
function benchRegistry(count: number) {
  const organisations: [string, string, string][] = [
    ['Hội Nông dân xã', 'mass_organisation', 'commune'], ['Hội Liên hiệp Phụ nữ xã', 'mass_organisation', 'commune'],
    ['Đoàn Thanh niên xã', 'mass_organisation', 'commune'], ['Hội Cựu chiến binh xã', 'mass_organisation', 'commune'],
    ['Ủy ban nhân dân xã', 'peoples_committee', 'commune'], ['Chi bộ Công an xã', 'police', 'grassroots'], ['Chi bộ Quân sự xã', 'military', 'grassroots'],
  ];
  const units = [];
  for (let i = 1; i <= count; i++) {
    const place = `Thử Nghiệm ${i}`;
    const unit = (key: string, name: string, kind: string, level: string, parent: string) => ({ key, name, kind, level, parent, valid_from: null, valid_to: null, aliases: [] });
    units.push(unit(`bench-xa-${i}`, `Xã ${place}`, 'commune', 'commune', 'tinh'));
    units.push(unit(`bench-du-${i}`, `Đảng ủy xã ${place}`, 'party_committee', 'commune', `bench-xa-${i}`));
    organisations.forEach(([name, kind, level], k) => units.push(unit(`bench-org-${i}-${k}`, `${name} ${place}`, kind, level, level === 'grassroots' ? `bench-du-${i}` : `bench-xa-${i}`)));
  }
  return { units, lineage: [] };
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0;
}

const dir = mkdtempSync(path.join(tmpdir(), 'dvk-bench-'));
const filesDir = path.join(dir, 'files');
mkdirSync(filesDir);
console.log(`Sinh ${FILES} tệp xã (5–60 dòng)…`);
const files: { name: string; path: string; bytes: Uint8Array; rows: number }[] = [];
for (let i = 0; i < FILES; i++) {
  const rows = rowsFor(i);
  const bytes = await communeFile(i, rows, 2023 + (i % 4));
  const name = `xa-${String(i + 1).padStart(4, '0')}.xlsx`;
  const file = path.join(filesDir, name);
  writeFileSync(file, bytes);
  files.push({ name, path: file, bytes, rows });
}
const expectedRows = files.reduce((sum, f) => sum + f.rows, 0);
// The second batch: each commune's list of another year (two years on, modulo the four years used).
const archive: { name: string; path: string; bytes: Uint8Array }[] = [];
for (let i = 0; i < FILES; i++) {
  const name = `xa-${String(i + 1).padStart(4, '0')}-nam-khac.xlsx`;
  const bytes = await communeFile(i, rowsFor(i), 2023 + ((i + 2) % 4));
  writeFileSync(path.join(filesDir, name), bytes);
  archive.push({ name, path: path.join(filesDir, name), bytes });
}

// 1 and 2, in rounds: the ETL alone, then the same files through the API, each round with fresh
// reader threads and a fresh database. This machine's speed drifts by tens of percent over minutes,
// so the ratio is taken within each round (the two phases run seconds apart) and the median reported.

/** A full collection before each timed phase, so neither pays for the garbage the one before left (the previous round's app). */
function collectGarbage(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/**
 * The ETL alone, same reader threads, no database: the batch, then the second
 * batch's files with the same (now warmed) threads, as the server's threads
 * are when its second batch arrives.
 */
async function extractAlone(): Promise<{ seconds: number; cpuSeconds: number; rows: number; secondSeconds: number }> {
  const pool = new ReadPool(WORKERS);
  await pool.read(files[0]!.path, files[0]!.name); // warm the threads (tsx/transpile) outside the timing
  // Only the row counts are kept: holding a thousand readings would tax the garbage collector during the load that follows.
  const readAll = async (list: readonly { path: string; name: string }[]) => {
    collectGarbage();
    const started = performance.now();
    const cpu = process.cpuUsage();
    const counts = await Promise.all(list.map((f) => pool.read(f.path, f.name).then((r) => r.records.length)));
    const used = process.cpuUsage(cpu);
    return { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, rows: counts.reduce((sum, n) => sum + n, 0) };
  };
  const first = await readAll(files);
  const second = await readAll(archive);
  await pool.close();
  return { ...first, secondSeconds: second.seconds };
}

/** POST /api/uploads, then follow the batch until done. */
async function loadBatch(api: Awaited<ReturnType<typeof loginAt>>, body: { type: string; body: Uint8Array }): Promise<{ view: BatchView; acceptSeconds: number }> {
  const started = performance.now();
  const posted = await api(`/api/uploads`, { method: 'POST', body: body.body, headers: { 'content-type': body.type } });
  if (posted.status !== 202) throw new Error(`upload: ${posted.status} ${await posted.text()}`);
  const accepted = (await posted.json()) as BatchView;
  const acceptSeconds = (performance.now() - started) / 1000;
  // Follow the batch the way the upload page does: its server-sent events, until 'done'.
  if (process.env.BENCH_FOLLOW === 'poll') {
    for (;;) {
      const polled = await api(`/api/uploads/${accepted.id}`).then((r) => r.json() as Promise<BatchView>, () => null);
      if (polled?.state === 'done') break;
      await new Promise((r) => setTimeout(r, 500));
    }
  } else {
    const events = await api(`/api/uploads/${accepted.id}/events`);
    if (!events.ok || !events.body) throw new Error(`events: ${events.status}`);
    let buffered = '';
    const decoder = new TextDecoder();
    for await (const chunk of events.body as unknown as AsyncIterable<Uint8Array>) {
      buffered += decoder.decode(chunk, { stream: true });
      if (/^event: done$/m.test(buffered)) break;
      buffered = buffered.slice(Math.max(0, buffered.lastIndexOf('\n\n')));
    }
  }
  return { view: (await (await api(`/api/uploads/${accepted.id}`)).json()) as BatchView, acceptSeconds };
}

/** Through the API on a fresh database: the batch, then the second batch into the store it filled. */
async function throughApi(round: number) {
  process.env.DVK_INGEST_WORKERS = String(WORKERS);
  const dataDir = path.join(dir, `data-${round}`);
  const config = loadConfig(
    { LOG_LEVEL: process.env.BENCH_LOG ?? 'silent', DVK_DATA_DIR: dataDir, DVK_STATIC_DIR: path.join(dir, 'none'), DVK_ADMIN_USER: 'bench', DVK_ADMIN_PASSWORD: 'Mật-khẩu-đo-tải-2026' },
    { databasePath: path.join(dataDir, 'dvk.duckdb'), port: 0, host: '127.0.0.1' },
  );
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
  // Every route needs a session (issue 10): the bench signs in as the admin created from the environment.
  const api = await loginAt(url, 'bench', 'Mật-khẩu-đo-tải-2026');
  // The demo province's registry, so owners are resolved (and suggested) against real units.
  await app.get(UnitsService).importRegistryFile(path.join(REPO_ROOT, 'sample-data/units/units.json'));
  if (REGISTERED) {
    const started = performance.now();
    await app.get(UnitsService).importRegistryFile(registryFile);
    if (round === 1) console.log(`Danh mục: ${FILES} xã thử nghiệm và tổ chức của chúng (${((performance.now() - started) / 1000).toFixed(1)} s, ngoài phần đo)`);
  }
  // Warm the app's reader threads with one throwaway file so both timings exclude thread start-up.
  {
    const form = new FormData();
    form.append('files', new Blob([await communeFile(99_999, 5)]), 'warm.xlsx');
    const warm = (await (await api(`/api/uploads`, { method: 'POST', body: form })).json()) as BatchView;
    while (((await (await api(`/api/uploads/${warm.id}`)).json()) as BatchView).state !== 'done') await new Promise((r) => setTimeout(r, 20));
  }
  collectGarbage();
  const started = performance.now();
  const cpu = process.cpuUsage();
  const { view, acceptSeconds } = await loadBatch(api, upload);
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  const perFile = view.jobs.map((j) => new Date(j.finishedAt!).getTime() - new Date(j.startedAt!).getTime());
  // What the office would find to review after each batch (off the clock).
  const reviewOpen = async () => ((await (await api('/api/files/summary')).json()) as { reviewOpen: number }).reviewOpen;
  const reviewAfterFirst = await reviewOpen();
  // The second batch, into the store the first one filled.
  collectGarbage();
  const secondStarted = performance.now();
  const second = await loadBatch(api, archiveUpload);
  const secondSeconds = (performance.now() - secondStarted) / 1000;
  if (second.view.counts.failed > 0 || second.view.counts.records !== expectedRows) throw new Error(`second batch: ${JSON.stringify(second.view.counts)}`);
  const reviewAfterSecond = await reviewOpen();
  await app.close();
  return { seconds, acceptSeconds, cpuSeconds: (used.user + used.system) / 1e6, view, perFile, secondSeconds, reviewAfterFirst, reviewAfterSecond };
}

const REGISTERED = process.env.BENCH_REGISTRY !== 'none';
const registryFile = path.join(dir, 'units.json');
writeFileSync(registryFile, JSON.stringify(benchRegistry(FILES)));
// The multipart body is encoded before the clock starts: a browser does that on the office's own computer,
// and here it would run on the server's thread and be counted as loading.
async function multipart(list: readonly { name: string; bytes: Uint8Array }[]): Promise<{ type: string; body: Uint8Array }> {
  const form = new FormData();
  for (const f of list) form.append('files', new Blob([f.bytes]), f.name);
  const encoded = new Response(form);
  return { type: encoded.headers.get('content-type')!, body: new Uint8Array(await encoded.arrayBuffer()) };
}
const upload = await multipart(files);
const archiveUpload = await multipart(archive);
const rounds: { extract: Awaited<ReturnType<typeof extractAlone>>; load: Awaited<ReturnType<typeof throughApi>>; ratio: number }[] = [];
for (let round = 1; round <= ROUNDS; round++) {
  const extract = await extractAlone();
  const load = await throughApi(round);
  rounds.push({ extract, load, ratio: load.seconds / extract.seconds });
  console.log(`  lượt ${round}: chỉ trích xuất ${extract.seconds.toFixed(2)} s, nạp qua API ${load.seconds.toFixed(2)} s, tỉ lệ ×${(load.seconds / extract.seconds).toFixed(2)}; lô thứ hai vào kho đã có ${load.secondSeconds.toFixed(2)} s, chỉ trích xuất ${extract.secondSeconds.toFixed(2)} s (×${(load.secondSeconds / extract.secondSeconds).toFixed(2)})`);
}
// Peak RSS of the extract and load phases (the writer phase below holds every reading at once).
const peakRssMb = process.resourceUsage().maxRSS / 1024;
// The round with the median ratio stands for the run.
const median = [...rounds].sort((a, b) => a.ratio - b.ratio)[Math.floor(rounds.length / 2)]!;
const { view, perFile } = median.load;
const extractedRows = median.extract.rows;

// 3. The writer alone: the same files read beforehand, then written with LoadService.loadMany in the
// upload writer's largest groups, on a fresh database with the same registry. No reading competes for
// the cores here, so this is what the write path itself costs, and it varies far less than the ratio.
const writer = await (async () => {
  const readerPool = new ReadPool(WORKERS);
  const readings = await Promise.all(files.map((f) => readerPool.read(f.path, f.name)));
  await readerPool.close();
  const writeApp = await createApp(loadConfig(
    { LOG_LEVEL: 'silent', DVK_DATA_DIR: path.join(dir, 'data-writer'), DVK_STATIC_DIR: path.join(dir, 'none'), DVK_ADMIN_USER: 'bench', DVK_ADMIN_PASSWORD: 'Mật-khẩu-đo-tải-2026' },
    { databasePath: path.join(dir, 'data-writer', 'dvk.duckdb'), port: 0, host: '127.0.0.1' },
  ));
  await writeApp.get(UnitsService).importRegistryFile(path.join(REPO_ROOT, 'sample-data/units/units.json'));
  if (REGISTERED) await writeApp.get(UnitsService).importRegistryFile(registryFile);
  const loader = writeApp.get(LoadService);
  const started = performance.now();
  const cpu = process.cpuUsage();
  for (let i = 0; i < files.length; i += DEFAULT_GROUP_FILES) {
    await loader.loadMany(files.slice(i, i + DEFAULT_GROUP_FILES).map((f, k) => ({
      sha256: RawFileStore.sha256(f.bytes), fileName: f.name, sizeBytes: f.bytes.length, result: readings[i + k]!, batchId: null, jobId: null, mode: 'upload' as const,
    })));
  }
  const used = process.cpuUsage(cpu);
  const out = { seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6 };
  await writeApp.close();
  return out;
})();

const ratios = rounds.map((r) => r.ratio).sort((a, b) => a - b);
const loadSeconds = median.load.seconds;
const result = {
  files: FILES,
  registry: REGISTERED ? 'communes registered' : 'none (every owner unresolved)',
  workers: WORKERS,
  rounds: ROUNDS,
  rows: view.counts.records,
  expectedRows,
  extractedRows,
  failed: Math.max(...rounds.map((r) => r.load.view.counts.failed)),
  // The median round's figures.
  extractSeconds: Number(median.extract.seconds.toFixed(2)),
  uploadAcceptedSeconds: Number(median.load.acceptSeconds.toFixed(2)),
  loadSeconds: Number(loadSeconds.toFixed(2)),
  filesPerSecond: Number((FILES / loadSeconds).toFixed(1)),
  rowsPerSecond: Math.round(view.counts.records / loadSeconds),
  p50FileMs: Math.round(percentile(perFile, 50)),
  p95FileMs: Math.round(percentile(perFile, 95)),
  peakRssMb: Math.round(peakRssMb),
  // CPU of the whole process (main thread, reader threads, DuckDB's threads, and this benchmark's own client) while loading.
  loadCpuSeconds: Number(median.load.cpuSeconds.toFixed(1)),
  extractCpuSeconds: Number(median.extract.cpuSeconds.toFixed(1)),
  follow: process.env.BENCH_FOLLOW === 'poll' ? 'poll' : 'sse',
  writeOnlySeconds: Number(writer.seconds.toFixed(2)),
  writeOnlyCpuSeconds: Number(writer.cpuSeconds.toFixed(2)),
  ratiosByRound: rounds.map((r) => Number(r.ratio.toFixed(2))),
  // The second batch (other years of the same communes) into the store the first one filled.
  secondBatchSeconds: Number(median.load.secondSeconds.toFixed(2)),
  secondBatchExtractSeconds: Number(median.extract.secondSeconds.toFixed(2)),
  secondBatchRatiosByRound: rounds.map((r) => Number((r.load.secondSeconds / r.extract.secondSeconds).toFixed(2))),
  // Open review items after the first batch and after the second (median round).
  reviewOpenAfterFirst: median.load.reviewAfterFirst,
  reviewOpenAfterSecond: median.load.reviewAfterSecond,
  ratioToExtract: Number(median.ratio.toFixed(2)),
  loadOverheadPercent: Math.round((median.ratio - 1) * 100),
};
console.log(`
Nạp ${FILES} tệp qua API (${WORKERS} luồng đọc), DuckDB tạm; ${REGISTERED ? 'các xã có trong danh mục đơn vị' : 'các xã KHÔNG có trong danh mục (mọi chủ thể chờ duyệt)'}
Số liệu của lượt có tỉ lệ trung vị (${ROUNDS} lượt; tỉ lệ các lượt ${ratios.map((r) => `×${r.toFixed(2)}`).join(', ')}):
  chỉ trích xuất (ETL, cùng số luồng) ${result.extractSeconds.toFixed(2)} s
  nạp qua API (tải lên → xong)     ${result.loadSeconds.toFixed(2)} s   (nhận tệp: ${result.uploadAcceptedSeconds.toFixed(2)} s)
  tệp/giây                          ${result.filesPerSecond}
  dòng/giây                         ${result.rowsPerSecond}   (${result.rows} dòng; ETL đọc ${extractedRows}; tệp lỗi: ${result.failed})
  mỗi tệp (đọc + ghi)  p50 / p95    ${result.p50FileMs} / ${result.p95FileMs} ms
  RSS đỉnh                          ${result.peakRssMb} MB
  CPU khi nạp (mọi luồng)           ${result.loadCpuSeconds} s trên ${availableParallelism()} lõi; khi chỉ trích xuất ${result.extractCpuSeconds} s   (theo dõi bằng ${result.follow === 'sse' ? 'sự kiện SSE như trang tải lên' : 'hỏi lại mỗi 0,5 s'})
  chỉ ghi (đã đọc sẵn, nhóm ${DEFAULT_GROUP_FILES} tệp) ${result.writeOnlySeconds.toFixed(2)} s, CPU ${result.writeOnlyCpuSeconds.toFixed(2)} s
  tỉ lệ so với chỉ trích xuất       ×${result.ratioToExtract}  (thêm ${result.loadOverheadPercent} %; mục tiêu ≤ 50 %)
  lô thứ hai vào kho đã có          ${result.secondBatchSeconds.toFixed(2)} s   (${FILES} tệp năm khác của cùng các xã, luồng đã chạy; chỉ trích xuất ${result.secondBatchExtractSeconds.toFixed(2)} s; tỉ lệ các lượt ${result.secondBatchRatiosByRound.map((r) => `×${r.toFixed(2)}`).join(', ')})
  mục chờ duyệt (lô 1 / sau lô 2)   ${result.reviewOpenAfterFirst} / ${result.reviewOpenAfterSecond}
  mục tiêu 1.000 tệp < 60 s          ${FILES >= 1000 ? (Math.max(...rounds.map((r) => r.load.seconds)) < 60 ? 'đạt ở mọi lượt' : 'chưa đạt') : '(chạy với BENCH_FILES=1000)'}
`);
const out = path.join(REPO_ROOT, 'bench-results');
mkdirSync(out, { recursive: true });
writeFileSync(path.join(out, 'ingest.json'), `${JSON.stringify({ at: new Date().toISOString(), ...result }, null, 2)}\n`);
rmSync(dir, { recursive: true, force: true });
process.exit(result.failed > 0 || rounds.some((r) => r.load.view.counts.records !== r.extract.rows) ? 1 : 0);
