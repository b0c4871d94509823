import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HeadStarts } from '../../src/ingest/head-start.js';
import { RawFileStore } from '../../src/ingest/raw-file.store.js';
import { ReadPool } from '../../src/ingest/read-pool.js';
import { communeFile } from './support.js';

describe('HeadStarts (files read while their upload still arrives)', () => {
  let dir: string;
  let pool: ReadPool;
  let store: RawFileStore;
  let bytes: Uint8Array;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dvk-head-'));
    pool = new ReadPool(1);
    store = new RawFileStore(path.join(dir, 'files'));
    bytes = await communeFile(3, 4);
  });
  afterAll(async () => {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('holds at most its bound of readings no job has taken; a taken or dropped one frees its place', async () => {
    const heads = new HeadStarts(pool, store, 2);
    const temp = (name: string) => {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      return file;
    };
    const sha = RawFileStore.sha256(bytes);
    const a = heads.begin(temp('a.upload'), sha, 'a.xlsx');
    const b = heads.begin(temp('b.upload'), sha, 'b.xlsx');
    expect(a).not.toBeNull();
    expect(b).not.toBeNull();
    expect(heads.begin(temp('c.upload'), sha, 'c.xlsx')).toBeNull();
    expect((await heads.take(a!).result).records).toBe(4);
    const d = heads.begin(temp('d.upload'), sha, 'd.xlsx');
    expect(d).not.toBeNull();
    heads.drop([b, d]);
    heads.drop([b]); // dropping twice frees nothing more
    expect(heads.begin(temp('e.upload'), sha, 'e.xlsx')).not.toBeNull();
    expect(heads.begin(temp('f.upload'), sha, 'f.xlsx')).not.toBeNull();
    expect(heads.begin(temp('g.upload'), sha, 'g.xlsx')).toBeNull();
  });

  it('reads the file from the store when it was moved there before a thread opened it', async () => {
    const heads = new HeadStarts(pool, store);
    const file = path.join(dir, 'moved.upload');
    writeFileSync(file, bytes);
    const sha = await store.adopt(file); // moved before the thread gets to it
    const start = heads.begin(file, sha, 'moved.xlsx');
    expect((await heads.take(start!).result).records).toBe(4);
  });

  it('reads a small file from the bytes it was given, before (or without) its temp file being written', async () => {
    const heads = new HeadStarts(pool, store);
    // Bytes neither written to the temp path nor in the store.
    const fresh = await communeFile(8, 5);
    const sha = RawFileStore.sha256(fresh);
    const never = path.join(dir, 'never-written.upload');
    const reading = (await heads.take(heads.begin(never, sha, 'bo-nho.xlsx', fresh)!).result).result();
    expect(reading.records).toHaveLength(5);
    expect(reading.unit).toBe('Đảng ủy xã Thử Nghiệm 9'.toUpperCase());
    // Without the bytes, the same missing file cannot be read.
    await expect(heads.take(heads.begin(never, sha, 'bo-nho.xlsx')!).result).rejects.toThrow(/ENOENT/);
  });
});
