import { sql, type RawBuilder } from 'kysely';

/** Beyond this many values, a list travels as one JSON parameter instead of one parameter each. */
const INLINE_LIMIT = 32;

/**
 * The right-hand side of `column in …` for a list of ids or strings. DuckDB
 * binds and plans each parameter of `in ($1, …, $n)` separately: a thousand
 * model names cost milliseconds before any row is read. A long list goes as
 * one JSON text unnested into a table, which costs next to nothing however
 * long it is. Short lists keep the plain form.
 */
export function inList<T extends string | number>(values: readonly T[]): readonly T[] | RawBuilder<T> {
  if (values.length <= INLINE_LIMIT) return values;
  const type = values.every((v) => typeof v === 'number') ? sql.lit('["BIGINT"]') : sql.lit('["VARCHAR"]');
  return sql<T>`(select unnest(from_json(${JSON.stringify(values)}, ${type})))`;
}

/**
 * A derived table of integer columns for joins and `update … from`: each
 * column travels as one JSON list and the lists are unnested side by side
 * (row i holds the i-th value of each). Plain integer lists parse at a
 * fraction of the cost of a list of JSON objects: thousands of (model, year)
 * pairs in a few milliseconds. Every column must have the same length.
 */
export function integerTable<K extends string>(columns: Record<K, readonly number[]>): RawBuilder<Record<K, number>> {
  const names = Object.keys(columns) as K[];
  const lengths = new Set(names.map((name) => columns[name].length));
  if (lengths.size > 1) throw new Error(`integerTable: columns of different lengths (${[...lengths].join(', ')})`);
  const selected = names.map((name) => sql`unnest(from_json(${JSON.stringify(columns[name])}, '["BIGINT"]')) as ${sql.id(name)}`);
  return sql<Record<K, number>>`(select ${sql.join(selected)})`;
}
