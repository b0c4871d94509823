import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { IngestRepository } from '../../src/ingest/ingest.repository.js';
import { LoadService } from '../../src/ingest/load.service.js';
import type { FileDetail, FilePage, FileRecords } from '../../src/ingest/files.service.js';
import type { BatchView } from '../../src/ingest/uploads.service.js';
import type { StoreSummary } from '../../src/ingest/ingest.repository.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { communeFile, get, postFiles, registrationList, seedUnits, upload, waitBatch } from './support.js';

const ROWS_V1 = [
  ['Dân vận khéo trong giải phóng mặt bằng', 'Kinh tế', 'UBND xã Đông Hòa', 'Mới', '01/03/2026', ''],
  ['Tổ hòa giải ở cơ sở thôn Đông Thượng', 'Quốc phòng - an ninh', 'Chi bộ thôn Đông Thượng', 'Duy trì', '01/2026', ''],
  ['Phụ nữ chung tay xây dựng nông thôn mới', 'Văn hóa - xã hội', 'Hội Liên hiệp Phụ nữ xã', 'Mới', '', ''],
];

describe('POST /api/uploads → rows in DuckDB', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedUnits(t);
  });
  afterAll(async () => {
    await t.close();
  });

  it('loads a registration list with the provenance of every row and resolves its units', async () => {
    const bytes = await registrationList({ unit: 'Đảng bộ xã Đông Hòa', year: 2026, rows: ROWS_V1 });
    const batch = await upload(t, [{ name: 'dang-ky-dong-hoa-2026.xlsx', bytes }]);
    expect(batch.counts.failed).toBe(0);
    const job = batch.jobs[0]!;
    expect(['loaded', 'needs_review']).toContain(job.state);
    expect(job.progress).toBe(100);
    expect(job.records).toBe(3);

    const file = await get<FileDetail>(t, `/api/files/${job.sourceFileId}`);
    expect(file).toMatchObject({ status: 'loaded', kind: 'registration', year: 2026, records: 3, rows: { registration: 3 } });
    expect(file.unitId).not.toBeNull();
    const records = await get<FileRecords>(t, `/api/files/${file.id}/records?type=registration`);
    const first = records.items.find((r) => r.model_name === 'Dân vận khéo trong giải phóng mặt bằng')!;
    expect(first.source).toMatchObject({ sheet: 'Đăng ký', row: 5, cells: expect.objectContaining({ model_name: 'B5', owner: 'D5' }) });
    expect(first.record_key).toBe('S:Đăng ký!R5');
    expect(first.owner_unit_id).not.toBeNull();
    expect(first.unit_id).toBe(file.unitId);
    // "Hội Liên hiệp Phụ nữ xã" carries no place: it is read within the issuing commune.
    const women = records.items.find((r) => r.owner === 'Hội Liên hiệp Phụ nữ xã')!;
    const unit = await get<{ name: string }>(t, `/api/units/${women.owner_unit_id}`);
    expect(unit.name).toBe('Hội Liên hiệp Phụ nữ xã Đông Hòa');
  });

  it('changes nothing when the same bytes are uploaded again', async () => {
    const bytes = await registrationList({ unit: 'Đảng bộ xã Tân Lai', year: 2026, rows: ROWS_V1.slice(0, 2) });
    const first = await upload(t, [{ name: 'tan-lai.xlsx', bytes }]);
    const before = await get<StoreSummary>(t, '/api/files/summary');
    const again = await upload(t, [{ name: 'tan-lai (bản sao).xlsx', bytes }, { name: 'tan-lai lần 3.xlsx', bytes }]);
    const after = await get<StoreSummary>(t, '/api/files/summary');
    expect(again.jobs.every((j) => j.duplicate && j.state === 'loaded' && j.sourceFileId === first.jobs[0]!.sourceFileId)).toBe(true);
    expect(again.counts.records).toBe(0);
    expect(after).toEqual(before);
  });

  it('supersedes the earlier version from the same unit, kind and year, and can restore it', async () => {
    const v1 = await registrationList({ unit: 'Đảng ủy xã Kim Sơn', year: 2026, rows: ROWS_V1 });
    const v2 = await registrationList({ unit: 'ĐU xã Kim Sơn', year: 2026, note: '(bản cuối)', rows: [...ROWS_V1, ['Camera an ninh thôn Kim Lũ', 'Quốc phòng - an ninh', 'Chi bộ thôn Kim Lũ', 'Mới', '', '']] });
    const before = await get<StoreSummary>(t, '/api/files/summary');
    const first = (await upload(t, [{ name: 'kim-son-2026.xlsx', bytes: v1 }])).jobs[0]!;
    const second = (await upload(t, [{ name: 'kim-son-2026-ban-cuoi.xlsx', bytes: v2 }])).jobs[0]!;
    expect(second.message).toMatch(/thay thế 1 phiên bản/);
    const old = await get<FileDetail>(t, `/api/files/${first.sourceFileId}`);
    expect(old).toMatchObject({ status: 'superseded', supersededBy: second.sourceFileId, rows: { registration: 3 } });
    const after = await get<StoreSummary>(t, '/api/files/summary');
    expect(after.registrations - before.registrations).toBe(4); // only the newer version counts
    expect(after.filesSuperseded - before.filesSuperseded).toBe(1);

    const restored = await t.fetch(`/api/files/${first.sourceFileId}/restore?by=vanphong`, { method: 'POST' });
    expect(restored.status).toBe(201);
    const newer = await get<FileDetail>(t, `/api/files/${second.sourceFileId}`);
    expect(newer.status).toBe('superseded');
    expect((await get<StoreSummary>(t, '/api/files/summary')).registrations - before.registrations).toBe(3);
    await t.fetch(`/api/files/${second.sourceFileId}/restore`, { method: 'POST' });
  });

  it('fails a corrupt file with the ETL message and stores nothing from it', async () => {
    const before = await get<StoreSummary>(t, '/api/files/summary');
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 251);
    garbage.set([0x50, 0x4b, 0x03, 0x04]);
    const batch = await upload(t, [{ name: 'hong.xlsx', bytes: garbage }]);
    const job = batch.jobs[0]!;
    expect(job.state).toBe('failed');
    expect(job.message).toMatch(/hong\.xlsx|không|lỗi/i);
    expect(job.errors.length).toBeGreaterThan(0);
    expect(job.sourceFileId).toBeNull();
    const after = await get<StoreSummary>(t, '/api/files/summary');
    expect({ ...after, filesFailed: 0 }).toEqual({ ...before, filesFailed: 0 });
    expect(after.filesFailed).toBe(before.filesFailed + 1);
  });

  it('stores nothing from a file whose load throws halfway through its transaction', async () => {
    const repository = t.app.get(IngestRepository);
    const spy = vi.spyOn(repository, 'insertReviewItems').mockRejectedValueOnce(new Error('đĩa đầy (giả lập)'));
    const before = await get<StoreSummary>(t, '/api/files/summary');
    const bytes = await registrationList({ unit: 'Đảng ủy xã Đông Hòa', year: 2025, rows: ROWS_V1 });
    const batch = await upload(t, [{ name: 'dong-hoa-2025.xlsx', bytes }]);
    expect(spy).toHaveBeenCalled();
    spy.mockRestore();
    const job = batch.jobs[0]!;
    expect(job.state).toBe('failed');
    expect(job.message).toMatch(/dong-hoa-2025\.xlsx.*không dòng nào/);
    expect(await get<StoreSummary>(t, '/api/files/summary')).toEqual({ ...before, filesFailed: before.filesFailed + 1 });
    const files = await get<FilePage>(t, '/api/files?q=dong-hoa-2025');
    expect(files.total).toBe(0);
    // Retrying the batch now loads it whole.
    await t.fetch(`/api/uploads/${batch.id}/retry`, { method: 'POST' });
    const retried = await waitBatch(t, batch.id);
    expect(retried.jobs[0]!.state).not.toBe('failed');
    expect(retried.jobs[0]!.attempts).toBe(2);
    expect((await get<StoreSummary>(t, '/api/files/summary')).registrations).toBe(before.registrations + 3);
  });

  it('follows a batch over server-sent events until done', async () => {
    const files = await Promise.all([2023, 2024].map(async (year) => ({
      name: `dong-la-${year}.xlsx`,
      bytes: await registrationList({ unit: 'Đảng ủy xã Đông La', year, rows: ROWS_V1.slice(0, 1) }),
    })));
    const response = await postFiles(t, files);
    const batch = (await response.json()) as BatchView;
    // Files are read as soon as they land, so a job may already be 'reading' when the batch is answered.
    expect(batch.jobs.every((j) => j.state === 'queued' || j.state === 'reading')).toBe(true);
    const stream = await t.fetch(`/api/uploads/${batch.id}/events`);
    expect(stream.headers.get('content-type')).toMatch(/text\/event-stream/);
    const text = await stream.text(); // the server ends the stream after 'done'
    const events = text.split(/\n\n/).filter(Boolean).map((block) => ({
      event: /^event: (.*)$/m.exec(block)?.[1],
      data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as unknown,
    }));
    expect(events[0]!.event).toBe('batch');
    expect(events.filter((e) => e.event === 'done')).toHaveLength(1);
    expect(events.at(-1)!.event).toBe('done');
    const done = events.at(-1)!.data as BatchView;
    expect(done.state).toBe('done');
    expect(done.jobs.every((j) => j.progress === 100)).toBe(true);
  });

  it('supersedes in upload order, even when the later version is read first', async () => {
    // The first version is long, so the second (short) one is read first by the other reader thread.
    const long = Array.from({ length: 3000 }, (_, i) => [`Mô hình thử số ${i + 1}`, 'Kinh tế', 'Chi bộ thôn Đông Thượng', 'Mới', '01/03/2024', '']);
    const first = { name: 'dong-lai-2024-ban-dau.xlsx', bytes: await registrationList({ unit: 'Đảng ủy xã Đông Lai', year: 2024, rows: long }) };
    const second = { name: 'dong-lai-2024-ban-cuoi.xlsx', bytes: await registrationList({ unit: 'Đảng ủy xã Đông Lai', year: 2024, rows: ROWS_V1 }) };
    // More short files than the writer gathers before writing: they all wait, without a busy loop, for the long first one.
    const others = await Promise.all(Array.from({ length: 10 }, async (_, i) => ({ name: `xa-khac-${i}.xlsx`, bytes: await communeFile(500 + i, 3) })));
    const batch = await upload(t, [first, second, ...others]);
    expect(batch.counts.failed).toBe(0);
    const [a, b] = batch.jobs;
    expect(a!.fileName).toBe(first.name);
    expect(b!.records).toBe(3);
    expect(await get<FileDetail>(t, `/api/files/${b!.sourceFileId}`)).toMatchObject({ status: 'loaded' });
    expect(await get<FileDetail>(t, `/api/files/${a!.sourceFileId}`)).toMatchObject({ status: 'superseded', supersededBy: b!.sourceFileId });
  });

  it('flags a model listed twice in one file, naming where in the file it first appears', async () => {
    const twice = ['Tủ sách pháp luật ở thôn Đông Thượng', 'Văn hóa - xã hội', 'Chi bộ thôn Đông Thượng', 'Mới', '01/03/2026', ''];
    const bytes = await registrationList({ unit: 'Đảng bộ xã Đông Hòa', year: 2026, rows: [twice, ['Bình dân học vụ số ở thôn Đông Thượng', 'Kinh tế', 'Chi đoàn thôn Đông Thượng', 'Mới', '', ''], twice] });
    const batch = await upload(t, [{ name: 'dang-ky-lap.xlsx', bytes }]);
    const fileId = batch.jobs[0]!.sourceFileId!;
    const doubts = await get<{ items: { reason: string; recordKey: string; message: string; detail: { first: string } }[] }>(t, `/api/review?fileId=${fileId}&reason=possible_duplicate`);
    // Rows 5 and 7 of the sheet (header on row 4): the second is the doubt, and names the first.
    expect(doubts.items.map((d) => [d.recordKey, d.detail.first])).toEqual([['S:Đăng ký!R7', 'trang “Đăng ký”, dòng 5']]);
    expect(doubts.items[0]!.message).toBe(
      'Tệp “dang-ky-lap.xlsx”, trang “Đăng ký”, dòng 7: mô hình “Tủ sách pháp luật ở thôn Đông Thượng” đã có ở trang “Đăng ký”, dòng 5 của cùng tệp; có thể bị đếm hai lần.',
    );
  });

  it('reads a file as soon as it has arrived, while the rest of the upload is still coming', async () => {
    // A reader thread already running (it starts with the first read), as on a server that has read before.
    await upload(t, [{ name: 'khoi-dong.xlsx', bytes: await communeFile(699, 3) }]);
    const files = await Promise.all([0, 1].map(async (i) => ({ name: `som-${i + 1}.xlsx`, bytes: await communeFile(700 + i, 6) })));
    const form = new FormData();
    for (const file of files) form.append('files', new Blob([file.bytes]), file.name);
    const encoded = new Response(form);
    const body = new Uint8Array(await encoded.arrayBuffer());
    // The body up to the middle of the second file, then a pause, then the rest: as over a slow line.
    // (The first file has surely ended there: its closing delimiter has been sent.)
    const boundary = new TextEncoder().encode(`--${/boundary=(.*)$/.exec(encoded.headers.get('content-type')!)![1]}`);
    const starts = [...body.keys()].filter((i) => boundary.every((b, k) => body[i + k] === b));
    expect(starts).toHaveLength(3); // two parts and the closing boundary
    const pauseAt = Math.floor((starts[1]! + starts[2]!) / 2);
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        controller.enqueue(body.slice(0, pauseAt));
        await new Promise((resolve) => setTimeout(resolve, 1000));
        controller.enqueue(body.slice(pauseAt));
        controller.close();
      },
    });
    const response = await t.fetch(`/api/uploads`, { method: 'POST', body: stream, headers: { 'content-type': encoded.headers.get('content-type')! }, duplex: 'half' } as RequestInit);
    expect(response.status).toBe(202);
    const batch = await waitBatch(t, ((await response.json()) as BatchView).id);
    const [first, second] = batch.jobs;
    expect(batch.counts.failed).toBe(0);
    // The first file's reading began before the batch existed; the second arrived last.
    expect(new Date(first!.startedAt!).getTime()).toBeLessThan(new Date(batch.createdAt).getTime());
    expect(second!.records).toBe(6);
  });

  it('streams each job’s reading and outcome live while the batch is still being written', async () => {
    // The writer waits at a gate, so the stream is surely opened on a running batch.
    const loader = t.app.get(LoadService);
    let open!: () => void;
    const gate = new Promise<void>((resolve) => (open = resolve));
    const loadMany = loader.loadMany.bind(loader);
    const spy = vi.spyOn(loader, 'loadMany').mockImplementation(async (inputs) => {
      await gate;
      return loadMany(inputs);
    });
    try {
      const files = await Promise.all(['Đông Hòa', 'Đông Lai'].map(async (commune) => ({
        name: `live-${commune}.xlsx`,
        bytes: await registrationList({ unit: `Đảng ủy xã ${commune}`, year: 2022, rows: ROWS_V1.slice(1, 2) }),
      })));
      const batch = (await (await postFiles(t, files)).json()) as BatchView;
      const stream = await t.fetch(`/api/uploads/${batch.id}/events`);
      const reader = stream.body!.getReader();
      const decoder = new TextDecoder();
      let text = '';
      while (!/event: batch\n[^]*?\n\n/.test(text)) text += decoder.decode((await reader.read()).value, { stream: true });
      open();
      for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
      const events = text.split(/\n\n/).filter((block) => block.trim()).map((block) => ({
        event: /^event: (.*)$/m.exec(block)?.[1],
        data: JSON.parse(/^data: (.*)$/m.exec(block)?.[1] ?? 'null') as { state: string; id: number },
      }));
      // Read but not written: the snapshot shows both files 'reading' (a state kept in memory, not in the database).
      const snapshot = events[0]!.data as unknown as BatchView;
      expect(events[0]!.event).toBe('batch');
      expect(snapshot.state).toBe('running');
      expect(snapshot.jobs.map((j) => j.state)).toEqual(['reading', 'reading']);
      for (const job of batch.jobs) {
        // 'reading' when a thread starts the file (it may start before the stream opened), then the outcome once.
        const states = events.filter((e) => e.event === 'job' && e.data.id === job.id).map((e) => e.data.state);
        expect(states.slice(0, -1).every((state) => state === 'reading')).toBe(true);
        expect(['loaded', 'needs_review']).toContain(states.at(-1));
      }
      expect(events.at(-1)).toMatchObject({ event: 'done', data: { state: 'done' } });
    } finally {
      open();
      spy.mockRestore();
    }
  });
});

