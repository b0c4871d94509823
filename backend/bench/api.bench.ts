/**
 * npm run bench:api — the dashboard endpoints at national scale.
 *
 * 1. The national dataset (national-dataset.ts) is generated once inside
 *    DuckDB with SQL into data/bench/national.duckdb (reused while its
 *    version matches; --regen forces it), and a 2026 plan per province is
 *    posted through the API.
 * 2. The server (api-server.ts) is bundled with rolldown (NestJS and
 *    class-validator need decorator metadata, which tsx does not emit) and
 *    started as a child process, so the load generator does not share its
 *    event loop.
 * 3. autocannon at 32 connections on each endpoint (requests rotate over the
 *    34 provinces, or over communes for the commune drill-down), then at 1
 *    connection; p50/p95/p99 and requests/s.
 * 4. The SQL each endpoint ran (recorded by the server) is replayed directly
 *    on DuckDB, serially, each SQL text prepared once as the app does: the
 *    bare query time. Ratios: API p50 at 1
 *    connection ÷ bare p50 (the API's overhead), and API p50 at 32
 *    connections ÷ bare p50.
 *
 * Targets (issue 7): p95 ≤ 50 ms at 32 connections; overhead ≤ 1.5×.
 * Not a test: it prints and exits 0 either way; machine load matters.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { DuckDBInstance, type DuckDBPreparedStatement } from '@duckdb/node-api';
import autocannon from 'autocannon';
import { rolldown } from 'rolldown';
import { REPO_ROOT } from '../src/config/app-config.js';
import { Database } from '../src/db/database.js';
import { DATASET_VERSION, generateNationalDataset, NEW_COMMUNES, newCommuneId, PROVINCES, provinceOfNew, provincePlan } from './national-dataset.js';
import { registrationList } from '../test/ingest/support.js';

const args = new Set(process.argv.slice(2));
const DURATION = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 32;
const dir = path.join(REPO_ROOT, 'data/bench');
const dbPath = path.join(dir, 'national.duckdb');
const port = Number(process.env.BENCH_PORT ?? 3917);
const base = `http://127.0.0.1:${port}`;

async function ensureDataset(): Promise<void> {
  mkdirSync(dir, { recursive: true });
  if (!args.has('--regen') && existsSync(dbPath)) {
    const database = await Database.open(dbPath);
    const row = await database.db.selectFrom('app_meta').select('value').where('key', '=', 'bench_dataset').executeTakeFirst();
    await database.close();
    if (row?.value === DATASET_VERSION) return;
  }
  rmSync(dbPath, { force: true });
  rmSync(`${dbPath}.wal`, { force: true });
  console.log('Generating the national dataset in DuckDB …');
  const started = performance.now();
  const database = await Database.open(dbPath);
  await generateNationalDataset(database.db, console.log);
  await database.db.insertInto('app_meta').values({ key: 'bench_dataset', value: DATASET_VERSION }).execute();
  await database.close();
  console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

/** The decorator helpers oxc's transform imports from '@oxc-project/runtime' (not installed here): backend/tools/decorator-helpers.mjs. */
const HELPERS_FILE = path.join(REPO_ROOT, 'backend/tools/decorator-helpers.mjs');
const oxcRuntimeHelpers = {
  name: 'oxc-runtime-helpers',
  resolveId(id: string) {
    const match = /^@oxc-project\/runtime\/helpers\/(decorate|decorateMetadata|decorateParam)$/.exec(id);
    return match ? `\0oxc-helper:${match[1]}` : null;
  },
  load(id: string) {
    return id.startsWith('\0oxc-helper:') ? `export { ${id.slice('\0oxc-helper:'.length)} as default } from ${JSON.stringify(HELPERS_FILE)};` : null;
  },
};

