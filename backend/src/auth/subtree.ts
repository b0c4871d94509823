import type { Expression, SqlBool } from 'kysely';
import { withinSubtree } from '../db/unit-scope.js';

/** `column` holds a unit of the subtree of `root`, through db/unit-scope.ts (the one place that defines a subtree). */
export function inSubtree(column: string, root: number): Expression<SqlBool> {
  return withinSubtree(column, root);
}
