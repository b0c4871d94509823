import { sql, type Kysely, type Transaction } from 'kysely';
import type { DB } from './schema.js';
import type { UnitClosure } from './unit-scope.js';

/**
 * Derived tables the dashboard reads, kept in step with the stored records
 * (a cheap fingerprint, checked at most once a second, or at once after
 * invalidate()): refreshed from the files that changed, or rebuilt when units,
 * lineage or corrections changed. They hold the store as it is now: files
 * 'loaded' only.
 *
 * - fact_model: one row per (year, model): a model counts once a year, under
 *   the unit of its latest counted registration (owner, else the issuing
 *   unit), with that row's status, field, owner type and launch date, and the
 *   highest level that recognised it in the year (-1: not recognised; 0: level
 *   unknown). Rows the registry has not linked to a model are their own model.
 * - fact_exemplar: exemplars per (year, unit, type).
 * - agg_unit_year: per (ancestor, year) sums over its subtree, two ways:
 *   mode 'full' (lineage included: pre-merger units roll up into successors)
 *   and mode 'parent' (parent links only: the year's own structure).
 * - agg_dist: per (ancestor of an administrative kind, year) the models by
 *   field, status and owner type (mode 'full').
 *
 * Because a model has one row a year, sums over units are exact distinct
 * counts, and a parent's total is the sum of its children's.
 */
export interface FactModelTable {
  year: number;
  model_key: number;
  model_id: number | null;
  unit_id: number;
  status: string | null;
  field: string | null;
  owner_type: string | null;
  launch_date: string | null;
  model_name: string | null;
  rank: number;
}

export interface FactExemplarTable {
  year: number;
  unit_id: number;
  exemplar_type: string | null;
  n: number;
}

export interface AggUnitYearTable {
  mode: 'full' | 'parent';
  ancestor_id: number;
  year: number;
  registered: number;
  new: number;
  continued: number;
  replicated: number;
  dropped: number;
  no_status: number;
  recognised: number;
  recognised_commune: number;
  recognised_district: number;
  recognised_province: number;
  new_unlaunched: number;
  exemplars_collective: number;
  exemplars_individual: number;
  exemplars: number;
}

export interface AggDistTable {
  ancestor_id: number;
  year: number;
  dimension: 'field' | 'status' | 'owner_type';
  key: string | null;
  models: number;
}

export type FactsDB = DB & {
  fact_model: FactModelTable;
  fact_exemplar: FactExemplarTable;
  agg_unit_year: AggUnitYearTable;
  agg_dist: AggDistTable;
};

const CHECK_EVERY_MS = 1000;
const FINGERPRINT_KEY = 'analytics_facts_fingerprint';

export class AnalyticsFacts {
  private fingerprint: string | null = null;
  private checkedAt = 0;
  private pending: Promise<void> | null = null;
  private builtVersion = 0;
  /** Per refresh (newest last): the units whose subtree data it changed, or null when it rebuilt everything. */
  private readonly changeLog: { version: number; units: ReadonlySet<number> | null }[] = [];

  /**
   * @param db the writer, which rebuilds the tables
   * @param reader where the tables are read (Database.read: the pool of readers)
   */
  constructor(private readonly db: () => Kysely<DB>, private readonly closure: UnitClosure, private readonly reader: () => Kysely<DB> = db) {}

  /** The Kysely instance typed with the derived tables, for reading them. */
  get facts(): Kysely<FactsDB> {
    return this.reader().withTables<Omit<FactsDB, keyof DB>>();
  }

  /** Increases every time the derived tables are rebuilt: a cache key for anything derived from them. */
  get version(): number {
    return this.builtVersion;
  }

  /**
   * Whether the data of a unit's subtree (lineage included) is the same now
   * as at `version`: no refresh since touched a unit under it. An answer
   * about one commune stays valid while other communes upload. null (no
   * unit named) is unchanged only when nothing was refreshed since.
   */
  unchangedSince(version: number, unitId: number | null): boolean {
    if (version === this.builtVersion) return true;
    if (version > this.builtVersion || unitId === null) return false;
    const newer = this.changeLog.filter((entry) => entry.version > version);
    // The log no longer reaches back that far: assume changed.
    if (newer.length !== this.builtVersion - version) return false;
    return newer.every((entry) => entry.units !== null && !entry.units.has(unitId));
  }

  /** How the last refresh went: every table rebuilt, or only what the changed files touch. */
  get lastRefresh(): 'all' | 'changes' | null {
    const last = this.changeLog.at(-1);
    return last === undefined ? null : last.units === null ? 'all' : 'changes';
  }

