import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import type { DB } from './schema.js';
import { inList } from './list-param.js';

/**
 * THE one place that decides which units' records count for a unit.
 *
 * Every analytics and quota query filters by unit through `unitScope()`:
 * never by parent_id or unit_id ad hoc. Row-level security (issue 10) passes
 * the caller's subtree root as `within`, here, and every query is scoped.
 *
 * It reads `unit_closure` (ancestor → descendant through parent links and
 * backwards through lineage: a successor reaches its predecessors, so a
 * merged commune's scope holds the pre-merger communes' records).
 * `UnitClosure.ensureFresh()` keeps that table in step with the registry.
 */

/**
 * Which structure groups units:
 * - `year`: the structure of the year itself (child units valid at some
 *   point in the year; a pre-merger commune stays under its district);
 * - `current`: the structure at a reference date (default today); the
 *   pre-merger units' records roll up into their successors.
 */
export type Structure = 'year' | 'current';

export type ScopeSpec =
  /** Each root with its subtree (or only itself and its predecessors when `own`). */
  | { kind: 'roots'; roots: readonly number[]; own?: boolean; within?: number | null }
  /**
   * The root's child units as groups. 'year': the children valid in the year,
   * each with the units under it by parent links (the year's own structure).
   * 'current': the children valid at the reference date, each with the units
   * under it by parent and lineage links (pre-merger units roll up); a unit
   * reachable from two groups belongs to the one with the fewest lineage links.
   */
  | { kind: 'children'; root: number; year: number; structure: Structure; referenceDate?: string; within?: number | null };

/** Rows (group_id, unit_id): the units whose records count for each group. */
export function unitScope(db: Kysely<DB>, spec: ScopeSpec) {
  if (spec.kind === 'roots') {
    const roots = spec.roots.length > 0 ? [...spec.roots] : [-1];
    return db
      .selectFrom('unit_closure as uc')
      .where('uc.ancestor_id', 'in', inList(roots))
      .$if(spec.own === true, (qb) => qb.where('uc.depth', '=', 0))
      .$if(spec.within != null, (qb) => qb.where(withinSubtree('uc.descendant_id', spec.within!)))
      .select(['uc.ancestor_id as group_id', 'uc.descendant_id as unit_id']);
  }
  const period = spec.structure === 'current' ? atDate(spec.referenceDate ?? today()) : inYear(spec.year);
  return db
    .selectFrom('unit_closure as uc')
    .innerJoin('unit as g', 'g.id', 'uc.ancestor_id')
    .where('g.parent_id', '=', spec.root)
    .where(validDuring('g', period))
    .$if(spec.structure === 'year', (qb) => qb.where('uc.lineage_hops', '=', 0))
    .$if(spec.within != null, (qb) => qb.where(withinSubtree('uc.descendant_id', spec.within!)))
    .groupBy('uc.descendant_id')
    .select((eb) => [
      sql<number>`arg_min(${eb.ref('uc.ancestor_id')}, ${eb.ref('uc.lineage_hops')} * 1000000000 + ${eb.ref('uc.ancestor_id')})`.as('group_id'),
      'uc.descendant_id as unit_id',
    ]);
}

/**
 * The same choice of units for the pre-aggregated tables (agg_unit_year,
 * agg_dist), which hold one row per ancestor: rows (group_id, ancestor_id,
 * mode). Roots read their own rows in mode 'full' (lineage included); child
 * groups read theirs in mode 'parent' for the year's own structure and
 * 'full' for today's. `within` keeps only ancestors inside that subtree.
 */
export function aggregateScope(db: Kysely<DB>, spec: ScopeSpec) {
  if (spec.kind === 'roots') {
    const roots = spec.roots.length > 0 ? [...spec.roots] : [-1];
    return db
      .selectFrom('unit as g')
      .where('g.id', 'in', inList(roots))
      .$if(spec.within != null, (qb) => qb.where(withinSubtree('g.id', spec.within!)))
      .select(['g.id as group_id', 'g.id as ancestor_id', sql<'full' | 'parent'>`'full'`.as('mode')]);
  }
  const period = spec.structure === 'current' ? atDate(spec.referenceDate ?? today()) : inYear(spec.year);
  return db
    .selectFrom('unit as g')
    .where('g.parent_id', '=', spec.root)
    .where(validDuring('g', period))
    .$if(spec.within != null, (qb) => qb.where(withinSubtree('g.id', spec.within!)))
    .select(['g.id as group_id', 'g.id as ancestor_id', sql<'full' | 'parent'>`${spec.structure === 'current' ? 'full' : 'parent'}`.as('mode')]);
}

/** Child units of the roots that form the groups of a `children` scope, in name order. */
export function scopeGroups(db: Kysely<DB>, roots: readonly number[], year: number, structure: Structure, referenceDate?: string) {
  const period = structure === 'current' ? atDate(referenceDate ?? today()) : inYear(year);
  return db
    .selectFrom('unit as g')
    .where('g.parent_id', 'in', inList(roots.length > 0 ? [...roots] : [-1]))
    .where(validDuring('g', period))
    .select(['g.id', 'g.name', 'g.kind', 'g.level', 'g.parent_id', 'g.valid_from', 'g.valid_to'])
    .orderBy('g.name')
    .orderBy('g.id');
}

export interface Period {
  from: string;
  to: string;
}

export function inYear(year: number): Period {
  return { from: `${year}-01-01`, to: `${year}-12-31` };
}

export function atDate(date: string): Period {
  return { from: date, to: date };
}

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

