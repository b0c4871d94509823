import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';

describe('Database.read (the pool of readers beside the one writer)', () => {
  let dir: string;
  let database: Database;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dvk-readers-'));
    database = await Database.open(path.join(dir, 'dvk.duckdb'), 2);
    await database.db.insertInto('app_meta').values({ key: 'trước', value: 'đã lưu' }).execute();
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const keys = async () => (await database.read.selectFrom('app_meta').select('key').where('key', 'in', ['trước', 'đang ghi']).orderBy('key').execute()).map((r) => r.key);

  it('answers while the writer holds an open transaction, with the last committed data only', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let inserted!: () => void;
    const insertedYet = new Promise<void>((resolve) => (inserted = resolve));
    const writing = database.transaction(async (trx) => {
      await trx.insertInto('app_meta').values({ key: 'đang ghi', value: 'chưa xong' }).execute();
      inserted();
      await gate;
    });
    await insertedYet;
    // The writer's connection is taken until the gate opens; a reader must not wait for it.
    const during = await Promise.race([keys(), new Promise<string>((resolve) => setTimeout(() => resolve('chờ người ghi'), 5000))]);
    expect(during).toEqual(['trước']);
    release();
    await writing;
    expect(await keys()).toEqual(['trước', 'đang ghi']);
  });

  it('runs more queries than it has connections, each once, and refuses transactions', async () => {
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => sql<{ v: number }>`select ${i}::integer as v`.execute(database.read)));
    expect(answers.map((a) => a.rows[0]!.v)).toEqual(Array.from({ length: 12 }, (_, i) => i));
    await expect(database.read.transaction().execute(async () => undefined)).rejects.toThrow(/does not run transactions/);
  });
});