  /** Marks the derived tables stale: call after loading, superseding, deleting or correcting records, or editing units. */
  invalidate(): void {
    this.checkedAt = 0;
    this.fingerprint = null;
    this.closure.invalidate();
  }

  /**
   * Rebuilds the derived tables if the records or the registry changed. The
   * records are compared at most once a second: the first request after that
   * second waits for the comparison (and a rebuild, if anything changed);
   * requests arriving meanwhile are answered from the tables as they are,
   * rather than queueing behind it. After invalidate() the next call waits.
   */
  async ensureFresh(): Promise<void> {
    if (this.fingerprint === null) return this.check();
    if (this.pending) return;
    if (Date.now() - this.checkedAt >= CHECK_EVERY_MS) return this.check();
  }

  private check(): Promise<void> {
    if (this.pending) return this.pending;
    this.pending = (async () => {
      const current = await this.currentFingerprint();
      this.checkedAt = Date.now();
      // After a restart, the tables built by the previous process are reused if nothing changed since.
      if (this.fingerprint === null) this.fingerprint = await this.storedFingerprint();
      if (current !== this.fingerprint) {
        await this.closure.ensureFresh();
        const units = await this.rebuild(current);
        this.fingerprint = current;
        this.builtVersion++;
        this.changeLog.push({ version: this.builtVersion, units });
        if (this.changeLog.length > CHANGE_LOG_SIZE) this.changeLog.shift();
      }
    })().finally(() => {
      this.pending = null;
    });
    return this.pending;
  }

  private async currentFingerprint(): Promise<string> {
    const result = await sql<{ f: string }>`
      select concat_ws(':',
        (select count(*) || '/' || coalesce(max(id), 0) || '/' || coalesce(sum(coalesce(parent_id, 0)), 0) || '/' || coalesce(sum(coalesce(valid_to - date '2000-01-01', 0) + coalesce(valid_from - date '2000-01-01', 0)), 0) from unit),
        (select count(*) || '/' || coalesce(sum(predecessor_id * 3 + successor_id), 0) from unit_lineage),
        (select count(*) || '/' || coalesce(max(id), 0) || '/' || coalesce(sum(hash(id, status, superseded_by)), 0) from source_file),
        (select count(*) || '/' || coalesce(max(id), 0) from registration),
        (select count(*) || '/' || coalesce(max(id), 0) from recognition),
        (select count(*) || '/' || coalesce(max(id), 0) from exemplar),
        (select count(*) || '/' || coalesce(max(id), 0) from correction)) as f`.execute(this.db());
    return String(result.rows[0]?.f ?? '');
  }

  private async storedFingerprint(): Promise<string | null> {
    // Tables built by a version without the change tables are rebuilt once, at the first answer after the upgrade.
    const exists = await sql<{ n: number }>`select count(*) as n from information_schema.tables where table_name in ('fact_model', 'fact_exemplar', 'agg_unit_year', 'agg_dist', 'facts_contrib', 'facts_file_state')`.execute(this.db());
    if (Number(exists.rows[0]?.n ?? 0) < 6) return null;
    const row = await this.db().selectFrom('app_meta').select('value').where('key', '=', FINGERPRINT_KEY).executeTakeFirst();
    return row?.value ?? null;
  }

  /**
   * Brings the tables up to date. When only files and their rows changed
   * (uploads, new versions, deletions, restores, reloads), only what they
   * touch is recomputed (refreshChanged); a change to units, lineage or
   * corrections, or tables from an older build, rebuild everything.
   */
  private async rebuild(fingerprint: string): Promise<ReadonlySet<number> | null> {
    const previous = this.fingerprint;
    // previous is only known for tables that include the change tables (storedFingerprint).
    const incremental = previous !== null && samePartsOf(previous, fingerprint, FULL_REBUILD_PARTS);
    return this.db().transaction().execute(async (trx) => {
      let touched: ReadonlySet<number> | null = null;
      if (incremental) touched = await this.refreshChanged(trx);
      else await this.rebuildAll(trx);
      await trx.deleteFrom('app_meta').where('key', '=', FINGERPRINT_KEY).execute();
      await trx.insertInto('app_meta').values({ key: FINGERPRINT_KEY, value: fingerprint }).execute();
      return touched;
    });
  }

