import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql, type Kysely } from 'kysely';
import { Database } from '../../src/db/database.js';
import { inList } from '../../src/db/list-param.js';

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