/** The unit (aliased `alias`) existed at some point in the period. */
export function validDuring(alias: string, period: Period): RawBuilder<SqlBool> {
  const from = sql.ref(`${alias}.valid_from`);
  const to = sql.ref(`${alias}.valid_to`);
  return sql<SqlBool>`((${from} is null or ${from} <= cast(${period.to} as date)) and (${to} is null or ${to} >= cast(${period.from} as date)))`;
}

/** `column` (a column name, or an expression such as attributedUnit()) holds a unit of the subtree of `root` (lineage included). */
export function withinSubtree(column: string | RawBuilder<number>, root: number): RawBuilder<SqlBool> {
  const unit = typeof column === 'string' ? sql.ref(column) : column;
  return sql<SqlBool>`${unit} in (select descendant_id from unit_closure where ancestor_id = ${root})`;
}

/**
 * The unit a record counts for: its owner when the owner resolved to a unit,
 * else the unit that issued the file.
 */
export function attributedUnit(table: 'registration' | 'recognition' | 'exemplar' | string) {
  return sql<number>`coalesce(${sql.ref(`${table}.owner_unit_id`)}, ${sql.ref(`${table}.unit_id`)})`;
}

/**
 * Which source files count, now or as of a date (end of that day, Vietnam
 * time): now, only 'loaded'; as of a date, files uploaded by then that were
 * loaded, or superseded only by a file uploaded after it. 'failed',
 * 'needs_review' and 'deleted' never count.
 */
export function countedFile(alias: string, asOf: string | null) {
  const status = sql.ref(`${alias}.status`);
  if (!asOf) return sql<SqlBool>`${status} = 'loaded'`;
  const end = endOfDay(asOf);
  return sql<SqlBool>`(${sql.ref(`${alias}.uploaded_at`)} < cast(${end} as timestamptz) and (${status} = 'loaded' or (${status} = 'superseded' and coalesce((select s2.uploaded_at from source_file s2 where s2.id = ${sql.ref(`${alias}.superseded_by`)}) >= cast(${end} as timestamptz), false))))`;
}

/** The instant a day ends in Vietnam (UTC+7), as an ISO timestamp. */
export function endOfDay(date: string): string {
  const next = new Date(`${date}T00:00:00Z`);
  next.setUTCDate(next.getUTCDate() + 1);
  return `${next.toISOString().slice(0, 10)}T00:00:00+07:00`;
}

const CLOSURE_KEY = 'unit_closure_fingerprint';

/** Keeps unit_closure in step with unit and unit_lineage (rebuilt when they changed). */
export class UnitClosure {
  private fingerprint: string | null = null;
  private checkedAt = 0;
  private pending: Promise<void> | null = null;

  constructor(private readonly db: () => Kysely<DB>) {}

  /**
   * Rebuilds the closure if the registry changed since the last build. The
   * registry is compared at most once a second; the first request after that
   * second waits for it, requests arriving meanwhile do not queue behind it.
   * After invalidate() the next call waits.
   */
  async ensureFresh(): Promise<void> {
    if (this.fingerprint === null) return this.check();
    if (this.pending) return;
    if (Date.now() - this.checkedAt >= 1000) return this.check();
  }

  private check(): Promise<void> {
    if (this.pending) return this.pending;
    this.pending = (async () => {
      const current = await this.currentFingerprint();
      this.checkedAt = Date.now();
      // After a restart, the closure built by the previous process is reused if the registry did not change.
      if (this.fingerprint === null) {
        const row = await this.db().selectFrom('app_meta').select('value').where('key', '=', CLOSURE_KEY).executeTakeFirst();
        this.fingerprint = row?.value ?? null;
      }
      if (current !== this.fingerprint) {
        await this.rebuild(current);
      }
    })().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  /** Forgets the fingerprint so the next call compares again (after edits of units or lineage). */
  invalidate(): void {
    this.fingerprint = null;
    this.checkedAt = 0;
  }

  private async currentFingerprint(): Promise<string> {
    const result = await sql<{ f: string }>`
      select concat_ws(':',
        (select count(*) || '/' || coalesce(max(id), 0) || '/' || coalesce(sum(coalesce(parent_id, 0)), 0) || '/' || coalesce(sum(coalesce(valid_to - date '2000-01-01', 0) + coalesce(valid_from - date '2000-01-01', 0)), 0) from unit),
        (select count(*) || '/' || coalesce(sum(predecessor_id * 3 + successor_id), 0) from unit_lineage)) as f`.execute(this.db());
    return String(result.rows[0]?.f ?? '');
  }

  private async rebuild(fingerprint: string): Promise<void> {
    await this.db().transaction().execute(async (trx) => {
      await sql`delete from unit_closure`.execute(trx);
      await sql`
        insert into unit_closure (ancestor_id, descendant_id, depth, lineage_hops)
        with recursive edge(up_id, down_id, dp, dl) as (
          select parent_id, id, 1, 0 from unit where parent_id is not null
          union all
          select successor_id, predecessor_id, 0, 1 from unit_lineage
        ),
        walk(ancestor_id, descendant_id, depth, lineage_hops) as (
          select id, id, 0, 0 from unit
          union
          select w.ancestor_id, e.down_id, w.depth + e.dp, w.lineage_hops + e.dl
            from walk w join edge e on e.up_id = w.descendant_id
           where w.depth + w.lineage_hops < 24
        )
        select ancestor_id, descendant_id, min(depth), min(lineage_hops)
          from walk group by ancestor_id, descendant_id`.execute(trx);
      await trx.deleteFrom('app_meta').where('key', '=', CLOSURE_KEY).execute();
      await trx.insertInto('app_meta').values({ key: CLOSURE_KEY, value: fingerprint }).execute();
    });
    this.fingerprint = fingerprint;
  }
}