  /** Every derived table from scratch. */
  async rebuildAll(trx: Transaction<DB> | Kysely<DB>): Promise<void> {
    const statements = [
      sql.raw(`create or replace table fact_model as ${factModelQuery('', '')} order by reg.year, reg.unit_id`),
      sql.raw(`create or replace table fact_exemplar as ${factExemplarQuery('')}`),
      sql.raw(`create or replace table agg_unit_year as ${aggUnitYearQuery('')} order by ancestor_id, year, mode`),
      sql.raw(`create or replace table agg_dist as ${aggDistQuery('')} order by ancestor_id, year`),
      sql.raw(`create or replace table facts_contrib as ${contribQuery('')}`),
      sql.raw(`create or replace table facts_file_state as ${fileStateQuery}`),
    ];
    for (const statement of statements) await statement.execute(trx);
  }

  /**
   * Recomputes what the changed files touch, nothing else (an upload into a
   * national store costs milliseconds, not a rebuild of millions of rows):
   * 1. changed files: their status, version link, row count or newest row id
   *    differ from the last build's snapshot (facts_file_state);
   * 2. what they contributed before (facts_contrib) and contribute now: the
   *    (year, unit) pairs and the (year, model) keys;
   * 3. fact_model rows of those keys, and of every model counted under those
   *    units in those years (a recognition by name attaches there), are
   *    computed again from all their rows; fact_exemplar of those units;
   * 4. agg_unit_year and agg_dist of every ancestor of the units whose
   *    models left or arrived, in those years.
   * The result equals a full rebuild (test/analytics/incremental.test.ts).
   */
  private async refreshChanged(trx: Transaction<DB>): Promise<ReadonlySet<number>> {
    const statements = [
      `create or replace temp table cur_file_state as ${fileStateQuery}`,
      `create or replace temp table chg_file as
         select id from ((select * from cur_file_state) except (select * from facts_file_state))
         union select id from ((select * from facts_file_state) except (select * from cur_file_state))`,
      `create or replace temp table chg_contrib as
         select * from facts_contrib where source_file_id in (select id from chg_file)
         union all select * from (${contribQuery('where source_file_id in (select id from chg_file)')})`,
      `create or replace temp table chg_unit_year as
         select distinct year, unit_id from chg_contrib where year is not null and unit_id is not null`,
      `create or replace temp table chg_key as
         select distinct year, model_key from (
           select year, model_key from chg_contrib where model_key is not null
           union all select f.year, f.model_key from fact_model f join chg_unit_year c on c.year = f.year and c.unit_id = f.unit_id)
          where year is not null`,
      `create or replace temp table chg_units as select distinct f.year, f.unit_id from fact_model f join chg_key k on k.year = f.year and k.model_key = f.model_key`,
      `delete from fact_model f using chg_key k where f.year = k.year and f.model_key = k.model_key`,
      `insert into fact_model ${factModelQuery(
        'and (r.year, coalesce(cast(r.model_id as bigint), -r.id)) in (select year, model_key from chg_key)',
        'and rc.year in (select year from chg_key)',
      )}`,
      `insert into chg_units
         select distinct f.year, f.unit_id from fact_model f join chg_key k on k.year = f.year and k.model_key = f.model_key
         union select year, unit_id from chg_unit_year`,
      `delete from fact_exemplar x using chg_unit_year c where x.year = c.year and x.unit_id = c.unit_id`,
      `insert into fact_exemplar ${factExemplarQuery('and (e.year, coalesce(e.owner_unit_id, e.unit_id)) in (select year, unit_id from chg_unit_year)')}`,
      `create or replace temp table chg_ancestor_year as
         select distinct c.ancestor_id, u.year from chg_units u join unit_closure c on c.descendant_id = u.unit_id`,
      `delete from agg_unit_year a using chg_ancestor_year c where a.ancestor_id = c.ancestor_id and a.year = c.year`,
      `insert into agg_unit_year ${aggUnitYearQuery(CHANGED_PAIRS, CHANGED_CLOSURE)}`,
      `delete from agg_dist d using chg_ancestor_year c where d.ancestor_id = c.ancestor_id and d.year = c.year`,
      `insert into agg_dist ${aggDistQuery(CHANGED_PAIRS, CHANGED_CLOSURE)}`,
      `delete from facts_contrib where source_file_id in (select id from chg_file)`,
      `insert into facts_contrib ${contribQuery('where source_file_id in (select id from chg_file)')}`,
      `delete from facts_file_state where id in (select id from chg_file)`,
      `insert into facts_file_state select * from cur_file_state where id in (select id from chg_file)`,
    ];
    for (const statement of statements) await sql.raw(statement).execute(trx);
    const touched = await sql<{ id: number }>`select distinct ancestor_id as id from chg_ancestor_year`.execute(trx);
    for (const table of ['cur_file_state', 'chg_file', 'chg_contrib', 'chg_unit_year', 'chg_key', 'chg_units', 'chg_ancestor_year']) await sql.raw(`drop table ${table}`).execute(trx);
    return new Set(touched.rows.map((r) => Number(r.id)));
  }
}

