import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { AnalyticsFacts, type FactsDB } from '../db/analytics-facts.js';
import { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { aggregateScope, countedFile, endOfDay, unitScope, UnitClosure, type ScopeSpec } from '../db/unit-scope.js';
import type { ModelFilter, OwnerType, RecognitionLevel } from './plan.types.js';

export interface FactQuery {
  spec: ScopeSpec;
  year: number;
  /** Only files uploaded by the end of this day count; null: the store as it is now. */
  asOf: string | null;
}

export interface ModelCountRow {
  group_id: number;
  /** Models passing the filter. */
  models: number;
  /** Models of the year in scope, any status: 0 means no data. */
  rows: number;
}

const LEVEL_RANK: Record<string, number> = { commune: 1, district: 2, province: 3 };
const STATUS_COLUMN = { new: 'new', continued: 'continued', replicated: 'replicated', dropped: 'dropped' } as const;
const num = (v: unknown) => Number(v ?? 0);
const listOf = (values: readonly (string | number)[]) => sql.join(values.map((v) => sql`${v}`));

/**
 * The quota engine's facts: counts per scope group, aggregated in DuckDB.
 *
 * One rule for "a model" everywhere: a model counts once a year, under the
 * unit of its latest counted registration, with that row's status, field and
 * owner type, recognised at the highest level any counted recognition of the
 * year gives it. Now (asOf null) the counts come from the derived tables of
 * db/analytics-facts.ts; as of a date, the same rule is applied to the files
 * uploaded by then.
 */
@Injectable()
export class EvaluationRepository {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(UnitClosure) private readonly closure: UnitClosure,
    @Inject(AnalyticsFacts) private readonly facts: AnalyticsFacts,
  ) {}

  /** Read-only queries: the pool of readers. */
  private get db(): Kysely<DB> {
    return this.database.read;
  }

  async modelCounts(q: FactQuery, filter: ModelFilter): Promise<ModelCountRow[]> {
    const own = q.spec.kind === 'roots' && q.spec.own === true;
    const simple = !filter.fields?.length && !filter.ownerTypes?.length && !filter.recognizedLevels?.length;
    if (q.asOf === null && simple && !own) {
      await this.facts.ensureFresh();
      const models = filter.statuses?.length
        ? sql<number>`${sql.join(filter.statuses.map((st) => sql.ref(`a.${STATUS_COLUMN[st]}`)), sql` + `)}`
        : sql<number>`a.registered`;
      const rows = await this.facts.facts
        .with('s', () => aggregateScope(this.db, q.spec))
        .selectFrom('agg_unit_year as a')
        .innerJoin('s', (join) => join.onRef('s.ancestor_id', '=', 'a.ancestor_id').onRef('s.mode', '=', 'a.mode'))
        .where('a.year', '=', q.year)
        .select(['s.group_id', models.as('models'), sql<number>`a.registered + a.dropped`.as('rows')])
        .execute();
      return rows.map((r) => ({ group_id: Number(r.group_id), models: num(r.models), rows: num(r.rows) }));
    }
    const cond = modelCondition(filter);
    const rows = await this.models(q)
      .groupBy('s.group_id')
      .select(['s.group_id', sql<number>`count(*) filter (where ${cond})`.as('models'), sql<number>`count(*)`.as('rows')])
      .execute();
    return rows.map((r) => ({ group_id: Number(r.group_id), models: num(r.models), rows: num(r.rows) }));
  }

  /** Registered models of the year (not dropped) and those recognised at one of the levels (any level when none given), per group. */
  async recognitionRates(q: FactQuery, levels: RecognitionLevel[] | undefined) {
    if (q.asOf === null && !levels?.length) {
      await this.facts.ensureFresh();
      const rows = await this.facts.facts
        .with('s', () => aggregateScope(this.db, q.spec))
        .selectFrom('agg_unit_year as a')
        .innerJoin('s', (join) => join.onRef('s.ancestor_id', '=', 'a.ancestor_id').onRef('s.mode', '=', 'a.mode'))
        .where('a.year', '=', q.year)
        .select(['s.group_id', 'a.registered', 'a.recognised'])
        .execute();
      return rows.map((r) => ({ group_id: Number(r.group_id), registered: num(r.registered), recognised: num(r.recognised) }));
    }
    const recognised = levels?.length ? sql<SqlBool>`m.rank in (${listOf(levels.map((l) => LEVEL_RANK[l] ?? 0))})` : sql<SqlBool>`m.rank >= 0`;
    const rows = await this.models(q)
      .where(sql<SqlBool>`coalesce(m.status, '') <> 'dropped'`)
      .groupBy('s.group_id')
      .select(['s.group_id', sql<number>`count(*)`.as('registered'), sql<number>`count(*) filter (where ${recognised})`.as('recognised')])
      .execute();
    return rows.map((r) => ({ group_id: Number(r.group_id), registered: num(r.registered), recognised: num(r.recognised) }));
  }

  /** Exemplars of the year per group (of the given types), and all exemplars. */
  async exemplarCounts(q: FactQuery, types: OwnerType[] | undefined) {
    const typeCond = types && types.length > 0 ? sql<SqlBool>`e.exemplar_type in (${listOf(types)})` : sql<SqlBool>`true`;
    if (q.asOf === null) {
      await this.facts.ensureFresh();
      const rows = await this.facts.facts
        .with('s', () => unitScope(this.db, q.spec))
        .selectFrom('fact_exemplar as e')
        .innerJoin('s', 's.unit_id', 'e.unit_id')
        .where('e.year', '=', q.year)
        .groupBy('s.group_id')
        .select(['s.group_id', sql<number>`coalesce(sum(e.n) filter (where ${typeCond}), 0)`.as('exemplars'), sql<number>`sum(e.n)`.as('rows')])
        .execute();
      return rows.map((r) => ({ group_id: Number(r.group_id), exemplars: num(r.exemplars), rows: num(r.rows) }));
    }
    await this.closure.ensureFresh();
    const rows = await this.db
      .with('s', () => unitScope(this.db, q.spec))
      .selectFrom('exemplar as e')
      .innerJoin('source_file as sf', 'sf.id', 'e.source_file_id')
      .innerJoin('s', (join) => join.on(sql<SqlBool>`s.unit_id = coalesce(e.owner_unit_id, e.unit_id)`))
      .where('e.year', '=', q.year)
      .where(countedFile('sf', q.asOf))
      .where('e.review_state', '<>', 'rejected')
      .groupBy('s.group_id')
      .select(['s.group_id', sql<number>`count(*) filter (where ${typeCond})`.as('exemplars'), sql<number>`count(*)`.as('rows')])
      .execute();
    return rows.map((r) => ({ group_id: Number(r.group_id), exemplars: num(r.exemplars), rows: num(r.rows) }));
  }

  /** New models of the year per group, with their launch date as written (null: none). */
  async newModels(q: FactQuery) {
    const rows = await this.models(q)
      .where('m.status', '=', 'new')
      .select(['s.group_id', sql<string>`coalesce(m.model_name, '(không tên)')`.as('model_name'), 'm.launch_date'])
      .orderBy('s.group_id')
      .orderBy('model_name')
      .execute();
    return rows.map((r) => ({ group_id: Number(r.group_id), model_name: r.model_name, launch_date: r.launch_date }));
  }

  /**
   * The models of the year in scope, one row each (alias m, with the scope
   * group s): from fact_model now, or built the same way from the files
   * uploaded by the end of `asOf`.
   */
  private models(q: FactQuery) {
    const db = this.facts.facts;
    const modelsNow = () => db.selectFrom('fact_model').selectAll();
    const source = q.asOf === null ? modelsNow : () => modelsAsOf(db, q.year, q.asOf!);
    return db
      .with('s', () => unitScope(this.db, q.spec))
      .with('m', source)
      .selectFrom('m')
      .innerJoin('s', 's.unit_id', 'm.unit_id')
      .where('m.year', '=', q.year);
  }

  /**
   * Files answering a deadline per expected unit: the first upload and how
   * many, by the end of `asOf`. A file counts when it was sent and kept
   * (loaded, superseded by a later version, or awaiting review); failed and
   * deleted files do not.
   */
  async submissions(spec: ScopeSpec, year: number, document: string, period: string | null, asOf: string) {
    await this.closure.ensureFresh();
    const end = endOfDay(asOf);
    return this.db
      .with('s', () => unitScope(this.db, spec))
      .selectFrom('source_file as sf')
      .innerJoin('s', 's.unit_id', 'sf.unit_id')
      .where('sf.kind', '=', document)
      .where('sf.year', '=', year)
      .where('sf.status', 'in', ['loaded', 'superseded', 'needs_review'])
      .where(sql<SqlBool>`sf.uploaded_at < cast(${end} as timestamptz)`)
      .$if(period !== null, (qb) => qb.where((eb) => eb.exists(
        eb.selectFrom('report_figure as rf').select(sql`1`.as('one')).whereRef('rf.source_file_id', '=', 'sf.id').where('rf.period', '=', period!),
      )))
      .groupBy('s.group_id')
      .select([
        's.group_id',
        sql<string>`strftime(min(sf.uploaded_at) at time zone 'UTC', '%Y-%m-%dT%H:%M:%SZ')`.as('first_upload'),
        sql<number>`count(*)`.as('files'),
      ])
      .execute();
  }

  /** Makes sure the derived tables and the closure are current (before a batch of evaluations). */
  async ensureFresh(): Promise<void> {
    await this.facts.ensureFresh();
  }
}