describe('upload limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    process.env.DVK_UPLOAD_MAX_FILES = '3';
    process.env.DVK_UPLOAD_MAX_MB = '0.05';
    t = await startTestApp();
  });
  afterAll(async () => {
    delete process.env.DVK_UPLOAD_MAX_FILES;
    delete process.env.DVK_UPLOAD_MAX_MB;
    await t.close();
  });

  it('answers 413 in Vietnamese naming the file that is too large, and keeps nothing', async () => {
    const response = await postFiles(t, [{ name: 'nhỏ.csv', bytes: new Uint8Array(10) }, { name: 'danh-sách-quá-lớn.xlsx', bytes: new Uint8Array(80 * 1024) }]);
    expect(response.status).toBe(413);
    const body = (await response.json()) as { message: string };
    expect(body.message).toContain('“danh-sách-quá-lớn.xlsx”');
    expect(body.message).toMatch(/0\.1 MB|0\.05 MB|MB/);
    expect((await get<BatchView[]>(t, '/api/uploads')).length).toBe(0);
  });

  it('answers 400 for too many files, a wrong field and no file at all', async () => {
    const four = Array.from({ length: 4 }, (_, i) => ({ name: `f${i}.csv`, bytes: new Uint8Array(5) }));
    const many = await postFiles(t, four);
    expect(many.status).toBe(400);
    expect(((await many.json()) as { message: string }).message).toMatch(/tối đa 3 tệp/);
    const wrong = await postFiles(t, [{ name: 'a.xlsx', bytes: new Uint8Array(5) }], 'tep');
    expect(wrong.status).toBe(400);
    expect(((await wrong.json()) as { message: string }).message).toMatch(/trường “files”/);
    const none = await t.fetch(`/api/uploads`, { method: 'POST', body: new FormData() });
    expect(none.status).toBe(400);
    const json = await t.fetch(`/api/uploads`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(json.status).toBe(400);
    expect(((await json.json()) as { message: string }).message).toMatch(/multipart\/form-data/);
  });
});

