import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DuckDBInstance } from '@duckdb/node-api';
import { Kysely, sql } from 'kysely';
import { DuckDBDialect } from '../../src/db/duckdb-dialect.js';

interface TestDB {
  item: {
    id: number;
    name: string;
    amount: string | number;
    day: string | null;
    at: Date | null;
    tags: string[] | null;
    meta: unknown;
  };
}

describe('DuckDBDialect', () => {
  let instance: DuckDBInstance;
  let db: Kysely<TestDB>;

  beforeAll(async () => {
    instance = await DuckDBInstance.create(':memory:');
    const connection = await instance.connect();
    db = new Kysely<TestDB>({ dialect: new DuckDBDialect({ connection: async () => connection }) });
    await sql`create table item (id bigint, name varchar, amount decimal(12, 2), day date, "at" timestamptz, tags varchar[], meta json)`.execute(db);
  });
  afterAll(async () => {
    await db.destroy();
    instance.closeSync();
  });

  it('compiles with Postgres placeholders and runs them', () => {
    const compiled = db.selectFrom('item').select('name').where('id', '=', 3).compile();
    expect(compiled.sql).toBe('select "name" from "item" where "id" = $1');
    expect(compiled.parameters).toEqual([3]);
  });

  it('round-trips Vietnamese text, decimals, dates, timestamps, lists and JSON', async () => {
    const at = new Date('2026-03-15T08:30:00.000Z');
    const inserted = await db
      .insertInto('item')
      .values({ id: 1, name: 'Mô hình “Dân vận khéo” hòa giải ở cơ sở', amount: '1234.50', day: '2026-02-28', at, tags: sql`['kinh tế', 'văn hóa']` as never, meta: JSON.stringify({ đơn_vị: 'Xã Đông Hòa' }) })
      .executeTakeFirst();
    expect(inserted.numInsertedOrUpdatedRows).toBe(1n);

    const row = await db.selectFrom('item').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();
    expect(row.id).toBe(1); // BIGINT arrives as a number, not a bigint
    expect(row.name).toBe('Mô hình “Dân vận khéo” hòa giải ở cơ sở');
    expect(row.name.normalize('NFC')).toBe(row.name);
    expect(row.amount).toBe(1234.5);
    expect(row.day).toBe('2026-02-28'); // DATE arrives as ISO text, no timezone shift
    expect(row.at).toBeInstanceOf(Date);
    expect((row.at as Date).toISOString()).toBe(at.toISOString());
    expect(row.tags).toEqual(['kinh tế', 'văn hóa']);
    expect(row.meta).toEqual({ đơn_vị: 'Xã Đông Hòa' });
  });

  it('reports affected rows of updates and deletes', async () => {
    await db.insertInto('item').values([{ id: 2, name: 'a', amount: 1, day: null, at: null, tags: null, meta: null }, { id: 3, name: 'b', amount: 2, day: null, at: null, tags: null, meta: null }]).execute();
    const updated = await db.updateTable('item').set({ name: 'c' }).where('id', 'in', [2, 3]).executeTakeFirst();
    expect(updated.numUpdatedRows).toBe(2n);
    const deleted = await db.deleteFrom('item').where('id', '=', 3).executeTakeFirst();
    expect(deleted.numDeletedRows).toBe(1n);
  });

  it('returns rows from insert … returning', async () => {
    const rows = await db.insertInto('item').values({ id: 9, name: 'Đoàn Thanh niên', amount: 0, day: null, at: null, tags: null, meta: null }).returning(['id', 'name']).execute();
    expect(rows).toEqual([{ id: 9, name: 'Đoàn Thanh niên' }]);
  });

  it('rolls a failed transaction back entirely', async () => {
    const before = await db.selectFrom('item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    await expect(
      db.transaction().execute(async (trx) => {
        await trx.insertInto('item').values({ id: 10, name: 'x', amount: 0, day: null, at: null, tags: null, meta: null }).execute();
        await sql`select * from no_such_table`.execute(trx);
      }),
    ).rejects.toThrow(/no_such_table/);
    const after = await db.selectFrom('item').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);
  });

  it('reuses a prepared statement with new values, and sees a table replaced or a type changed under it', async () => {
    const scores = db.withTables<{ score: { unit_id: number; n: number } }>();
    await sql`create or replace table score as select 1 as unit_id, 10 as n union all select 2, 20`.execute(db);
    const read = (unit: number) => scores.selectFrom('score').select('n').where('unit_id', '=', unit).execute();
    expect(await read(1)).toEqual([{ n: 10 }]);
    expect(await read(2)).toEqual([{ n: 20 }]);
    // The derived tables are rebuilt this way: the same cached SQL text must read the new table.
    await sql`create or replace table score as select 1 as unit_id, 11 as n union all select 3, 33`.execute(db);
    expect(await read(1)).toEqual([{ n: 11 }]);
    expect(await read(2)).toEqual([]);
    await sql`create or replace table score as select 1 as unit_id, 'mười hai' as n`.execute(db);
    expect(await read(1)).toEqual([{ n: 'mười hai' }]);
    // A statement that failed to bind is not kept half-bound: the next call with good values answers.
    await expect(scores.selectFrom('score').select('n').where('unit_id', '=', 'không phải số' as never).execute()).rejects.toThrow();
    expect(await read(1)).toEqual([{ n: 'mười hai' }]);
  });

  it('serialises concurrent queries on its one connection', async () => {
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => sql<{ v: number }>`select ${i}::integer as v`.execute(db)),
    );
    expect(results.map((r) => r.rows[0]?.v)).toEqual(Array.from({ length: 20 }, (_, i) => i));
  });

  it('orders Vietnamese names by a collation-aware key when asked', async () => {
    await sql`create table person (name varchar)`.execute(db);
    await sql`insert into person values ('Đỗ Văn Bình'), ('Đinh Thị An'), ('Dương Văn Cường'), ('Ân Văn Dũng'), ('Bùi Thị Én')`.execute(db);
    // strip_accents gives the base-letter order Vietnamese readers expect for
    // the first sort key; the original name breaks ties.
    const rows = await sql<{ name: string }>`select name from person order by strip_accents(lower(replace(replace(name, 'Đ', 'Dz'), 'đ', 'dz'))), name`.execute(db);
    expect(rows.rows.map((r) => r.name)).toEqual(['Ân Văn Dũng', 'Bùi Thị Én', 'Dương Văn Cường', 'Đinh Thị An', 'Đỗ Văn Bình']);
  });
});