async function bundleServer(): Promise<string> {
  const outDir = path.join(dir, 'server');
  rmSync(outDir, { recursive: true, force: true });
  const bundle = await rolldown({
    input: path.join(REPO_ROOT, 'backend/bench/api-server.ts'),
    platform: 'node',
    resolve: { conditionNames: ['dvk-source', 'import', 'node', 'default'] },
    transform: { decorator: { legacy: true, emitDecoratorMetadata: true } },
    // Packages stay in node_modules; our workspaces (@dvk/*) and our sources are bundled.
    external: (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('@dvk/') && !id.startsWith('@oxc-project/runtime/') && !id.startsWith('\0'),
    logLevel: 'silent',
    plugins: [oxcRuntimeHelpers],
  });
  await bundle.write({ dir: outDir, format: 'esm', entryFileNames: 'api-server.mjs' });
  await bundle.close();
  return path.join(outDir, 'api-server.mjs');
}

async function startServer(file: string, memo: boolean, database = dbPath, extraEnv: Record<string, string> = {}): Promise<ChildProcess> {
  const child = spawn(process.execPath, [file], {
    cwd: REPO_ROOT,
    env: {
      ...process.env, ...extraEnv, DVK_DB: database, PORT: String(port), DVK_DATA_DIR: path.join(dir, 'data'), LOG_LEVEL: 'silent', NODE_ENV: 'production',
      DVK_ANALYTICS_MEMO: memo ? '1' : '0', DVK_ADMIN_USER: 'bench', DVK_ADMIN_PASSWORD: BENCH_PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('ready')) resolve();
    });
    child.on('exit', (code) => reject(new Error(`server exited (${code})`)));
  });
  return child;
}

/** The bench admin's session (issue 10: every route needs one), set by signIn() after each server start. */
const BENCH_PASSWORD = 'Mật-khẩu-đo-tải-2026';
let auth: Record<string, string> = {};
async function signIn(): Promise<void> {
  const response = await fetch(`${base}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'bench', password: BENCH_PASSWORD }) });
  if (response.status !== 200) throw new Error(`login: ${response.status}`);
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  auth = { cookie: response.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), 'x-csrf-token': csrfToken };
}
const withAuth = (init: RequestInit = {}): RequestInit => ({ ...init, headers: { ...auth, ...(init.headers as Record<string, string> | undefined) } });

async function json(url: string, init?: RequestInit): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${base}${url}`, withAuth(init));
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

interface Endpoint {
  name: string;
  paths: string[];
  drill?: boolean;
}

const provinces = Array.from({ length: PROVINCES }, (_, i) => i + 1);
const communes = Array.from({ length: 34 }, (_, i) => newCommuneId(Math.floor((i * NEW_COMMUNES) / 34) + 7));
const ENDPOINTS: Endpoint[] = [
  { name: 'overview (tỉnh, 2026)', paths: provinces.map((p) => `/api/analytics/overview?unit=${p}&year=2026`) },
  { name: 'children (tỉnh → xã)', paths: provinces.map((p) => `/api/analytics/children?unit=${p}&year=2026`), drill: true },
  { name: 'quota-fulfilment (tỉnh)', paths: provinces.map((p) => `/api/analytics/quota-fulfilment?unit=${p}&year=2026`), drill: true },
  { name: 'recognition (xã × năm)', paths: provinces.map((p) => `/api/analytics/recognition?unit=${p}&from=2022&to=2026&by=children`), drill: true },
  { name: 'distribution (tỉnh)', paths: provinces.map((p) => `/api/analytics/distribution?unit=${p}&year=2026`) },
  { name: 'trends (tỉnh, 2022–26)', paths: provinces.map((p) => `/api/analytics/trends?unit=${p}&from=2022&to=2026`) },
  { name: 'trends (xã, rollup)', paths: provinces.map((p) => `/api/analytics/trends?unit=${p}&from=2022&to=2026&by=children`), drill: true },
  { name: 'overview (xã, 2026)', paths: communes.map((c) => `/api/analytics/overview?unit=${c}&year=2026`), drill: true },
  { name: 'children (xã → tổ chức)', paths: communes.map((c) => `/api/analytics/children?unit=${c}&year=2026`), drill: true },
];

async function load(endpoint: Endpoint, connections: number, seconds: number) {
  const result = await autocannon({
    url: base,
    connections,
    duration: seconds,
    requests: endpoint.paths.map((p) => ({ method: 'GET', path: p, headers: auth })),
  });
  return { p50: result.latency.p50, p95: percentile95(result), p99: result.latency.p99, rps: result.requests.average, errors: result.errors + result.non2xx + result.timeouts };
}

/** autocannon reports p90, p97.5 and p99 (no p95): p95 is taken as the higher neighbour, p97.5, to stay on the safe side. */
function percentile95(result: autocannon.Result): number {
  return result.latency.p95 ?? result.latency.p97_5 ?? result.latency.p99;
}

async function captureSql(endpoint: Endpoint): Promise<{ sql: string; params: unknown[] }[][]> {
  const out: { sql: string; params: unknown[] }[][] = [];
  for (const p of endpoint.paths.slice(0, 5)) {
    await fetch(`${base}/__bench/capture`, { method: 'POST' });
    await fetch(`${base}${p}`, withAuth());
    out.push((await json('/__bench/capture')).body as { sql: string; params: unknown[] }[]);
  }
  return out;
}

async function bare(requests: { sql: string; params: unknown[] }[][], rounds: number): Promise<number> {
  const instance = await DuckDBInstance.create(dbPath);
  const connection = await instance.connect();
  // Prepared once per SQL text, as the app's dialect does: the bare time is the best DuckDB itself gives.
  const prepared = new Map<string, DuckDBPreparedStatement>();
  const run = async (s: { sql: string; params: unknown[] }) => {
    if (s.params.length === 0) return connection.runAndReadAll(s.sql);
    let statement = prepared.get(s.sql);
    if (!statement) prepared.set(s.sql, (statement = await connection.prepare(s.sql)));
    statement.clearBindings();
    statement.bind(s.params as never);
    return statement.runAndReadAll();
  };
  const times: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const statements of requests) {
      const started = performance.now();
      for (const s of statements) await run(s);
      times.push(performance.now() - started);
    }
  }
  for (const statement of prepared.values()) statement.destroySync();
  connection.closeSync();
  instance.closeSync();
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

