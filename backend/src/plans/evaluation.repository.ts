import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely';
import { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { attributedUnit, countedFile, endOfDay, unitScope, UnitClosure, type ScopeSpec } from '../db/unit-scope.js';
import type { ModelFilter, OwnerType, RecognitionLevel } from './plan.types.js';

export interface FactQuery {
  spec: ScopeSpec;
  year: number;
  /** Only files uploaded by the end of this day count; null: the store as it is now. */
  asOf: string | null;
}

export interface ModelCountRow {
  group_id: number;
  /** Distinct models passing the filter. */
  models: number;
  /** Every counted registration row of the year (any status): 0 means no data. */
  rows: number;
}

/** The quota engine's facts: counts per scope group, aggregated in DuckDB. */
@Injectable()
export class EvaluationRepository {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(UnitClosure) private readonly closure: UnitClosure,
  ) {}

  private get db(): Kysely<DB> {
    return this.database.db;
  }

  /** Distinct registered models per group, filtered; plus all rows (to tell zero from no data). */
  async modelCounts(q: FactQuery, filter: ModelFilter): Promise<ModelCountRow[]> {
    await this.closure.ensureFresh();
    const cond = modelCondition(filter, q.asOf, q.year);
    const rows = await this.db
      .with('s', () => unitScope(this.db, q.spec))
      .selectFrom('registration as r')
      .innerJoin('source_file as sf', 'sf.id', 'r.source_file_id')
      .innerJoin('s', (join) => join.on(sql<SqlBool>`s.unit_id = ${attributedUnit('r')}`))
      .where('r.year', '=', q.year)
      .where(countedFile('sf', q.asOf))
      .where('r.review_state', '!=', 'rejected')
      .groupBy('s.group_id')
      .select([
        's.group_id',
        sql<number>`count(distinct coalesce(cast(r.model_id as bigint), -r.id)) filter (where ${cond})`.as('models'),
        sql<number>`count(*)`.as('rows'),
      ])
      .execute();
    return rows.map((r) => ({ group_id: r.group_id, models: Number(r.models), rows: Number(r.rows) }));
  }

  /** Registered models of the year and those recognised (at the levels), per group. */
  async recognitionRates(q: FactQuery, levels: RecognitionLevel[] | undefined) {
    await this.closure.ensureFresh();
    const recognised = recognisedCondition(levels, q.asOf, q.year);
    const rows = await this.db
      .with('s', () => unitScope(this.db, q.spec))
      .selectFrom('registration as r')
      .innerJoin('source_file as sf', 'sf.id', 'r.source_file_id')
      .innerJoin('s', (join) => join.on(sql<SqlBool>`s.unit_id = ${attributedUnit('r')}`))
      .where('r.year', '=', q.year)
      .where(countedFile('sf', q.asOf))
      .where('r.review_state', '!=', 'rejected')
      .where(sql<SqlBool>`coalesce(r.status, '') <> 'dropped'`)
      .groupBy('s.group_id')
      .select([
        's.group_id',
        sql<number>`count(distinct coalesce(cast(r.model_id as bigint), -r.id))`.as('registered'),
        sql<number>`count(distinct coalesce(cast(r.model_id as bigint), -r.id)) filter (where ${recognised})`.as('recognised'),
      ])
      .execute();
    return rows.map((r) => ({ group_id: r.group_id, registered: Number(r.registered), recognised: Number(r.recognised) }));
  }

  /** Exemplars of the year per group (of the given types), and all exemplar rows. */
  async exemplarCounts(q: FactQuery, types: OwnerType[] | undefined) {
    await this.closure.ensureFresh();
    const typeCond = types && types.length > 0 ? sql<SqlBool>`e.exemplar_type in (${sql.join(types)})` : sql<SqlBool>`true`;
    const rows = await this.db
      .with('s', () => unitScope(this.db, q.spec))
      .selectFrom('exemplar as e')
      .innerJoin('source_file as sf', 'sf.id', 'e.source_file_id')
      .innerJoin('s', (join) => join.on(sql<SqlBool>`s.unit_id = ${attributedUnit('e')}`))
      .where('e.year', '=', q.year)
      .where(countedFile('sf', q.asOf))
      .where('e.review_state', '!=', 'rejected')
      .groupBy('s.group_id')
      .select(['s.group_id', sql<number>`count(*) filter (where ${typeCond})`.as('exemplars'), sql<number>`count(*)`.as('rows')])
      .execute();
    return rows.map((r) => ({ group_id: r.group_id, exemplars: Number(r.exemplars), rows: Number(r.rows) }));
  }

  /** New models of the year per group, with their launch date as written (null: none). */
  async newModels(q: FactQuery) {
    await this.closure.ensureFresh();
    return this.db
      .with('s', () => unitScope(this.db, q.spec))
      .selectFrom('registration as r')
      .innerJoin('source_file as sf', 'sf.id', 'r.source_file_id')
      .innerJoin('s', (join) => join.on(sql<SqlBool>`s.unit_id = ${attributedUnit('r')}`))
      .where('r.year', '=', q.year)
      .where(countedFile('sf', q.asOf))
      .where('r.review_state', '!=', 'rejected')
      .where('r.status', '=', 'new')
      .groupBy(['s.group_id', sql`coalesce(cast(r.model_id as bigint), -r.id)`])
      .select([
        's.group_id',
        sql<string>`min(coalesce(r.model_name, '(không tên)'))`.as('model_name'),
        sql<string | null>`max(r.launch_date)`.as('launch_date'),
      ])
      .orderBy('s.group_id')
      .orderBy('model_name')
      .execute();
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
}

const listOf = (values: readonly string[]) => sql.join(values.map((v) => sql`${v}`));

/** The filter a registration must pass to count as a model for a rule. */
export function modelCondition(filter: ModelFilter, asOf: string | null, year: number): RawBuilder<SqlBool> {
  const parts: RawBuilder<SqlBool>[] = [];
  if (filter.statuses && filter.statuses.length > 0) parts.push(sql<SqlBool>`r.status in (${listOf(filter.statuses)})`);
  else parts.push(sql<SqlBool>`coalesce(r.status, '') <> 'dropped'`);
  if (filter.fields && filter.fields.length > 0) parts.push(sql<SqlBool>`r.field in (${listOf(filter.fields)})`);
  if (filter.ownerTypes && filter.ownerTypes.length > 0) parts.push(sql<SqlBool>`r.owner_type in (${listOf(filter.ownerTypes)})`);
  if (filter.recognizedLevels && filter.recognizedLevels.length > 0) parts.push(recognisedCondition(filter.recognizedLevels, asOf, year));
  return sql<SqlBool>`(${sql.join(parts, sql` and `)})`;
}

/**
 * A registration `r` is recognised when a counted recognition of the same
 * year, at one of the levels, names the same model: the same model id, or
 * (for rows the registry has not linked) the same folded name for the same unit.
 */
export function recognisedCondition(levels: readonly string[] | undefined, asOf: string | null, year: number): RawBuilder<SqlBool> {
  const levelCond = levels && levels.length > 0 ? sql<SqlBool>`rc.level in (${listOf(levels)})` : sql<SqlBool>`true`;
  const counted = countedFile('sf2', asOf);
  return sql<SqlBool>`(
    (r.model_id is not null and r.model_id in (
      select rc.model_id from recognition rc join source_file sf2 on sf2.id = rc.source_file_id
       where rc.year = ${year} and rc.model_id is not null and rc.review_state <> 'rejected' and ${levelCond} and ${counted}))
    or (strip_accents(lower(trim(r.model_name))) || '|' || cast(${attributedUnit('r')} as varchar)) in (
      select strip_accents(lower(trim(rc.model_name))) || '|' || cast(${attributedUnit('rc')} as varchar)
        from recognition rc join source_file sf2 on sf2.id = rc.source_file_id
       where rc.year = ${year} and rc.model_id is null and rc.review_state <> 'rejected' and ${levelCond} and ${counted}))`;
}
