import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely, type SqlBool } from 'kysely';
import { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { AnalyticsFacts } from '../db/analytics-facts.js';
import { aggregateScope, scopeGroups, unitScope, type ScopeSpec, type Structure } from '../db/unit-scope.js';

/** One group (the unit, or one of its child units) in one year. */
export interface KpiRow {
  group_id: number;
  year: number;
  registered: number;
  new: number;
  continued: number;
  replicated: number;
  dropped: number;
  no_status: number;
  /** Registered models of the year recognised in the same year (any level). */
  recognised: number;
  recognised_commune: number;
  recognised_district: number;
  recognised_province: number;
  exemplars_collective: number;
  exemplars_individual: number;
  exemplars: number;
}

export interface DistributionRow {
  dimension: 'field' | 'status' | 'owner_type';
  key: string | null;
  models: number;
}

const num = (v: unknown) => Number(v ?? 0);

/**
 * All SQL of the dashboard, read from the derived tables of
 * db/analytics-facts.ts (the store as it is now: files 'loaded'); every unit
 * filter through the scope helpers of db/unit-scope.ts.
 */
@Injectable()
export class AnalyticsRepository {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(AnalyticsFacts) private readonly facts: AnalyticsFacts,
  ) {}

  /** Read-only queries: the pool of readers, never queued behind an upload's transaction. */
  private get db(): Kysely<DB> {
    return this.database.read;
  }

  /**
   * KPIs per (group, year) from the pre-aggregated agg_unit_year (see
   * db/analytics-facts.ts): registrations by status, recognised registered
   * models by the highest level that recognised them, exemplars by type.
   */
  async kpis(spec: ScopeSpec, years: number[]): Promise<KpiRow[]> {
    await this.facts.ensureFresh();
    if (years.length === 0) return [];
    const db = this.facts.facts;
    const rows = await db
      .with('s', () => aggregateScope(this.db, spec))
      .selectFrom('agg_unit_year as a')
      .innerJoin('s', (join) => join.onRef('s.ancestor_id', '=', 'a.ancestor_id').onRef('s.mode', '=', 'a.mode'))
      .where('a.year', 'in', years)
      .select([
        's.group_id', 'a.year', 'a.registered', 'a.new', 'a.continued', 'a.replicated', 'a.dropped', 'a.no_status', 'a.recognised',
        'a.recognised_commune', 'a.recognised_district', 'a.recognised_province', 'a.exemplars_collective', 'a.exemplars_individual', 'a.exemplars',
      ])
      .orderBy('s.group_id')
      .orderBy('a.year')
      .execute();
    return rows.map((r) => ({
      group_id: Number(r.group_id), year: Number(r.year),
      registered: num(r.registered), new: num(r.new), continued: num(r.continued), replicated: num(r.replicated),
      dropped: num(r.dropped), no_status: num(r.no_status), recognised: num(r.recognised),
      recognised_commune: num(r.recognised_commune), recognised_district: num(r.recognised_district), recognised_province: num(r.recognised_province),
      exemplars_collective: num(r.exemplars_collective), exemplars_individual: num(r.exemplars_individual), exemplars: num(r.exemplars),
    }));
  }

  /**
   * Models of the year by field, by status and by owner type (dropped ones
   * only under status): pre-aggregated for provinces, districts and communes,
   * counted from fact_model for any other unit.
   */
  async distribution(unitId: number, year: number): Promise<DistributionRow[]> {
    await this.facts.ensureFresh();
    const db = this.facts.facts;
    let rows = await db
      .with('s', () => aggregateScope(this.db, { kind: 'roots', roots: [unitId] }))
      .selectFrom('agg_dist as d')
      .innerJoin('s', 's.ancestor_id', 'd.ancestor_id')
      .where('d.year', '=', year)
      .select(['d.dimension', 'd.key', 'd.models'])
      .orderBy('d.dimension')
      .orderBy('d.models', 'desc')
      .orderBy('d.key')
      .execute();
    const unit = await this.findUnit(unitId);
    if (rows.length === 0 && unit && !['province', 'district', 'commune'].includes(unit.kind)) {
      rows = await db
        .with('s', () => unitScope(this.db, { kind: 'roots', roots: [unitId] }))
        .selectFrom('fact_model as f')
        .innerJoin('s', 's.unit_id', 'f.unit_id')
        .where('f.year', '=', year)
        .select([
          sql<'field' | 'status' | 'owner_type'>`case grouping(f.field, f.status, f.owner_type) when 3 then 'field' when 5 then 'status' else 'owner_type' end`.as('dimension'),
          sql<string | null>`coalesce(f.field, f.status, f.owner_type)`.as('key'),
          sql<number>`case when grouping(f.field, f.status, f.owner_type) = 5 then count(*) else count(*) filter (where coalesce(f.status, '') <> 'dropped') end`.as('models'),
        ])
        .groupBy(sql`grouping sets ((f.field), (f.status), (f.owner_type))`)
        .orderBy('dimension')
        .orderBy('models', 'desc')
        .orderBy('key')
        .execute();
    }
    return rows.map((r) => ({ dimension: r.dimension, key: r.key, models: num(r.models) })).filter((r) => r.models > 0);
  }

  /** Brings the derived tables up to date and names their version (a cache key for answers derived from them). */
  async dataVersion(): Promise<number> {
    await this.facts.ensureFresh();
    return this.facts.version;
  }

  /** Whether the data under the unit is the same now as at an earlier data version (see AnalyticsFacts.unchangedSince). */
  unchangedSince(version: number, unitId: number | null): boolean {
    return this.facts.unchangedSince(version, unitId);
  }

  /** The top of the registry (a unit without parent), for requests that name no unit. */
  async rootUnit(): Promise<number | undefined> {
    const row = await this.db.selectFrom('unit').select('id').where('parent_id', 'is', null).where('valid_to', 'is', null).orderBy('id').executeTakeFirst();
    return row?.id;
  }

  /** Years with any counted record in the unit's scope (for the year selector). */
  async years(unitId: number): Promise<number[]> {
    await this.facts.ensureFresh();
    const rows = await this.facts.facts
      .with('s', () => aggregateScope(this.db, { kind: 'roots', roots: [unitId] }))
      .selectFrom('agg_unit_year as a')
      .innerJoin('s', (join) => join.onRef('s.ancestor_id', '=', 'a.ancestor_id').onRef('s.mode', '=', 'a.mode'))
      .where(sql<SqlBool>`a.registered + a.dropped + a.exemplars > 0`)
      .select('a.year')
      .orderBy('a.year')
      .execute();
    return rows.map((r) => Number(r.year));
  }

  /** The child units that form the groups, with whether they have children of their own. */
  async groups(root: number, year: number, structure: Structure, referenceDate?: string) {
    const db = this.db;
    return db
      .with('g', () => scopeGroups(db, [root], year, structure, referenceDate))
      .selectFrom('g')
      .select((eb) => [
        'g.id', 'g.name', 'g.kind', 'g.level',
        eb.exists(eb.selectFrom('unit as c').select('c.id').whereRef('c.parent_id', '=', 'g.id')).as('has_children'),
      ])
      .orderBy('g.name')
      .orderBy('g.id')
      .execute();
  }

  findUnit(id: number) {
    return this.db
      .selectFrom('unit')
      .select(['id', 'name', 'kind', 'level', 'parent_id', 'valid_from', 'valid_to'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Pre-merger units whose records roll up into the unit's subtree (for the structure note). */
  async predecessors(unitId: number) {
    await this.facts.ensureFresh();
    return this.db
      .selectFrom('unit_closure as uc')
      .innerJoin('unit as u', 'u.id', 'uc.descendant_id')
      .where('uc.ancestor_id', '=', unitId)
      .where('uc.lineage_hops', '>', 0)
      .where('u.kind', 'in', ['province', 'district', 'commune'])
      .select(['u.id', 'u.name'])
      .orderBy('u.name')
      .execute();
  }
}
