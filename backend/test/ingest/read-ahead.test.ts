import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RawFileStore } from '../../src/ingest/raw-file.store.js';
import { ReadAhead } from '../../src/ingest/read-ahead.js';
import { ReadPool } from '../../src/ingest/read-pool.js';
import type { BatchView } from '../../src/ingest/uploads.service.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { communeFile, waitBatch } from './support.js';

describe('ReadAhead (files read while the upload still arrives)', () => {
  let dir: string;
  let store: RawFileStore;
  let pool: ReadPool;
  let readAhead: ReadAhead;
  const arrive = async (index: number, rows: number) => {
    const bytes = await communeFile(index, rows);
    const tempPath = path.join(dir, 'tmp', `${index}.upload`);
    writeFileSync(tempPath, bytes);
    return { fileName: `xa-${index}.xlsx`, tempPath, sha256: RawFileStore.sha256(bytes) };
  };
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dvk-ahead-'));
    mkdirSync(path.join(dir, 'tmp'));
    store = new RawFileStore(path.join(dir, 'files'));
    pool = new ReadPool(1);
    readAhead = new ReadAhead(pool, store);
    // A list long enough to keep the one thread busy while a later file moves into the store.
    const lines = ['STT,Tên mô hình,Lĩnh vực,Chủ thể thực hiện'];
    for (let r = 1; r <= 60_000; r++) lines.push(`${r},Mô hình dân vận khéo số ${r},Kinh tế,Chi bộ thôn ${r % 40}`);
    writeFileSync(path.join(dir, 'dai.csv'), lines.join('\n'));
  });
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands the job the reading of its file even when the file moved into the store before its thread opened it', async () => {
    const busy = pool.read(path.join(dir, 'dai.csv'), 'dai.csv');
    const file = await arrive(1, 7);
    const session = readAhead.session();
    session.arrived(file);
    session.close(true);
    // Accepted: the temp file moves into the raw store while the thread is still on the long list.
    await store.adopt(file.tempPath, file.sha256);
    const reading = readAhead.take(file.sha256, file.fileName);
    expect(reading).toBeDefined();
    const result = await reading!.result;
    expect(result.unit).toBe('ĐẢNG ỦY XÃ THỬ NGHIỆM 2');
    expect(result.records).toHaveLength(7);
    expect((await busy).records.length).toBeGreaterThan(50_000);
    // Handed out once: a second job of the same bytes and name reads for itself.
    expect(readAhead.take(file.sha256, file.fileName)).toBeUndefined();
  });

  it('drops the readings of a refused upload', async () => {
    const file = await arrive(2, 4);
    const session = readAhead.session();
    session.arrived(file);
    session.close(false);
    expect(readAhead.take(file.sha256, file.fileName)).toBeUndefined();
  });
});

describe('POST /api/uploads reads each file as soon as it has arrived', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('starts reading the first file before the rest of the request has come in', async () => {
    const boundary = 'ranh-gioi-kiem-thu';
    const part = (name: string, bytes: Uint8Array) => Buffer.concat([
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
      Buffer.from(bytes), Buffer.from('\r\n'),
    ]);
    const whole = Buffer.concat([part('xa-dau.xlsx', await communeFile(40, 6)), part('xa-sau.xlsx', await communeFile(41, 5)), Buffer.from(`--${boundary}--\r\n`)]);
    // Cut just after the second part's delimiter: the first file is then complete on the server's side.
    const cut = whole.indexOf(`--${boundary}\r\n`, 1) + `--${boundary}\r\n`.length;
    const [first, rest] = [whole.subarray(0, cut), whole.subarray(cut)];
    let sentFirst!: () => void;
    const firstSent = new Promise<void>((resolve) => (sentFirst = resolve));
    const body = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(first);
        sentFirst();
        // The second file comes in only after the first has surely been received and hashed.
        await new Promise((resolve) => setTimeout(resolve, 400));
        controller.enqueue(rest);
        controller.close();
      },
    });
    const response = await t.fetch('/api/uploads', {
      method: 'POST', body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, duplex: 'half',
    } as RequestInit);
    await firstSent;
    expect(response.status).toBe(202);
    const accepted = (await response.json()) as BatchView;
    const done = await waitBatch(t, accepted.id);
    expect(done.counts.failed).toBe(0);
    expect(done.jobs.map((j) => j.records)).toEqual([6, 5]);
    // The batch exists only once the whole request is in; the first file's reading began before that.
    const [early, late] = done.jobs;
    expect(new Date(early!.startedAt!).getTime()).toBeLessThan(new Date(done.createdAt).getTime());
    expect(new Date(late!.startedAt!).getTime()).toBeGreaterThanOrEqual(new Date(early!.startedAt!).getTime());
  });
});
