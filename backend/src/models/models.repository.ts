import { Inject, Injectable } from '@nestjs/common';
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { Database } from '../db/database.js';
import { attributedUnit, countedFile, UnitClosure, withinSubtree } from '../db/unit-scope.js';
import type { RowSource } from '../db/schema.js';

export interface ModelListFilter {
  /** Already folded by the service (no diacritics, lower case, single spaces). */
  q: string | null;
  field: string | null;
  status: string | null;
  recognized: 'any' | 'none' | 'commune' | 'district' | 'province' | null;
  year: number | null;
  unit: number | null;
  /** The caller's subtree root; null for no restriction. */
  within: number | null;
  sort: 'name' | 'year' | 'unit' | 'field';
  order: 'asc' | 'desc';
  limit: number;
  offset: number;
}

export interface ModelListRow {
  id: number;
  name: string;
  owner: string | null;
  owner_unit_id: number | null;
  unit_name: string | null;
  field: string | null;
  field_inferred: boolean;
  status: string | null;
  owner_type: string | null;
  year: number | null;
  first_year: number | null;
  recognition_level: string | null;
  total: number;
}

export interface ModelHistoryRow {
  kind: 'registration' | 'recognition' | 'exemplar';
  id: number;
  year: number | null;
  unit_name: string | null;
  file_id: number;
  file_name: string;
  sha256: string;
  record_key: string | null;
  source: RowSource;
  values: Record<string, string | number | boolean | null>;
  field_inferred: boolean;
}

/** Folds a column in SQL the way the service folds the query (diacritics, tones, đ, case, punctuation). */
function folded(column: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`trim(regexp_replace(strip_accents(lower(replace(replace(coalesce(${column}, ''), 'Đ', 'd'), 'đ', 'd'))), '[^a-z0-9]+', ' ', 'g'))`;
}

const LEVEL_RANK = sql`case c.level when 'province' then 3 when 'district' then 2 when 'commune' then 1 else 0 end`;