type Stats = Awaited<ReturnType<typeof load>>;

/** One pass over every endpoint with a fresh server: cold first requests, the SQL they run, load at 32 and 1 connections. */
async function pass(file: string, memo: boolean) {
  const server = await startServer(file, memo);
  await signIn();
  try {
    for (const p of provinces) {
      const response = await json('/api/plans', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(provincePlan(p)) });
      if (response.status !== 201 && response.status !== 409) throw new Error(`plan ${p}: ${response.status} ${JSON.stringify(response.body)}`);
    }
    let started = performance.now();
    await json(ENDPOINTS[0]!.paths[0]!);
    const first = performance.now() - started;
    const cold: Record<string, number> = {};
    for (const e of ENDPOINTS) {
      started = performance.now();
      const r = await json(e.paths[1]!);
      cold[e.name] = performance.now() - started;
      if (r.status !== 200) throw new Error(`${e.name}: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
    }
    const captures = new Map<string, { sql: string; params: unknown[] }[][]>();
    if (!memo) for (const e of ENDPOINTS) captures.set(e.name, await captureSql(e));
    if (process.env.BENCH_DUMP && !memo) writeFileSync(process.env.BENCH_DUMP, JSON.stringify(Object.fromEntries(captures), null, 1));
    const results: Record<string, { c32: Stats; c1: Stats }> = {};
    if (!args.has('--capture-only')) {
      for (const e of ENDPOINTS) {
        if (memo) for (const p of e.paths) await fetch(`${base}${p}`, withAuth());
        const c32 = await load(e, CONNECTIONS, DURATION);
        const c1 = await load(e, 1, Math.max(3, Math.round(DURATION / 2)));
        results[e.name] = { c32, c1 };
        console.log(`  ${memo ? 'memo' : 'cold'} ${e.name}: p50 ${c32.p50} ms, p95 ${c32.p95} ms, ${c32.rps.toFixed(0)} req/s, ${c32.errors} errors`);
      }
    }
    return { first, cold, captures, results };
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
  }
}

/**
 * The deadline-day case: communes upload while leadership reads. On a copy of
 * the dataset, one commune uploads a 20-row registration list at a time; the
 * next overview of its province waits for the derived tables' refresh, an
 * overview of another province is answered from the memo, untouched.
 */
async function afterUploads(file: string): Promise<void> {
  const copy = path.join(dir, 'after-upload.duckdb');
  copyFileSync(dbPath, copy);
  rmSync(`${copy}.wal`, { force: true });
  // The bundle carries no reader-thread file: read on the server's main thread (one file at a time here).
  const server = await startServer(file, true, copy, { DVK_INGEST_WORKERS: '0' });
  await signIn();
  try {
    for (const p of provinces) await json(`/api/analytics/overview?unit=${p}&year=2026`);
    console.log('\nAfter an upload (a copy of the dataset; one commune uploads 20 rows, then the overviews are asked for), ms:');
    for (const c of [7, 1500, 3000]) {
      const province = provinceOfNew(c);
      const other = (province % PROVINCES) + 1;
      const rows = Array.from({ length: 20 }, (_, r) => [`Mô hình bổ sung ${r + 1} của xã Mới ${c}`, 'Kinh tế', 'Hội Nông dân xã', 'Mới', '01/05/2026', '']);
      const form = new FormData();
      form.append('files', new Blob([await registrationList({ unit: `Đảng ủy xã Mới ${c}`, year: 2026, rows })]), `xa-moi-${c}-bo-sung.xlsx`);
      const posted = (await json('/api/uploads', { method: 'POST', body: form })).body as { id: number };
      let state = '';
      while (state !== 'done') state = ((await json(`/api/uploads/${posted.id}`)).body as { state: string }).state;
      const time = async (url: string) => {
        const started = performance.now();
        const answer = await json(url);
        if (answer.status !== 200) throw new Error(`${url}: ${answer.status}`);
        return (performance.now() - started).toFixed(0);
      };
      const own = await time(`/api/analytics/overview?unit=${province}&year=2026`);
      const again = await time(`/api/analytics/overview?unit=${province}&year=2026`);
      const elsewhere = await time(`/api/analytics/overview?unit=${other}&year=2026`);
      console.log(`  xã Mới ${c} (tỉnh ${province}): overview of its province right after ${own}, again ${again}; of tỉnh ${other} (untouched, memo) ${elsewhere}`);
    }
  } finally {
    server.kill('SIGTERM');
    await new Promise((r) => server.once('exit', r));
    rmSync(copy, { force: true });
    rmSync(`${copy}.wal`, { force: true });
  }
}

function table(title: string, results: Record<string, { c32: Stats; c1: Stats }>, bareP50: Map<string, number>, statements: Map<string, number>, ratios: boolean) {
  console.log(`\n${title}\n`);
  const header = ['endpoint', 'stmts', 'p50', 'p95', 'p99', 'req/s', 'err', 'p50@1', 'bare p50', '×@1', '×@32', 'p95≤50'];
  const rows = ENDPOINTS.filter((e) => results[e.name]).map((e) => {
    const { c32, c1 } = results[e.name]!;
    const b = bareP50.get(e.name)!;
    // No response within the run (every request slower than the run itself): no latency to show, and the target is missed.
    const none = c32.rps === 0;
    const ms = (v: number) => (none ? '—' : v.toFixed(1));
    return [
      e.name, String(statements.get(e.name) ?? ''), ms(c32.p50), ms(c32.p95), ms(c32.p99), c32.rps.toFixed(0), String(c32.errors),
      c1.rps === 0 ? '—' : c1.p50.toFixed(1), b.toFixed(2), ratios && c1.rps > 0 ? (c1.p50 / b).toFixed(2) : '—', ratios && !none ? (c32.p50 / b).toFixed(1) : '—',
      !none && c32.p95 <= 50 && c32.errors === 0 ? 'yes' : 'NO',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const r of rows) console.log(line(r));
}

await ensureDataset();
console.log('Bundling the server …');
const file = await bundleServer();
console.log('Pass 1: every request computed (DVK_ANALYTICS_MEMO=0) …');
const cold = await pass(file, false);
console.log(`  derived tables ready after ${(cold.first / 1000).toFixed(1)} s (built, or reused from the file if unchanged)`);
if (args.has('--capture-only')) process.exit(0);
console.log('Pass 2: answers memoised per data version (the default) …');
const warm = await pass(file, true);

console.log('\nBare SQL: the statements each endpoint ran, replayed serially on DuckDB …');
const bareP50 = new Map<string, number>();
const statements = new Map<string, number>();
for (const e of ENDPOINTS) {
  const captured = cold.captures.get(e.name)!;
  statements.set(e.name, Math.round(captured.reduce((n, c) => n + c.length, 0) / captured.length));
  bareP50.set(e.name, await bare(captured, 10));
}
table(`bench:api — national dataset; pass 1, every request computed; ${CONNECTIONS} connections, ${DURATION} s per endpoint; ms`, cold.results, bareP50, statements, true);
table(`bench:api — pass 2, answers memoised per data version (default); same load; ms`, warm.results, bareP50, statements, false);
await afterUploads(file);
console.log('\nFirst request per endpoint (computed; derived tables already built), ms:');
for (const [name, ms] of Object.entries(cold.cold)) console.log(`  ${name}: ${ms.toFixed(0)}`);
console.log('\nColumns: stmts = SQL statements per request; p50@1 = API p50 at 1 connection; bare p50 = those statements replayed directly on DuckDB;');
console.log('×@1 = p50@1 ÷ bare p50 (API overhead, target ≤ 1.5); ×@32 = p50 at 32 connections ÷ bare p50 (includes queueing on one connection);');
console.log('err = errors + non-2xx + timeouts (10 s); — with 0 req/s: no request finished within the run. Pass 2 answers from memory, so its ratios to the bare SQL are not meaningful (—).');
