import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Database } from '../../src/db/database.js';

describe('Database.append (DuckDB appender inside a Kysely transaction)', () => {
  let dir: string;
  let database: Database;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dvk-append-'));
    database = await Database.open(path.join(dir, 'dvk.duckdb'));
  });
  afterAll(async () => {
    await database.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const item = (key: string, extra: Record<string, unknown> = {}) => ({
    source_file_id: 7, record_type: 'registration', record_key: key, record_id: null, reason: 'unresolved_owner',
    message: `Tệp “a.xlsx”, dòng ${key}: chưa xác định được “Hội Nông dân xã”`, ...extra,
  });

  it('fills sequence ids and constant defaults, and stores JSON, times, NULLs and Vietnamese text as given', async () => {
    const resolvedAt = new Date('2026-11-20T03:04:05.678Z');
    await database.transaction((trx) => database.append(trx, 'review_item', [
      item('R5', { detail: { candidates: [{ unitId: 12, name: 'Hội Nông dân xã Đông Hòa', score: 0.91 }] } }),
      item('R6', { detail: null, state: 'confirmed', resolved_by: 'quản trị', resolved_at: resolvedAt }),
      item('R7', { detail: '{"raw":"văn bản JSON"}' }),
    ]));
    const rows = await database.db.selectFrom('review_item').selectAll().orderBy('record_key').execute();
    expect(rows.map((r) => r.record_key)).toEqual(['R5', 'R6', 'R7']);
    // Ids drawn from review_item_id_seq, distinct and increasing.
    expect(rows.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(rows[0]).toMatchObject({ state: 'open', record_id: null, resolved_by: null, resolved_at: null, message: item('R5').message });
    expect(rows[0]!.detail).toEqual({ candidates: [{ unitId: 12, name: 'Hội Nông dân xã Đông Hòa', score: 0.91 }] });
    expect(rows[0]!.created_at).toBeInstanceOf(Date);
    expect(rows[1]).toMatchObject({ state: 'confirmed', detail: null, resolved_by: 'quản trị' });
    expect(new Date(rows[1]!.resolved_at as Date).toISOString()).toBe(resolvedAt.toISOString());
    expect(rows[2]!.detail).toEqual({ raw: 'văn bản JSON' });
  });

  it('rolls its rows back with the transaction it ran in', async () => {
    const before = await database.db.selectFrom('review_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(database.transaction(async (trx) => {
      await database.append(trx, 'review_item', [item('R8'), item('R9')]);
      const inside = await trx.selectFrom('review_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(inside.n).toBe(before.n + 2);
      throw new Error('ghi lỗi giữa chừng');
    })).rejects.toThrow('ghi lỗi giữa chừng');
    const after = await database.db.selectFrom('review_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('refuses a value of the wrong type and writes nothing of the batch', async () => {
    const before = await database.db.selectFrom('review_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(database.transaction((trx) => database.append(trx, 'review_item', [item('R10'), item('R11', { source_file_id: 'không phải số' })])))
      .rejects.toThrow(/source_file_id expects a number/);
    // A NOT NULL column left out is refused by DuckDB itself.
    await expect(database.transaction((trx) => database.append(trx, 'review_item', [{ ...item('R12'), message: null }])))
      .rejects.toThrow();
    const after = await database.db.selectFrom('review_item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });
});