describe('the upload writer’s groups (DVK_INGEST_GROUP_FILES=2)', () => {
  let t: TestApp;
  const groupFilesBefore = process.env.DVK_INGEST_GROUP_FILES;
  beforeAll(async () => {
    process.env.DVK_INGEST_GROUP_FILES = '2';
    t = await startTestApp();
    // A first upload, so the groups below do not pay for a cold start (statements, registry, reader thread).
    await upload(t, [{ name: 'khoi-dong.xlsx', bytes: await communeFile(499, 3) }]);
  });
  afterAll(async () => {
    await t.close();
    if (groupFilesBefore === undefined) delete process.env.DVK_INGEST_GROUP_FILES;
    else process.env.DVK_INGEST_GROUP_FILES = groupFilesBefore;
  });

  it('fills a group while more files remain to be read than it holds, then writes each file read without waiting for the rest', async () => {
    const loader = t.app.get(LoadService);
    const spy = vi.spyOn(loader, 'loadMany');
    try {
      const small = await Promise.all(Array.from({ length: 3 }, async (_, i) => ({ name: `nhom-${i + 1}.xlsx`, bytes: await communeFile(500 + i, 4) })));
      // Last, a list that takes a few hundred milliseconds to read: longer than writing the small files, shorter than the writer's 1 s wait.
      const lines = ['STT,Tên mô hình,Lĩnh vực,Chủ thể thực hiện'];
      for (let r = 1; r <= 12_000; r++) lines.push(`${r},Mô hình dân vận khéo số ${r},Kinh tế,Chi bộ thôn ${r % 40}`);
      const batch = await upload(t, [...small, { name: 'dai.csv', bytes: new TextEncoder().encode(lines.join('\n')) }]);
      expect(batch.jobs.map((j) => j.state)).not.toContain('queued');
      // Groups of at most two: the first two together (four files were still to be read when the first arrived);
      // then the third as soon as it was read, not held back to fill a group with the long list (checked: the
      // writer that waited whenever anything was being read wrote [nhom-3, dai.csv] together).
      expect(spy.mock.calls.map(([inputs]) => inputs.map((i) => i.fileName))).toEqual([['nhom-1.xlsx', 'nhom-2.xlsx'], ['nhom-3.xlsx'], ['dai.csv']]);
    } finally {
      spy.mockRestore();
    }
  });
});
