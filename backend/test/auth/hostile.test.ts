import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { APP_CONFIG, type AppConfig } from '../../src/config/app-config.js';
import type { BatchView, JobView } from '../../src/ingest/uploads.service.js';
import { hostileCorpus, type HostileItem } from '../../../sample-data/generate/hostile/corpus.js';
import { startAuthApp, type AuthTestApp, type Client } from './support.js';

const LEAK = /node_modules|\bat [\w.<>]+ \(|\/work\/|\/tmp\/|\.ts:\d+|Error:|ERR_[A-Z_]+|\bundefined\b/;
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹáàãéèíìóòõúùýĐ]/i;

async function waitBatch(client: Client, id: number, timeoutMs: number): Promise<BatchView> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const view = (await (await client.fetch(`/api/uploads/${id}`)).json()) as BatchView;
    if (view.state === 'done' || Date.now() > until) return view;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Polls /api/health every 100 ms while `work` runs; returns the slowest answer and any failure. */
async function whileHealthy<T>(url: string, work: Promise<T>): Promise<{ result: T; slowestMs: number; failures: number; probes: number }> {
  let done = false;
  let slowestMs = 0;
  let failures = 0;
  let probes = 0;
  const prober = (async () => {
    while (!done) {
      const started = performance.now();
      const ok = await fetch(`${url}/api/health`).then((r) => r.status === 200, () => false);
      slowestMs = Math.max(slowestMs, performance.now() - started);
      probes++;
      if (!ok) failures++;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  try {
    return { result: await work, slowestMs, failures, probes };
  } finally {
    done = true;
    await prober;
  }
}

function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

describe('hostile files through POST /api/uploads: each refused with a clear Vietnamese error, the server stays healthy', () => {
  let t: AuthTestApp;
  let uploader: Client;
  let items: HostileItem[];
  const jobs = new Map<string, JobView>();
  const refusedAtDoor = new Map<string, { status: number; message: string }>();

  const memoryBefore = process.env.DVK_READ_MEMORY_MB;
  beforeAll(async () => {
    // A lower per-file heap than production's 2,048 MB, so the 1,000,000-row workbook hits it sooner.
    process.env.DVK_READ_MEMORY_MB = '384';
    t = await startAuthApp();
    await t.createUser('uploader-dong-hoa', 'uploader', t.units.communeA);
    uploader = await t.as('uploader-dong-hoa');
    items = await hostileCorpus({ large: true });
  }, 120_000);
  afterAll(async () => {
    await t?.close();
    if (memoryBefore === undefined) delete process.env.DVK_READ_MEMORY_MB;
    else process.env.DVK_READ_MEMORY_MB = memoryBefore;
  });

  it('reads the whole corpus (with the 1,000,000-row sheets) while /api/health keeps answering', async () => {
    const run = (async () => {
      // One request per file, all at once, like a busy deadline day; then wait for every batch.
      const answers = await Promise.all(items.map(async (item) => {
        const form = new FormData();
        form.append('files', new Blob([item.bytes]), item.uploadName);
        const response = await uploader.fetch('/api/uploads', { method: 'POST', body: form });
        return { item, status: response.status, body: (await response.json()) as BatchView & { message?: string } };
      }));
      for (const { item, status, body } of answers) {
        if (status !== 202) {
          refusedAtDoor.set(item.file, { status, message: String(body.message) });
          continue;
        }
        const view = await waitBatch(uploader, body.id, 280_000);
        expect(view.state, item.file).toBe('done');
        jobs.set(item.file, view.jobs[0]!);
      }
    })();
    const { slowestMs, failures, probes } = await whileHealthy(t.url, run);
    expect(failures).toBe(0);
    expect(probes).toBeGreaterThan(0);
    console.log(`hostile corpus: ${items.length} files, ${probes} health probes, slowest ${Math.round(slowestMs)} ms; refused at the door: ${JSON.stringify([...refusedAtDoor])}`);
    for (const [file, answer] of refusedAtDoor) {
      expect(answer.status, file).toBe(400);
      expect(answer.message, file).toMatch(VIETNAMESE);
      expect(answer.message, file).not.toMatch(LEAK);
    }
    expect(jobs.size + refusedAtDoor.size).toBe(items.length);
  }, 300_000);

  it('refuses every hostile file with its ETL code (or a reader limit) and a Vietnamese message without internals', () => {
    const report: string[] = [];
    for (const item of items.filter((i) => i.expect === 'refused')) {
      const job = jobs.get(item.file);
      if (!job) continue; // refused at the door (checked above)
      const codes = job.errors.map((e) => e.code);
      report.push(`${item.file}: ${job.state} ${codes.join(',') || '-'} ${job.message ?? ''}`);
      expect(job.state, item.file).toBe('failed');
      const text = `${job.message ?? ''} ${job.errors.map((e) => e.message).join(' ')}`;
      expect(text, item.file).toMatch(VIETNAMESE);
      expect(text, item.file).not.toMatch(LEAK);
      const limitHit = codes.length === 0 && /bộ nhớ|quá \d+ giây/.test(job.message ?? '');
      if (!limitHit) expect(item.codes, `${item.file}: ${codes.join(',')}`).toEqual(expect.arrayContaining([codes[0]!]));
    }
    console.log(report.join('\n'));
  });

  it('stores formula-like and markup cells as plain data, and hostile names as names only', async () => {
    for (const item of items.filter((i) => i.expect === 'loaded')) {
      const job = jobs.get(item.file);
      if (!job) continue;
      expect(['loaded', 'needs_review'], `${item.file}: ${job.state} ${job.message}`).toContain(job.state);
    }
    const formula = jobs.get('formula-injection.xlsx')!;
    const records = await uploader.fetch(`/api/files/${formula.sourceFileId}/records?type=registration`);
    expect(records.status).toBe(200);
    const text = await records.text();
    expect(text).toContain('=HYPERLINK(');
    expect(records.headers.get('content-type')).toMatch(/application\/json/);
  });

  it('never uses an uploaded name as a path: only content-addressed files under the data folder', () => {
    expect(existsSync('/etc/cron.d/dvk.xlsx')).toBe(false);
    const root = t.app.get<AppConfig>(APP_CONFIG).dataDir;
    const stored = filesUnder(root).map((f) => path.relative(root, f));
    for (const f of stored) {
      expect(f, f).not.toMatch(/passwd|win\.ini|cron|\.\.|xcod|[\u0000-\u001f\u202e]/);
    }
    const raw = stored.filter((f) => f.startsWith(`files${path.sep}`));
    expect(raw.length).toBeGreaterThan(0);
    for (const f of raw) expect(path.basename(f), f).toMatch(/^[0-9a-f]{64}$/);
  });

  it('audits every upload in one place: who, from where, which files (names and sha256)', async () => {
    await t.createUser('admin', 'admin', null);
    const admin = await t.as('admin');
    const entries = (await (await admin.fetch('/api/audit?action=upload&limit=500')).json()) as Array<{
      action: string; username: string; ip: string; detail: { files?: Array<{ name: string; sha256: string }> };
    }>;
    const uploads = entries.filter((e) => e.action === 'upload');
    expect(uploads.length).toBe(jobs.size);
    expect(uploads.every((e) => e.username === 'uploader-dong-hoa' && e.ip.length > 0)).toBe(true);
    const names = uploads.flatMap((e) => e.detail.files ?? []).map((f) => f.name);
    expect(names).toContain('bao-cao-6-thang.xlsx');
  });

  it('refuses hostile unit lists on POST /api/units/import (read on the request thread) in Vietnamese', async () => {
    await t.createUser('admin-units', 'admin', null);
    const admin = await t.as('admin-units');
    const picks = items.filter((i) => i.expect === 'refused' && /\.xlsx$/.test(i.file));
    expect(picks.map((i) => i.file)).toEqual(expect.arrayContaining(['zip-bomb.xlsx', 'xml-entity-bomb.xlsx', 'million-rows.xlsx']));
    for (const item of picks) {
      const form = new FormData();
      form.append('file', new Blob([item.bytes]), item.file);
      const response = await admin.fetch('/api/units/import', { method: 'POST', body: form });
      const text = await response.text();
      expect(response.status, `${item.file}: ${text}`).toBe(400);
      expect(text, item.file).toMatch(VIETNAMESE);
      expect(text, item.file).not.toMatch(LEAK);
    }
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
  });

  it('is still healthy and serving reads afterwards', async () => {
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
    expect((await uploader.fetch('/api/files/summary')).status).toBe(200);
  });
});
