import { Inject, Injectable } from '@nestjs/common';
import { sql, type Kysely } from 'kysely';
import type { Visibility } from '../auth/scope.js';
import { visiblePlan } from '../auth/subtree.js';
import { Database } from '../db/database.js';
import { inList } from '../db/list-param.js';
import type { DB } from '../db/schema.js';
import { scopeGroups, type Structure } from '../db/unit-scope.js';
import type { DeadlineDocument, PlanDocument } from './plan.types.js';

export interface UnitRow {
  id: number;
  name: string;
  kind: string;
  level: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
}

export interface ChildUnitRow {
  id: number;
  parent_id: number;
  name: string;
  kind: string;
  aliases: string[];
}

/** SQL folding close to foldName(): case, diacritics, đ, punctuation. */
function foldSql(column: string) {
  return sql<string>`trim(regexp_replace(lower(strip_accents(replace(replace(${sql.ref(column)}, 'đ', 'd'), 'Đ', 'D'))), '[^a-z0-9]+', ' ', 'g'))`;
}

/** All SQL for plans, quota rules and the unit look-ups plans need. */
@Injectable()
export class PlansRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  private get db(): Kysely<DB> {
    return this.database.db;
  }

  /** Inserts a plan with its rules; when `replaceId` is given, that plan is replaced in place (same id). */
  async savePlan(doc: PlanDocument, issuerUnitId: number | null, deadlines: (DeadlineDocument & { date: string | null })[], replaceId: number | null): Promise<number> {
    return this.db.transaction().execute(async (trx) => {
      const values = {
        code: doc.code ?? null,
        issuer_unit_id: issuerUnitId,
        issuer_text: doc.issuer ?? null,
        year: doc.year,
        title: doc.title,
        source_document: doc.sourceDocument ?? null,
        notes: doc.notes ?? null,
        deadlines: JSON.stringify(deadlines),
      };
      let id: number;
      if (replaceId !== null) {
        await trx.updateTable('plan').set(values).where('id', '=', replaceId).execute();
        await trx.deleteFrom('quota_rule').where('plan_id', '=', replaceId).execute();
        id = replaceId;
      } else {
        id = (await trx.insertInto('plan').values(values).returning('id').executeTakeFirstOrThrow()).id;
      }
      if (doc.rules.length > 0) {
        await trx
          .insertInto('quota_rule')
          .values(doc.rules.map((rule, position) => ({
            plan_id: id,
            code: rule.code,
            description: rule.description,
            shape: rule.shape,
            params: JSON.stringify(rule.params),
            position,
          })))
          .execute();
      }
      return id;
    });
  }

  findPlan(id: number) {
    return this.db
      .selectFrom('plan')
      .leftJoin('unit', 'unit.id', 'plan.issuer_unit_id')
      .selectAll('plan')
      .select('unit.name as issuer_unit_name')
      .where('plan.id', '=', id)
      .executeTakeFirst();
  }

  findPlanIdByCode(code: string): Promise<number | undefined> {
    return this.db.selectFrom('plan').select('id').where('code', '=', code).executeTakeFirst().then((r) => r?.id);
  }

  rulesOf(planIds: number[]) {
    if (planIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('quota_rule')
      .selectAll()
      .where('plan_id', 'in', planIds)
      .orderBy('plan_id')
      .orderBy('position')
      .orderBy('id')
      .execute();
  }

  listPlans(filter: { year?: number; issuerUnitId?: number; visible?: Visibility | undefined }) {
    return this.db
      .selectFrom('plan')
      .leftJoin('quota_rule', 'quota_rule.plan_id', 'plan.id')
      .select((eb) => [
        'plan.id', 'plan.code', 'plan.year', 'plan.title', 'plan.issuer_text', 'plan.issuer_unit_id', 'plan.deadlines',
        eb.fn.count<number>('quota_rule.id').as('rules'),
      ])
      .$if(filter.year !== undefined, (qb) => qb.where('plan.year', '=', filter.year!))
      .$if(filter.issuerUnitId !== undefined, (qb) => qb.where('plan.issuer_unit_id', '=', filter.issuerUnitId!))
      .$if(filter.visible !== undefined, (qb) => qb.where(visiblePlan('plan', filter.visible!)))
      .groupBy(['plan.id', 'plan.code', 'plan.year', 'plan.title', 'plan.issuer_text', 'plan.issuer_unit_id', 'plan.deadlines'])
      .orderBy('plan.year', 'desc')
      .orderBy('plan.id')
      .execute();
  }

  /** Plans of a year issued by any of these units. */
  plansIssuedBy(unitIds: number[], year: number) {
    if (unitIds.length === 0) return Promise.resolve([]);
    return this.db
      .selectFrom('plan')
      .selectAll()
      .where('issuer_unit_id', 'in', inList(unitIds))
      .where('year', '=', year)
      .orderBy('id')
      .execute();
  }

  async deletePlan(id: number): Promise<boolean> {
    return this.db.transaction().execute(async (trx) => {
      await trx.deleteFrom('quota_rule').where('plan_id', '=', id).execute();
      const result = await trx.deleteFrom('plan').where('id', '=', id).executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    });
  }

  findUnit(id: number): Promise<UnitRow | undefined> {
    return this.db
      .selectFrom('unit')
      .select(['id', 'name', 'kind', 'level', 'parent_id', 'valid_from', 'valid_to'])
      .where('id', '=', id)
      .executeTakeFirst();
  }

  /** Units whose name or an alias folds to the same text as `name`. */
  async findUnitsByName(name: string, folded: string): Promise<UnitRow[]> {
    return this.db
      .selectFrom('unit')
      .select(['id', 'name', 'kind', 'level', 'parent_id', 'valid_from', 'valid_to'])
      .where((eb) => eb.or([
        eb(foldSql('unit.name'), '=', folded),
        eb('unit.id', 'in', eb.selectFrom('unit_alias').select('unit_alias.unit_id').where(foldSql('unit_alias.alias'), '=', folded)),
        eb('unit.name', '=', name),
      ]))
      .orderBy('id')
      .execute();
  }

  /** Child units of the roots, valid in the year (or at the reference date), with their aliases. */
  async childrenOf(roots: number[], year: number, structure: Structure = 'year', referenceDate?: string): Promise<ChildUnitRow[]> {
    if (roots.length === 0) return [];
    const rows = await this.db
      .with('g', () => scopeGroups(this.db, roots, year, structure, referenceDate))
      .selectFrom('g')
      .leftJoin('unit_alias', 'unit_alias.unit_id', 'g.id')
      .select((eb) => [
        'g.id', 'g.name', 'g.kind', 'g.parent_id',
        sql<string[] | null>`list(${eb.ref('unit_alias.alias')}) filter (where ${eb.ref('unit_alias.alias')} is not null)`.as('aliases'),
      ])
      .groupBy(['g.id', 'g.name', 'g.kind', 'g.parent_id'])
      .orderBy('g.name')
      .orderBy('g.id')
      .execute();
    return rows.map((r) => ({ id: r.id, name: r.name, kind: r.kind, parent_id: r.parent_id ?? 0, aliases: r.aliases ?? [] }));
  }

  unitNames(ids: number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return this.db.selectFrom('unit').select(['id', 'name']).where('id', 'in', inList(ids)).execute();
  }
}