/** All SQL for the models list and a model's history. */
@Injectable()
export class ModelsRepository {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(UnitClosure) private readonly closure: UnitClosure,
  ) {}

  async list(filter: ModelListFilter): Promise<ModelListRow[]> {
    await this.closure.ensureFresh();
    const db = this.database.read;
    const scoped = (extra: RawBuilder<SqlBool>[]): RawBuilder<SqlBool> => sql<SqlBool>`${sql.join([sql`true`, ...extra], sql` and `)}`;
    const regFilters: RawBuilder<SqlBool>[] = [countedFile('f', null)];
    if (filter.year !== null) regFilters.push(sql<SqlBool>`r.year = ${filter.year}`);
    // Records count for their owner's unit, or the issuing unit when the owner did not resolve (as analytics does).
    if (filter.unit !== null) regFilters.push(withinSubtree(attributedUnit('r'), filter.unit));
    if (filter.within !== null) regFilters.push(withinSubtree(attributedUnit('r'), filter.within));

    const outer: RawBuilder<SqlBool>[] = [];
    if (filter.field) outer.push(sql<SqlBool>`l.field = ${filter.field}`);
    if (filter.status) outer.push(sql<SqlBool>`l.status = ${filter.status}`);
    if (filter.recognized === 'none') outer.push(sql<SqlBool>`rec.level_rank is null`);
    else if (filter.recognized === 'any') outer.push(sql<SqlBool>`rec.level_rank is not null`);
    else if (filter.recognized) outer.push(sql<SqlBool>`rec.level_rank >= ${rankOf(filter.recognized)}`);
    if (filter.q) {
      const like = `%${filter.q}%`;
      outer.push(sql<SqlBool>`(m.folded_name like ${like} or ${folded(sql.ref('m.name'))} like ${like} or ${folded(sql.ref('l.owner'))} like ${like} or ${folded(sql.ref('u.name'))} like ${like})`);
    }
    const direction = sql.raw(filter.order === 'desc' ? 'desc' : 'asc');
    const sortKey = {
      name: sql`${folded(sql.ref('m.name'))}`,
      year: sql`l.year`,
      unit: sql`${folded(sql.ref('u.name'))}`,
      field: sql`l.field`,
    }[filter.sort];

    const result = await sql<ModelListRow>`
      with reg as (
        select r.model_id,
               max(r.year) as year,
               min(r.year) as first_year,
               arg_max(r.id, coalesce(r.year, 0) * 1000000000000 + r.id) as latest_id
          from registration r
          join source_file f on f.id = r.source_file_id
         where r.model_id is not null and ${scoped(regFilters)}
         group by r.model_id
      ),
      rec as (
        select c.model_id, max(${LEVEL_RANK}) as level_rank
          from recognition c
          join source_file f on f.id = c.source_file_id
         where c.model_id is not null and ${countedFile('f', null)}
         group by c.model_id
      )
      select m.id, m.name, l.owner, l.owner_unit_id, u.name as unit_name, l.field, l.field_inferred, l.status,
             l.owner_type, reg.year, reg.first_year,
             case rec.level_rank when 3 then 'province' when 2 then 'district' when 1 then 'commune' end as recognition_level,
             count(*) over () as total
        from reg
        join registration l on l.id = reg.latest_id
        join model m on m.id = reg.model_id
        left join unit u on u.id = ${attributedUnit('l')}
        left join rec on rec.model_id = m.id
       where ${scoped(outer)}
       order by ${sortKey} ${direction} nulls last, m.id
       limit ${filter.limit} offset ${filter.offset}`.execute(db);
    return result.rows;
  }

  findModel(id: number) {
    return this.database.read.selectFrom('model').selectAll().where('id', '=', id).executeTakeFirst();
  }

  /** Every counted registration, recognition and exemplar row of the model, with file and unit. */
  async history(modelId: number, within: number | null): Promise<ModelHistoryRow[]> {
    await this.closure.ensureFresh();
    const inScope = (alias: string) => (within === null ? sql<SqlBool>`true` : withinSubtree(attributedUnit(alias), within));
    const result = await sql<ModelHistoryRow>`
      select 'registration' as kind, r.id, r.year, u.name as unit_name, f.id as file_id, f.file_name, f.sha256, r.record_key, r.source,
             json_object('model_name', r.model_name, 'field', r.field, 'status', r.status, 'owner', r.owner, 'owner_type', r.owner_type,
                         'start_date', r.start_date, 'end_date', r.end_date, 'launch_date', r.launch_date, 'location', r.location,
                         'person_in_charge', r.person_in_charge, 'content', r.content, 'note', r.note) as "values",
             r.field_inferred
        from registration r join source_file f on f.id = r.source_file_id left join unit u on u.id = ${attributedUnit('r')}
       where r.model_id = ${modelId} and ${countedFile('f', null)} and ${inScope('r')}
      union all
      select 'recognition', c.id, c.year, u.name, f.id, f.file_name, f.sha256, c.record_key, c.source,
             json_object('model_name', c.model_name, 'owner', c.owner, 'field', c.field, 'level', c.level,
                         'decision_no', c.decision_no, 'decision_date', c.decision_date),
             false
        from recognition c join source_file f on f.id = c.source_file_id left join unit u on u.id = ${attributedUnit('c')}
       where c.model_id = ${modelId} and ${countedFile('f', null)} and ${inScope('c')}
      union all
      select 'exemplar', e.id, e.year, u.name, f.id, f.file_name, f.sha256, e.record_key, e.source,
             json_object('name', e.name, 'exemplar_type', e.exemplar_type, 'position', e.position, 'unit', e.unit_text,
                         'award', e.award, 'level', e.level),
             false
        from exemplar e join source_file f on f.id = e.source_file_id left join unit u on u.id = ${attributedUnit('e')}
       where e.model_id = ${modelId} and ${countedFile('f', null)} and ${inScope('e')}
       order by 3 nulls last, 1, 2`.execute(this.database.read);
    return result.rows.map((row) => ({
      ...row,
      source: typeof row.source === 'string' ? (JSON.parse(row.source) as RowSource) : row.source,
      values: typeof row.values === 'string' ? (JSON.parse(row.values) as ModelHistoryRow['values']) : row.values,
    }));
  }

  /** (sha256, record_key, field) of every correction on these rows, to flag corrected values. */
  async correctedFields(keys: { sha256: string; recordKey: string }[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.database.read
      .selectFrom('correction')
      .select(['sha256', 'record_key', 'field'])
      .where('record_key', 'in', [...new Set(keys.map((k) => k.recordKey))])
      .where('sha256', 'in', [...new Set(keys.map((k) => k.sha256))])
      .execute();
    return new Set(rows.map((r) => `${r.sha256}/${r.record_key}/${r.field}`));
  }
}


function rankOf(level: 'commune' | 'district' | 'province'): number {
  return { commune: 1, district: 2, province: 3 }[level];
}
