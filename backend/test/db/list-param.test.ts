import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { Database } from '../../src/db/database.js';
import { inList, integerTable } from '../../src/db/list-param.js';

/** Lists in `in (…)`: short ones as parameters, long ones as one JSON text; both must select the same rows. */
describe('inList', () => {
  let database: Database;
  let db: Kysely<{ t: { id: number; name: string } }>;
  const names = Array.from({ length: 300 }, (_, i) => (i % 3 === 0 ? `Mô hình “số” ${i} \\ 'dân vận' "khéo"` : `Tổ tự quản ${i}`));
  beforeAll(async () => {
    database = await Database.open(':memory:');
    db = database.db.withTables<{ t: { id: number; name: string } }>() as never;
    await sql`create table t (id bigint, name varchar)`.execute(db);
    await db.insertInto('t').values(names.map((name, id) => ({ id, name }))).execute();
  });
  afterAll(async () => {
    await database.close();
  });

  const ids = async (query: ReturnType<typeof inList<number>> | ReturnType<typeof inList<string>>, column: 'id' | 'name', not = false) =>
    (await db.selectFrom('t').select('id').where(column, not ? 'not in' : 'in', query as never).orderBy('id').execute()).map((r) => Number(r.id));

  it('selects the same rows from a long list of ids, strings with quotes and backslashes, or their negation', async () => {
    const wantedIds = Array.from({ length: 120 }, (_, i) => i * 2 + 1);
    expect(Array.isArray(inList(wantedIds))).toBe(false);
    expect(await ids(inList(wantedIds), 'id')).toEqual(wantedIds);
    expect(await ids(inList(wantedIds), 'id', true)).toEqual(names.map((_, i) => i).filter((i) => !wantedIds.includes(i)));

    const wantedNames = names.filter((_, i) => i % 3 === 0);
    expect(await ids(inList(wantedNames), 'name')).toEqual(names.map((_, i) => i).filter((i) => i % 3 === 0));
  });

  it('keeps short lists as plain parameters, with the same answer', async () => {
    expect(inList([5, 7, 9])).toEqual([5, 7, 9]);
    expect(await ids(inList([5, 7, 9]), 'id')).toEqual([5, 7, 9]);
    expect(await ids(inList([names[6]!]), 'name')).toEqual([6]);
  });
});

/** Pairs of integers as a derived table: row i holds the i-th value of each list, for joins and updates. */
describe('integerTable', () => {
  let database: Database;
  beforeAll(async () => {
    database = await Database.open(':memory:');
  });
  afterAll(async () => {
    await database.close();
  });

  it('pairs the lists value by value, keeps order and repeats, and joins on both columns', async () => {
    const pairs = Array.from({ length: 5000 }, (_, i) => ({ model: 3_000_000_000 + (i % 700), year: 2015 + (i % 11) }));
    const table = integerTable({ model: pairs.map((p) => p.model), year: pairs.map((p) => p.year) });
    const rows = (await sql<{ model: number; year: number }>`select * from ${table} as v`.execute(database.db)).rows;
    expect(rows.map((r) => ({ model: Number(r.model), year: Number(r.year) }))).toEqual(pairs);
    await sql`create table r (model bigint, year integer)`.execute(database.db);
    await sql`insert into r values (3000000001, 2016), (3000000001, 2017), (3000000002, 2017), (1, 2016)`.execute(database.db);
    const joined = await sql<{ model: number; year: number }>`select r.model, r.year from r join ${integerTable({ model: [3_000_000_001, 3_000_000_002], year: [2016, 2016] })} as w
      on w.model = r.model and w.year = r.year`.execute(database.db);
    expect(joined.rows.map((r) => [Number(r.model), Number(r.year)])).toEqual([[3_000_000_001, 2016]]);
  });

  it('refuses columns of different lengths rather than pairing them wrongly', () => {
    expect(() => integerTable({ id: [1, 2], year: [2025] })).toThrow(/different lengths/);
  });
});
