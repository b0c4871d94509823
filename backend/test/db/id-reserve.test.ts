import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';

/** Ids drawn ahead in blocks (db/id-reserve.ts), on a real DuckDB file. */
describe('Database.takeIds', () => {
  let dir: string;
  let database: Database;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dvk-ids-'));
    database = await Database.open(path.join(dir, 'dvk.duckdb'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('hands out consecutive ids across calls, none of which an insert through the column default gets', async () => {
    const first = await database.transaction((trx) => database.takeIds(trx, 'audit_id_seq', 3));
    const second = await database.transaction((trx) => database.takeIds(trx, 'audit_id_seq', 5000));
    expect(first).toEqual([1, 2, 3]);
    // More than one block: still one run of numbers, continuing the first call's.
    expect(second).toHaveLength(5000);
    expect(second.every((id, i) => id === 4 + i)).toBe(true);
    await sql`insert into audit_log (action, target, detail) values ('kiểm thử', 'id', '{}')`.execute(database.db);
    const viaDefault = (await sql<{ id: number }>`select id from audit_log where action = 'kiểm thử'`.execute(database.db)).rows[0]!.id;
    expect(Number(viaDefault)).toBeGreaterThan(second.at(-1)!);
  });

  it('forgets the ids drawn in a transaction that rolled back: only committed draws are kept by the sequence after a crash', async () => {
    let drawn: number[] = [];
    await expect(database.transaction(async (trx) => {
      drawn = await database.takeIds(trx, 'correction_id_seq', 2);
      throw new Error('lỗi giữa chừng');
    })).rejects.toThrow('lỗi giữa chừng');
    const after = await database.transaction((trx) => database.takeIds(trx, 'correction_id_seq', 2));
    expect(drawn).toEqual([1, 2]);
    // Not 3, 4 from the rolled-back draw's block: a fresh block, drawn (and persisted) by this committed transaction.
    expect(after[0]).toBeGreaterThan(drawn[1]! + 1);
    expect(after[1]).toBe(after[0]! + 1);
  });
});
