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