/** The closure rows of the ancestors to recompute (a few thousand, not millions), and the (ancestor, year) pairs among them. */
const CHANGED_CLOSURE = '(select uc.* from unit_closure uc where uc.ancestor_id in (select ancestor_id from chg_ancestor_year))';
const CHANGED_PAIRS = 'and f.year in (select year from chg_ancestor_year) and (c.ancestor_id, f.year) in (select ancestor_id, year from chg_ancestor_year)';

/** Refreshes remembered for unchangedSince(): beyond them, an old answer counts as changed. */
const CHANGE_LOG_SIZE = 512;

/** Parts of the fingerprint (see currentFingerprint): units, lineage and corrections change what every row means. */
const FULL_REBUILD_PARTS = [0, 1, 6];

function samePartsOf(a: string, b: string, parts: number[]): boolean {
  const [x, y] = [a.split(':'), b.split(':')];
  return x.length === y.length && parts.every((i) => x[i] === y[i]);
}

/**
 * One row per (year, model): see the header. `regFilter` and `rkFilter`
 * (SQL starting with "and") restrict the registrations and recognitions read.
 */
function factModelQuery(regFilter: string, rkFilter: string): string {
  return `
    with rk as (
      select rc.year, rc.model_id,
             case when rc.model_id is null then strip_accents(lower(trim(rc.model_name))) || '|' || cast(coalesce(rc.owner_unit_id, rc.unit_id) as varchar) end as name_key,
             max(case rc.level when 'province' then 3 when 'district' then 2 when 'commune' then 1 else 0 end) as rank
        from recognition rc join source_file sf on sf.id = rc.source_file_id
       where sf.status = 'loaded' and rc.review_state <> 'rejected' and rc.year is not null ${rkFilter}
       group by all),
    reg as (
      select r.year, coalesce(cast(r.model_id as bigint), -r.id) as model_key, r.model_id, r.model_name,
             coalesce(r.owner_unit_id, r.unit_id) as unit_id, r.status, r.field, r.owner_type, r.launch_date
        from registration r join source_file sf on sf.id = r.source_file_id
       where sf.status = 'loaded' and r.review_state <> 'rejected' and r.year is not null
         and coalesce(r.owner_unit_id, r.unit_id) is not null ${regFilter}
      qualify row_number() over (partition by r.year, coalesce(cast(r.model_id as bigint), -r.id) order by sf.uploaded_at desc, r.id desc) = 1)
    select reg.year, reg.model_key, reg.model_id, reg.unit_id, reg.status, reg.field, reg.owner_type, reg.launch_date, reg.model_name,
           greatest(coalesce(k1.rank, -1), coalesce(k2.rank, -1)) as rank
      from reg
      left join rk k1 on k1.year = reg.year and k1.model_id = reg.model_id
      left join rk k2 on k2.year = reg.year and k2.name_key is not null
                     and k2.name_key = strip_accents(lower(trim(reg.model_name))) || '|' || cast(reg.unit_id as varchar)`;
}

function factExemplarQuery(filter: string): string {
  return `
    select e.year, coalesce(e.owner_unit_id, e.unit_id) as unit_id, e.exemplar_type, count(*) as n
      from exemplar e join source_file sf on sf.id = e.source_file_id
     where sf.status = 'loaded' and e.review_state <> 'rejected' and e.year is not null and coalesce(e.owner_unit_id, e.unit_id) is not null ${filter}
     group by all`;
}

