import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/app-config.js';
import type { FileDetail, FilePage } from '../../src/ingest/files.service.js';
import type { StoreSummary } from '../../src/ingest/ingest.repository.js';
import type { BatchView } from '../../src/ingest/uploads.service.js';
import { loginAt, TEST_PASSWORD } from '../support/test-app.js';
import { communeFile } from './support.js';

const FILES = 60;
const ROWS = 30;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** The real server as `npm start` runs it, from the TypeScript sources through tsx. */
function startServer(dir: string, port: number): { child: ChildProcess; output: () => string } {
  let output = '';
  const child = spawn(process.execPath, ['--conditions=dvk-source', '--import', 'tsx', path.join(REPO_ROOT, 'backend/src/main.ts')], {
    cwd: REPO_ROOT,
    env: {
      ...process.env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DVK_DATA_DIR: dir,
      DVK_DB: path.join(dir, 'dvk.duckdb'), DVK_STATIC_DIR: path.join(dir, 'none'), DVK_INGEST_WORKERS: '1', DVK_SEED_DIR: '',
      // Small groups, so the batch is killed between two of its transactions rather than before the first.
      DVK_INGEST_GROUP_FILES: '5',
      DVK_ADMIN_USER: 'quantri', DVK_ADMIN_PASSWORD: TEST_PASSWORD,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  return { child, output: () => output };
}

async function waitHealthy(url: string, server: { child: ChildProcess; output: () => string }): Promise<void> {
  for (let i = 0; i < 600; i++) {
    if (server.child.exitCode !== null) throw new Error(`server exited: ${server.output()}`);
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`server did not start: ${server.output()}`);
}

const exited = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null || child.signalCode !== null ? resolve() : child.once('exit', () => resolve())));

describe('the server killed with SIGKILL in the middle of a batch', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dvk-sigkill-'));
  let server: ReturnType<typeof startServer> | null = null;
  afterAll(async () => {
    if (server && server.child.exitCode === null) {
      server.child.kill('SIGTERM');
      await exited(server.child);
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('restarts on the same DuckDB file consistent: finished files stay, the rest are read again, nothing twice', async () => {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    server = startServer(dir, port);
    await waitHealthy(url, server);
    let api = await loginAt(url, 'quantri');

    const form = new FormData();
    for (let i = 0; i < FILES; i++) {
      const bytes = await communeFile(i, ROWS);
      form.append('files', new Blob([bytes]), `don-vi-${i + 1}.xlsx`);
    }
    const response = await api(`/api/uploads`, { method: 'POST', body: form });
    expect(response.status).toBe(202);
    const { id } = (await response.json()) as BatchView;

    let atKill: BatchView;
    for (;;) {
      atKill = (await (await api(`/api/uploads/${id}`)).json()) as BatchView;
      if (atKill.counts.loaded + atKill.counts.needs_review >= 3) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    server.child.kill('SIGKILL');
    await exited(server.child);
    const finishedBefore = atKill.jobs.filter((j) => j.state === 'loaded' || j.state === 'needs_review');
    expect(finishedBefore.length).toBeLessThan(FILES); // really mid-batch

    server = startServer(dir, port);
    await waitHealthy(url, server);
    api = await loginAt(url, 'quantri');
    let after: BatchView;
    for (;;) {
      after = (await (await api(`/api/uploads/${id}`)).json()) as BatchView;
      if (after.state === 'done') break;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    expect(after.counts.failed).toBe(0);
    for (const before of finishedBefore) {
      const now = after.jobs.find((j) => j.id === before.id)!;
      expect(now).toMatchObject({ state: before.state, sourceFileId: before.sourceFileId, records: ROWS, attempts: before.attempts });
    }
    const resumed = after.jobs.filter((j) => !finishedBefore.some((f) => f.id === j.id));
    expect(resumed.every((j) => j.attempts >= 1 && j.records === ROWS && !j.duplicate)).toBe(true);

    const summary = (await (await api(`/api/files/summary`)).json()) as StoreSummary;
    expect(summary).toMatchObject({ files: FILES, filesLoaded: FILES, registrations: FILES * ROWS });
    const files = (await (await api(`/api/files?limit=500`)).json()) as FilePage;
    expect(new Set(files.items.map((f) => f.sha256)).size).toBe(FILES);
    for (const file of files.items) {
      const detail = (await (await api(`/api/files/${file.id}`)).json()) as FileDetail;
      expect(detail.rows.registration).toBe(detail.records);
    }
  });
});
