import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely, type SqlBool } from 'kysely';
import { Database } from '../db/database.js';
import type { DB } from '../db/schema.js';
import { attributedUnit, countedFile, unitScope, UnitClosure, type Structure } from '../db/unit-scope.js';

/** One recognition record of the subtree, with the child unit it counts under. */
export interface RecognitionListRow {
  id: number;
  model_name: string | null;
  owner: string | null;
  field: string | null;
  level: string | null;
  decision_no: string | null;
  decision_date: string | null;
  group_name: string | null;
}

export interface ExemplarListRow {
  id: number;
  name: string | null;
  exemplar_type: string | null;
  position: string | null;
  unit_text: string | null;
  model_name: string | null;
  award: string | null;
  level: string | null;
}

export interface ListQuery {
  root: number;
  year: number;
  structure: Structure;
  /** The caller's subtree root (null: no restriction). */
  within: number | null;
}

/**
 * The lists the pack prints (recognised models, exemplars): records, not
 * aggregates, chosen exactly as analytics counts them: the unit scope of
 * db/unit-scope.ts, files that count now, review not rejected.
 */
@Injectable()
export class ExportRepository {
  constructor(
    @Inject(Database) private readonly database: Database,
    @Inject(UnitClosure) private readonly closure: UnitClosure,
  ) {}

  private get db(): Kysely<DB> {
    return this.database.db;
  }

  async recognitions(q: ListQuery): Promise<RecognitionListRow[]> {
    await this.closure.ensureFresh();
    const db = this.db;
    const rows = await db
      .with('s', () => unitScope(db, { kind: 'roots', roots: [q.root], within: q.within }))
      .with('g', () => unitScope(db, { kind: 'children', root: q.root, year: q.year, structure: q.structure, within: q.within }))
      .selectFrom('recognition as rc')
      .innerJoin('source_file as sf', 'sf.id', 'rc.source_file_id')
      .innerJoin('s', (join) => join.on(sql<SqlBool>`s.unit_id = ${attributedUnit('rc')}`))
      .leftJoin('g', (join) => join.on(sql<SqlBool>`g.unit_id = ${attributedUnit('rc')}`))
      .leftJoin('unit as gu', 'gu.id', 'g.group_id')
      .where('rc.year', '=', q.year)
      .where(countedFile('sf', null))
      .where('rc.review_state', '<>', 'rejected')
      .select(['rc.id', 'rc.model_name', 'rc.owner', 'rc.field', 'rc.level', 'rc.decision_no', 'rc.decision_date', 'gu.name as group_name'])
      .orderBy(sql`case rc.level when 'province' then 0 when 'district' then 1 when 'commune' then 2 else 3 end`)
      .orderBy('gu.name')
      .orderBy('rc.model_name')
      .orderBy('rc.id')
      .execute();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }

  async exemplars(q: ListQuery): Promise<ExemplarListRow[]> {
    await this.closure.ensureFresh();
    const db = this.db;
    const rows = await db
      .with('s', () => unitScope(db, { kind: 'roots', roots: [q.root], within: q.within }))
      .selectFrom('exemplar as e')
      .innerJoin('source_file as sf', 'sf.id', 'e.source_file_id')
      .innerJoin('s', (join) => join.on(sql<SqlBool>`s.unit_id = ${attributedUnit('e')}`))
      .where('e.year', '=', q.year)
      .where(countedFile('sf', null))
      .where('e.review_state', '<>', 'rejected')
      .select(['e.id', 'e.name', 'e.exemplar_type', 'e.position', 'e.unit_text', 'e.model_name', 'e.award', 'e.level'])
      .orderBy(sql`case e.exemplar_type when 'collective' then 0 when 'individual' then 1 else 2 end`)
      .orderBy('e.source_file_id')
      .orderBy('e.id')
      .execute();
    return rows.map((r) => ({ ...r, id: Number(r.id) }));
  }
}
