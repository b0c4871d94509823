/**
 * npm run bench:security — loopback only, bounded in time and requests.
 *
 * Starts the real app (guarded) on 127.0.0.1 with the sample province, then
 * for DURATION seconds mixes dashboard reads as a viewer (8 connections)
 * with uploads of the hostile corpus as a commune uploader (2 connections,
 * at most UPLOADS requests). Checks that no read that should succeed fails,
 * every upload is accepted (202) and every hostile file ends refused, and
 * prints latency, throughput and peak RSS. Exit code 1 on any failure.
 *
 *   DURATION=15 UPLOADS=60 LARGE=1 npm run bench:security
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.js';
import { loadAuthConfig } from '../src/auth/auth-config.js';
import { AuthGuard } from '../src/auth/auth.guard.js';
import { GUARD_IS_GLOBAL } from '../src/auth/auth.module.js';
import { AuthService } from '../src/auth/auth.service.js';
import { loadConfig, REPO_ROOT } from '../src/config/app-config.js';
import { Database } from '../src/db/database.js';
import { SeedService } from '../src/ingest/seed.service.js';
import type { BatchView } from '../src/ingest/uploads.service.js';
import { hostileCorpus } from '../../sample-data/generate/hostile/corpus.js';

interface Histogram { average: number; p50: number; p97_5: number; p99: number; max: number; total: number }
interface Result { requests: Histogram; latency: Histogram; non2xx: number; errors: number; timeouts: number; statusCodeStats: Record<string, { count: number }>; duration: number }
interface Request { method: string; path: string; headers?: Record<string, string>; body?: Buffer | string }
type Autocannon = (options: {
  url: string; connections: number; duration?: number; amount?: number; timeout?: number; requests: Request[]; headers?: Record<string, string>;
}) => Promise<Result>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

const DURATION = Number(process.env.DURATION ?? 15);
const UPLOADS = Number(process.env.UPLOADS ?? 60);
const LARGE = process.env.LARGE === '1';
const PASSWORD = 'Mật-khẩu-đo-tải-2026';

const dir = mkdtempSync(path.join(tmpdir(), 'dvk-bench-security-'));
const config = loadConfig(
  { LOG_LEVEL: 'silent', DVK_DATA_DIR: dir, DVK_STATIC_DIR: path.join(dir, 'none') },
  { databasePath: path.join(dir, 'dvk.duckdb'), host: '127.0.0.1', port: 0, auth: loadAuthConfig({}) },
);
const app = await createApp(config);
if (!GUARD_IS_GLOBAL) app.useGlobalGuards(app.get(AuthGuard));
await app.init();
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
const seedStarted = performance.now();
const seeded = await app.get(SeedService).seedOnce(path.join(REPO_ROOT, 'sample-data/files'));
console.log(`Dữ liệu mẫu: ${JSON.stringify(seeded)} trong ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
await app.listen(0, '127.0.0.1');
const url = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;

const db = app.get(Database).db;
const unit = async (code: string) => (await db.selectFrom('unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
const auth = app.get(AuthService);
await auth.createUser({ username: 'bench-viewer', password: PASSWORD, role: 'viewer', unitId: await unit('tinh'), displayName: null }, null);
await auth.createUser({ username: 'bench-uploader', password: PASSWORD, role: 'uploader', unitId: await unit('dong-hoa'), displayName: null }, null);

async function login(username: string): Promise<{ cookie: string; csrf: string }> {
  const response = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (response.status !== 200) throw new Error(`đăng nhập ${username}: ${response.status}`);
  const cookies = response.headers.getSetCookie().map((c) => c.split(';')[0]!);
  const csrf = ((await response.json()) as { csrfToken: string }).csrfToken;
  return { cookie: cookies.join('; '), csrf };
}
const viewer = await login('bench-viewer');
const uploader = await login('bench-uploader');

const readPaths = [
  '/api/analytics/overview', '/api/analytics/children', '/api/analytics/distribution', '/api/analytics/trends',
  '/api/analytics/recognition', '/api/analytics/quota-fulfilment', '/api/files/summary', '/api/health',
];
const corpus = (await hostileCorpus({ large: LARGE })).filter((i) => i.expect === 'refused');
const boundary = '----dvkbench7d3f';
const uploads: Request[] = corpus.map((item) => ({
  method: 'POST',
  path: '/api/uploads',
  headers: { cookie: uploader.cookie, 'x-csrf-token': uploader.csrf, 'content-type': `multipart/form-data; boundary=${boundary}` },
  body: Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${item.uploadName.replace(/[^\w.-]/g, '_')}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    item.bytes,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]),
}));

const readOptions = { url, connections: 8, timeout: 10, headers: { cookie: viewer.cookie }, requests: readPaths.map((p) => ({ method: 'GET', path: p })) };
const baseline = await autocannon({ ...readOptions, duration: Math.max(3, Math.round(DURATION / 3)) });
console.log(`Chỉ đọc (mốc so sánh): ${baseline.requests.average.toFixed(0)} yêu cầu/s, p50 ${baseline.latency.p50.toFixed(1)} ms, p99 ${baseline.latency.p99.toFixed(1)} ms, không 2xx ${baseline.non2xx}`);
console.log(`Đo ${DURATION} s: đọc bảng điều khiển (8 kết nối, ${readPaths.length} đường dẫn) song song với ${UPLOADS} lần tải ${corpus.length} tệp độc hại (2 kết nối)…`);
const [reads, ups] = await Promise.all([
  autocannon({ ...readOptions, duration: DURATION }),
  autocannon({ url, connections: 2, amount: UPLOADS, duration: DURATION * 4, timeout: 60, requests: uploads }),
]);

// Wait for the reader pool to finish every queued file (bounded).
const deadline = Date.now() + 180_000;
let batches: BatchView[];
for (;;) {
  batches = (await (await fetch(`${url}/api/uploads?limit=500`, { headers: { cookie: uploader.cookie } })).json()) as BatchView[];
  if (batches.every((b) => b.state === 'done') || Date.now() > deadline) break;
  await new Promise((r) => setTimeout(r, 250));
}
batches = batches.filter((b) => b.origin === 'api');
const jobs = batches.flatMap((b) => b.jobs ?? []);
const states = jobs.reduce<Record<string, number>>((acc, j) => ((acc[j.state] = (acc[j.state] ?? 0) + 1), acc), {});
const health = await fetch(`${url}/api/health`);
clearInterval(sampler);

const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log('\nĐọc (người xem):');
console.log(`  ${reads.requests.total} yêu cầu, ${reads.requests.average.toFixed(0)} yêu cầu/s; độ trễ p50 ${ms(reads.latency.p50)}, p97.5 ${ms(reads.latency.p97_5)}, p99 ${ms(reads.latency.p99)}, max ${ms(reads.latency.max)}`);
console.log(`  không 2xx: ${reads.non2xx}, lỗi: ${reads.errors}, quá giờ: ${reads.timeouts}; mã: ${JSON.stringify(reads.statusCodeStats)}`);
console.log('Tải tệp độc hại (cán bộ xã):');
console.log(`  ${ups.requests.total} yêu cầu; độ trễ p50 ${ms(ups.latency.p50)}, p99 ${ms(ups.latency.p99)}; mã: ${JSON.stringify(ups.statusCodeStats)}; lỗi: ${ups.errors}, quá giờ: ${ups.timeouts}`);
console.log(`  ${batches.length} lô, ${jobs.length} tệp; trạng thái: ${JSON.stringify(states)}`);
console.log(`RSS cao nhất: ${(peakRss / 1048576).toFixed(0)} MB; /api/health sau cùng: ${health.status}`);

const problems: string[] = [];
if (baseline.non2xx > 0 || baseline.errors > 0) problems.push('có yêu cầu đọc (mốc) thất bại');
if (reads.non2xx > 0 || reads.errors > 0 || reads.timeouts > 0) problems.push('có yêu cầu đọc thất bại');
if (ups.non2xx > 0 || ups.errors > 0 || ups.timeouts > 0) problems.push('có lần tải lên không được nhận (khác 202)');
if (batches.some((b) => b.state !== 'done')) problems.push('còn tệp chưa xử lý xong sau 180 s');
if (jobs.some((j) => j.state !== 'failed')) problems.push(`tệp độc hại không bị từ chối: ${jobs.filter((j) => j.state !== 'failed').map((j) => j.fileName).join(', ')}`);
if (health.status !== 200) problems.push('máy chủ không còn khỏe');
await app.close();
rmSync(dir, { recursive: true, force: true });
if (problems.length > 0) {
  console.error(`\nKHÔNG ĐẠT: ${problems.join('; ')}`);
  process.exitCode = 1;
} else {
  console.log('\nĐẠT: không yêu cầu nào đáng lẽ thành công bị lỗi.');
}
