import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ReadError, ReadPool } from '../../src/ingest/read-pool.js';
import { communeFile } from './support.js';

describe('ReadPool (reader threads with files queued ahead)', () => {
  let dir: string;
  const files: { path: string; name: string; rows: number; unit: string }[] = [];
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dvk-pool-'));
    for (let i = 0; i < 12; i++) {
      const name = `xa-${i + 1}.xlsx`;
      writeFileSync(path.join(dir, name), await communeFile(i, 3 + i));
      files.push({ path: path.join(dir, name), name, rows: 3 + i, unit: `Đảng ủy xã Thử Nghiệm ${i + 1}`.toUpperCase() });
    }
    // A list long enough to outlast a short time limit.
    const lines = ['STT,Tên mô hình,Lĩnh vực,Chủ thể thực hiện'];
    for (let r = 1; r <= 150_000; r++) lines.push(`${r},Mô hình dân vận khéo số ${r},Kinh tế,Chi bộ thôn ${r % 40}`);
    writeFileSync(path.join(dir, 'dai.csv'), lines.join('\n'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('answers every file with its own reading, whatever thread read it and in whatever order', async () => {
    const pool = new ReadPool(2);
    try {
      const results = await Promise.all(files.map((f) => pool.read(f.path, f.name)));
      results.forEach((result, i) => {
        expect(result.unit).toBe(files[i]!.unit);
        expect(result.records).toHaveLength(files[i]!.rows);
      });
    } finally {
      await pool.close();
    }
  });

  it('hands the files queued behind a slow one to a thread left idle, so the slow file holds none of them', async () => {
    const pool = new ReadPool(2);
    try {
      const order: string[] = [];
      // The slow file goes to the first thread; the small ones are spread over both, some queued behind it.
      const slow = pool.read(path.join(dir, 'dai.csv'), 'dai.csv').then((r) => (order.push('dai.csv'), r));
      const small = await Promise.all(files.map((f) => pool.read(f.path, f.name).then((r) => (order.push(f.name), r))));
      expect(small.map((r) => r.records.length)).toEqual(files.map((f) => f.rows));
      expect((await slow).records.length).toBeGreaterThan(100_000);
      // Every small file was read before the slow one finished.
      expect(order.at(-1)).toBe('dai.csv');
    } finally {
      await pool.close();
    }
  });

  it('refuses a file larger than the limit it was given (the upload limit), naming the file and the limit', async () => {
    const pool = new ReadPool(1, { maxFileBytes: 4096 });
    try {
      const file = files[5]!;
      const refused = await pool.read(file.path, file.name);
      expect(refused.records).toHaveLength(0);
      expect(refused.issues.map((i) => [i.severity, i.code])).toEqual([['error', 'FILE_TOO_LARGE']]);
      expect(refused.issues[0]!.message).toContain(`Tệp "${file.name}"`);
      expect(refused.issues[0]!.message).toContain('vượt giới hạn');
    } finally {
      await pool.close();
    }
    // The same file through a pool with the default limit (the ETL's own, 20 MB).
    const pool2 = new ReadPool(1);
    try {
      expect((await pool2.read(files[5]!.path, files[5]!.name)).records).toHaveLength(files[5]!.rows);
    } finally {
      await pool2.close();
    }
  });

  it('fails only the file that ran out of time; the files queued behind it on the same thread are read by a fresh one', async () => {
    const pool = new ReadPool(1, { timeoutMs: 300 });
    try {
      const slow = pool.read(path.join(dir, 'dai.csv'), 'dai.csv');
      const behind = files.slice(0, 3).map((f) => pool.read(f.path, f.name));
      await expect(slow).rejects.toThrow(ReadError);
      await expect(slow).rejects.toThrow(/Đọc tệp “dai\.csv” quá/);
      const results = await Promise.all(behind);
      expect(results.map((r) => r.records.length)).toEqual(files.slice(0, 3).map((f) => f.rows));
    } finally {
      await pool.close();
    }
  });
});