/** The filter a model (alias m) must pass to count for a rule. */
export function modelCondition(filter: ModelFilter): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (filter.statuses && filter.statuses.length > 0) parts.push(sql<SqlBool>`m.status in (${listOf(filter.statuses)})`);
  else parts.push(sql<SqlBool>`coalesce(m.status, '') <> 'dropped'`);
  if (filter.fields && filter.fields.length > 0) parts.push(sql<SqlBool>`m.field in (${listOf(filter.fields)})`);
  if (filter.ownerTypes && filter.ownerTypes.length > 0) parts.push(sql<SqlBool>`m.owner_type in (${listOf(filter.ownerTypes)})`);
  if (filter.recognizedLevels && filter.recognizedLevels.length > 0) {
    parts.push(sql<SqlBool>`m.rank in (${listOf(filter.recognizedLevels.map((l) => LEVEL_RANK[l] ?? 0))})`);
  }
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/**
 * fact_model's rule applied to the files uploaded by the end of `asOf`
 * (see db/analytics-facts.ts): one row per model of the year, under the unit
 * of its latest registration, with the highest level that recognised it.
 */
function modelsAsOf(db: Kysely<FactsDB>, year: number, asOf: string) {
  return db
    .selectFrom(sql<{
      year: number; model_key: number; model_id: number | null; unit_id: number; status: string | null; field: string | null;
      owner_type: string | null; launch_date: string | null; model_name: string | null; rank: number;
    }>`(
      with rk as (
        select rc.model_id,
               case when rc.model_id is null then strip_accents(lower(trim(rc.model_name))) || '|' || cast(coalesce(rc.owner_unit_id, rc.unit_id) as varchar) end as name_key,
               max(case rc.level when 'province' then 3 when 'district' then 2 when 'commune' then 1 else 0 end) as rank
          from recognition rc join source_file sf on sf.id = rc.source_file_id
         where rc.year = ${year} and rc.review_state <> 'rejected' and ${countedFile('sf', asOf)}
         group by all),
      reg as (
        select r.year, coalesce(cast(r.model_id as bigint), -r.id) as model_key, r.model_id, r.model_name,
               coalesce(r.owner_unit_id, r.unit_id) as unit_id, r.status, r.field, r.owner_type, r.launch_date
          from registration r join source_file sf on sf.id = r.source_file_id
         where r.year = ${year} and r.review_state <> 'rejected' and coalesce(r.owner_unit_id, r.unit_id) is not null and ${countedFile('sf', asOf)}
        qualify row_number() over (partition by coalesce(cast(r.model_id as bigint), -r.id) order by sf.uploaded_at desc, r.id desc) = 1)
      select reg.*, greatest(coalesce(k1.rank, -1), coalesce(k2.rank, -1)) as rank
        from reg
        left join rk k1 on k1.model_id = reg.model_id
        left join rk k2 on k2.name_key is not null and k2.name_key = strip_accents(lower(trim(reg.model_name))) || '|' || cast(reg.unit_id as varchar)
    )`.as('x'))
    .selectAll();
}
