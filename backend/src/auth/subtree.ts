import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';
import { withinSubtree } from '../db/unit-scope.js';
import type { Visibility } from './scope.js';

/** `column` holds a unit of the subtree of `root`, through db/unit-scope.ts (the one place that defines a subtree). */
export function inSubtree(column: string, root: number): Expression<SqlBool> {
  return withinSubtree(column, root);
}

/**
 * Row filter for source files (alias `alias`) a restricted caller may see:
 * the file's unit is in their subtree, or the unit is still unresolved and
 * they uploaded it. Repositories add it when handed a Visibility.
 */
export function visibleFile(alias: string, v: Visibility): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${withinSubtree(`${alias}.unit_id`, v.root)} or (${sql.ref(`${alias}.unit_id`)} is null and ${sql.ref(`${alias}.batch_id`)} in (select id from upload_batch where created_by = ${v.username})))`;
}

/** Upload batches a restricted caller may see: theirs, or made by an account of their subtree. */
export function visibleBatch(alias: string, v: Visibility): RawBuilder<SqlBool> {
  return sql<SqlBool>`(${sql.ref(`${alias}.created_by`)} = ${v.username} or ${sql.ref(`${alias}.created_by`)} in (select username from app_user where ${withinSubtree('app_user.unit_id', v.root)}))`;
}

/** Plans a restricted caller may list: issued in their subtree, or by a unit above them (their quotas). */
export function visiblePlan(alias: string, v: Visibility): RawBuilder<SqlBool> {
  const issuer = sql.ref(`${alias}.issuer_unit_id`);
  return sql<SqlBool>`(${withinSubtree(`${alias}.issuer_unit_id`, v.root)} or ${v.root} in (select descendant_id from unit_closure where ancestor_id = ${issuer}))`;
}