/** Sums per (ancestor, year), modes 'full' and 'parent'; `filter` restricts the (closure row c, fact f) pairs read. */
function aggUnitYearQuery(filter: string, closure = 'unit_closure'): string {
  return `
    with m as (
      select c.ancestor_id, c.lineage_hops, f.year,
             count(*) filter (where coalesce(f.status, '') <> 'dropped') as registered,
             count(*) filter (where f.status = 'new') as new,
             count(*) filter (where f.status = 'continued') as continued,
             count(*) filter (where f.status = 'replicated') as replicated,
             count(*) filter (where f.status = 'dropped') as dropped,
             count(*) filter (where f.status is null) as no_status,
             count(*) filter (where coalesce(f.status, '') <> 'dropped' and f.rank >= 0) as recognised,
             count(*) filter (where coalesce(f.status, '') <> 'dropped' and f.rank = 1) as recognised_commune,
             count(*) filter (where coalesce(f.status, '') <> 'dropped' and f.rank = 2) as recognised_district,
             count(*) filter (where coalesce(f.status, '') <> 'dropped' and f.rank = 3) as recognised_province,
             count(*) filter (where f.status = 'new' and f.launch_date is null) as new_unlaunched
        from fact_model f join ${closure} c on c.descendant_id = f.unit_id
       where true ${filter}
       group by c.ancestor_id, c.lineage_hops, f.year),
    x as (
      select c.ancestor_id, c.lineage_hops, f.year,
             sum(f.n) filter (where f.exemplar_type = 'collective') as exemplars_collective,
             sum(f.n) filter (where f.exemplar_type = 'individual') as exemplars_individual,
             sum(f.n) as exemplars
        from fact_exemplar f join ${closure} c on c.descendant_id = f.unit_id
       where true ${filter}
       group by c.ancestor_id, c.lineage_hops, f.year),
    j as (
      select coalesce(m.ancestor_id, x.ancestor_id) as ancestor_id, coalesce(m.lineage_hops, x.lineage_hops) as lineage_hops,
             coalesce(m.year, x.year) as year, m.* exclude (ancestor_id, lineage_hops, year), x.* exclude (ancestor_id, lineage_hops, year)
        from m full join x on x.ancestor_id = m.ancestor_id and x.lineage_hops = m.lineage_hops and x.year = m.year)
    select mode, ancestor_id, year,
           coalesce(sum(registered), 0)::integer as registered, coalesce(sum(new), 0)::integer as new,
           coalesce(sum(continued), 0)::integer as continued, coalesce(sum(replicated), 0)::integer as replicated,
           coalesce(sum(dropped), 0)::integer as dropped, coalesce(sum(no_status), 0)::integer as no_status,
           coalesce(sum(recognised), 0)::integer as recognised, coalesce(sum(recognised_commune), 0)::integer as recognised_commune,
           coalesce(sum(recognised_district), 0)::integer as recognised_district, coalesce(sum(recognised_province), 0)::integer as recognised_province,
           coalesce(sum(new_unlaunched), 0)::integer as new_unlaunched,
           coalesce(sum(exemplars_collective), 0)::integer as exemplars_collective, coalesce(sum(exemplars_individual), 0)::integer as exemplars_individual,
           coalesce(sum(exemplars), 0)::integer as exemplars
      from (select 'full' as mode, * from j union all select 'parent', * from j where lineage_hops = 0)
     group by mode, ancestor_id, year`;
}

function aggDistQuery(filter: string, closure = 'unit_closure'): string {
  return `
    select c.ancestor_id, f.year,
           case grouping(f.field, f.status, f.owner_type) when 3 then 'field' when 5 then 'status' else 'owner_type' end as dimension,
           coalesce(f.field, f.status, f.owner_type) as key,
           case when grouping(f.field, f.status, f.owner_type) = 5 then count(*)
                else count(*) filter (where coalesce(f.status, '') <> 'dropped') end::integer as models
      from fact_model f
      join ${closure} c on c.descendant_id = f.unit_id
      join unit a on a.id = c.ancestor_id and a.kind in ('province', 'district', 'commune')
     where true ${filter}
     group by grouping sets ((c.ancestor_id, f.year, f.field), (c.ancestor_id, f.year, f.status), (c.ancestor_id, f.year, f.owner_type))`;
}

/**
 * Every stored record, whatever its table: its file and id, its year, the unit
 * it counts for, and its model key (registrations: the model, or the row
 * itself when unlinked; recognitions: the model, none when matched by name;
 * exemplars: none).
 */
const RECORDS = `
  select source_file_id, id, year, coalesce(owner_unit_id, unit_id) as unit_id, coalesce(cast(model_id as bigint), -id) as model_key from registration
  union all select source_file_id, id, year, coalesce(owner_unit_id, unit_id), cast(model_id as bigint) from recognition
  union all select source_file_id, id, year, coalesce(owner_unit_id, unit_id), cast(null as bigint) from exemplar`;

/** What each file's rows bring to the facts: (year, unit they count for, model key). */
function contribQuery(filter: string): string {
  return `select source_file_id, year, unit_id, model_key from (${RECORDS}) ${filter}`;
}

/** Each file as the facts saw it: status, version link, how many rows and the newest row id (a reload gives new ids). */
const fileStateQuery = `
  select sf.id, sf.status, sf.superseded_by, coalesce(c.n, 0) as n, coalesce(c.m, 0) as m
    from source_file sf
    left join (select source_file_id, count(*) as n, max(id) as m from (${RECORDS}) group by source_file_id) c on c.source_file_id = sf.id`;
