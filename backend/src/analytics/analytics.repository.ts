import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely, type SqlBool } from 'kysely';
import { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { attributedUnit, countedFile, scopeGroups, unitScope, UnitClosure, type ScopeSpec, type Structure } from '../db/unit-scope.js';

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
 * All SQL of the dashboard: aggregation in DuckDB, every unit filter through
 * unitScope(). Records count when their file counts now (status 'loaded').
 */
@Injectable()
export class AnalyticsRepository {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(UnitClosure) private readonly closure: UnitClosure,
  ) {}

  private get db(): Kysely<DB> {
    return this.database.db;
  }

  /**
   * KPIs per (group, year): registrations by status, recognised registered
   * models (same model id, or same folded name and unit when unlinked) by the
   * level of their recognition, exemplars by type. One round trip.
   */
  async kpis(spec: ScopeSpec, years: number[]): Promise<KpiRow[]> {
    await this.closure.ensureFresh();
    if (years.length === 0) return [];
    const db = this.db;
    const rows = await db
      .with('s', () => unitScope(db, spec))
      .with('rk', (qb) => qb
        .selectFrom('recognition as rc')
        .innerJoin('source_file as sf', 'sf.id', 'rc.source_file_id')
        .where('rc.year', 'in', years)
        .where(countedFile('sf', null))
        .where('rc.review_state', '<>', 'rejected')
        .select([
          'rc.year',
          sql<number | null>`rc.model_id`.as('model_id'),
          sql<string | null>`case when rc.model_id is null then strip_accents(lower(trim(rc.model_name))) || '|' || cast(${attributedUnit('rc')} as varchar) end`.as('name_key'),
          sql<number>`max(case rc.level when 'province' then 3 when 'district' then 2 when 'commune' then 1 else 0 end)`.as('level_rank'),
        ])
        .groupBy(['rc.year', sql`2`, sql`3`]))
      .with('reg', (qb) => qb
        .selectFrom('registration as r')
        .innerJoin('source_file as sf', 'sf.id', 'r.source_file_id')
        .innerJoin('s', (join) => join.on(sql<SqlBool>`s.unit_id = ${attributedUnit('r')}`))
        .leftJoin('rk as k1', (join) => join.onRef('k1.year', '=', 'r.year').onRef('k1.model_id', '=', 'r.model_id'))
        .leftJoin('rk as k2', (join) => join.onRef('k2.year', '=', 'r.year').on(sql<SqlBool>`k2.name_key = strip_accents(lower(trim(r.model_name))) || '|' || cast(${attributedUnit('r')} as varchar)`))
        .where('r.year', 'in', years)
        .where(countedFile('sf', null))
        .where('r.review_state', '<>', 'rejected')
        .select([
          's.group_id',
          'r.year',
          sql<number>`coalesce(cast(r.model_id as bigint), -r.id)`.as('model_key'),
          'r.status',
          sql<number>`greatest(coalesce(k1.level_rank, -1), coalesce(k2.level_rank, -1))`.as('rank'),
        ]))
      .with('regagg', (qb) => qb
        .selectFrom('reg')
        .groupBy(['reg.group_id', 'reg.year'])
        .select([
          'reg.group_id', 'reg.year',
          sql<number>`count(distinct model_key) filter (where coalesce(status, '') <> 'dropped')`.as('registered'),
          sql<number>`count(distinct model_key) filter (where status = 'new')`.as('new'),
          sql<number>`count(distinct model_key) filter (where status = 'continued')`.as('continued'),
          sql<number>`count(distinct model_key) filter (where status = 'replicated')`.as('replicated'),
          sql<number>`count(distinct model_key) filter (where status = 'dropped')`.as('dropped'),
          sql<number>`count(distinct model_key) filter (where status is null)`.as('no_status'),
          sql<number>`count(distinct model_key) filter (where coalesce(status, '') <> 'dropped' and rank >= 0)`.as('recognised'),
          sql<number>`count(distinct model_key) filter (where coalesce(status, '') <> 'dropped' and rank = 1)`.as('recognised_commune'),
          sql<number>`count(distinct model_key) filter (where coalesce(status, '') <> 'dropped' and rank = 2)`.as('recognised_district'),
          sql<number>`count(distinct model_key) filter (where coalesce(status, '') <> 'dropped' and rank = 3)`.as('recognised_province'),
        ]))
      .with('exagg', (qb) => qb
        .selectFrom('exemplar as e')
        .innerJoin('source_file as sf', 'sf.id', 'e.source_file_id')
        .innerJoin('s', (join) => join.on(sql<SqlBool>`s.unit_id = ${attributedUnit('e')}`))
        .where('e.year', 'in', years)
        .where(countedFile('sf', null))
        .where('e.review_state', '<>', 'rejected')
        .groupBy(['s.group_id', 'e.year'])
        .select([
          's.group_id', 'e.year',
          sql<number>`count(*) filter (where e.exemplar_type = 'collective')`.as('exemplars_collective'),
          sql<number>`count(*) filter (where e.exemplar_type = 'individual')`.as('exemplars_individual'),
          sql<number>`count(*)`.as('exemplars'),
        ]))
      .selectFrom('regagg')
      .fullJoin('exagg', (join) => join.onRef('exagg.group_id', '=', 'regagg.group_id').onRef('exagg.year', '=', 'regagg.year'))
      .select([
        sql<number>`coalesce(regagg.group_id, exagg.group_id)`.as('group_id'),
        sql<number>`coalesce(regagg.year, exagg.year)`.as('year'),
        'regagg.registered', 'regagg.new', 'regagg.continued', 'regagg.replicated', 'regagg.dropped', 'regagg.no_status',
        'regagg.recognised', 'regagg.recognised_commune', 'regagg.recognised_district', 'regagg.recognised_province',
        'exagg.exemplars_collective', 'exagg.exemplars_individual', 'exagg.exemplars',
      ])
      .orderBy('group_id')
      .orderBy('year')
      .execute();
    return rows.map((r) => ({
      group_id: Number(r.group_id), year: Number(r.year),
      registered: num(r.registered), new: num(r.new), continued: num(r.continued), replicated: num(r.replicated),
      dropped: num(r.dropped), no_status: num(r.no_status), recognised: num(r.recognised),
      recognised_commune: num(r.recognised_commune), recognised_district: num(r.recognised_district), recognised_province: num(r.recognised_province),
      exemplars_collective: num(r.exemplars_collective), exemplars_individual: num(r.exemplars_individual), exemplars: num(r.exemplars),
    }));
  }

  /** Distinct registered models of the year by field, by status, and by owner type (dropped ones only under status). */
  async distribution(spec: ScopeSpec, year: number): Promise<DistributionRow[]> {
    await this.closure.ensureFresh();
    const db = this.db;
    const rows = await db
      .with('s', () => unitScope(db, spec))
      .with('reg', (qb) => qb
        .selectFrom('registration as r')
        .innerJoin('source_file as sf', 'sf.id', 'r.source_file_id')
        .innerJoin('s', (join) => join.on(sql<SqlBool>`s.unit_id = ${attributedUnit('r')}`))
        .where('r.year', '=', year)
        .where(countedFile('sf', null))
        .where('r.review_state', '<>', 'rejected')
        .select([sql<number>`coalesce(cast(r.model_id as bigint), -r.id)`.as('model_key'), 'r.status', 'r.field', 'r.owner_type']))
      .selectFrom('reg')
      .select([
        sql<string>`case grouping(field, status, owner_type) when 3 then 'field' when 5 then 'status' else 'owner_type' end`.as('dimension'),
        sql<string | null>`coalesce(field, status, owner_type)`.as('key'),
        sql<number>`case when grouping(field, status, owner_type) = 5 then count(distinct model_key) else count(distinct model_key) filter (where coalesce(status, '') <> 'dropped') end`.as('models'),
      ])
      .groupBy(sql`grouping sets ((field), (status), (owner_type))`)
      .orderBy('dimension')
      .orderBy('models', 'desc')
      .orderBy('key')
      .execute();
    return rows.map((r) => ({ dimension: r.dimension as DistributionRow['dimension'], key: r.key, models: num(r.models) }))
      .filter((r) => r.models > 0);
  }

  /** The top of the registry (a unit without parent), for requests that name no unit. */
  async rootUnit(): Promise<number | undefined> {
    const row = await this.db.selectFrom('unit').select('id').where('parent_id', 'is', null).where('valid_to', 'is', null).orderBy('id').executeTakeFirst();
    return row?.id;
  }

  /** Years with any counted record in the unit's scope (for the year selector). */
  async years(unitId: number): Promise<number[]> {
    await this.closure.ensureFresh();
    const db = this.db;
    const rows = await db
      .with('s', () => unitScope(db, { kind: 'roots', roots: [unitId] }))
      .selectFrom('registration as r')
      .innerJoin('source_file as sf', 'sf.id', 'r.source_file_id')
      .innerJoin('s', (join) => join.on(sql<SqlBool>`s.unit_id = ${attributedUnit('r')}`))
      .where(countedFile('sf', null))
      .where('r.year', 'is not', null)
      .select('r.year')
      .distinct()
      .orderBy('r.year')
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
  predecessors(unitId: number) {
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
