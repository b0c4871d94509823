import { sql, type Kysely } from 'kysely';

/**
 * Plans and quotas as data (issue 7): a stable code per plan so imports are
 * idempotent, the issuer as written in the document, rule order, and the
 * unit closure the one scope helper (db/unit-scope.ts) reads.
 *
 * unit_closure is derived from unit + unit_lineage and rebuilt by
 * UnitClosure.ensureFresh(); it holds every (ancestor, descendant) pair
 * reachable downwards through parent links and backwards through the 2025
 * lineage (successor → predecessor), with the fewest parent links (depth)
 * and the fewest lineage links (lineage_hops) on any path.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  const statements = [
    `alter table plan add column code varchar`,
    `alter table plan add column issuer_text varchar`,
    `alter table plan add column notes varchar`,
    `alter table quota_rule add column position integer default 0`,
    `create table unit_closure (
      ancestor_id integer not null,
      descendant_id integer not null,
      depth integer not null,
      lineage_hops integer not null
    )`,
  ];
  for (const statement of statements) await sql.raw(statement).execute(db);
}
