import { Inject, Injectable } from '@nestjs/common';
import type { Insertable, Kysely, Transaction, Updateable } from 'kysely';
import { Database } from '../db/database.js';
import { inList } from '../db/list-param.js';
import type { DB, UnitAliasTable, UnitLineageTable, UnitTable } from '../db/schema.js';

export type Executor = Kysely<DB> | Transaction<DB>;

export interface UnitRow {
  id: number;
  name: string;
  kind: string;
  level: string;
  parent_id: number | null;
  valid_from: string | null;
  valid_to: string | null;
  code: string | null;
  folded_name: string | null;
}

export interface AliasRow {
  unit_id: number;
  alias: string;
  folded: string;
  source: string;
}

export interface LineageRow {
  predecessor_id: number;
  successor_id: number;
  effective_date: string;
  note: string | null;
}

export interface UnitFilter {
  q?: string | undefined;
  kind?: string | undefined;
  level?: string | undefined;
  parentId?: number | undefined;
  limit: number;
  offset: number;
}

const UNIT_COLUMNS = ['id', 'name', 'kind', 'level', 'parent_id', 'valid_from', 'valid_to', 'code', 'folded_name'] as const;

/** All SQL for the unit registry: units, aliases, lineage. */
@Injectable()
export class UnitsRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  get db(): Kysely<DB> {
    return this.database.db;
  }

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.database.transaction(work);
  }

  /** Every unit, alias and lineage link: the registry is small enough to hold in memory. */
  async loadAll(): Promise<{ units: UnitRow[]; aliases: AliasRow[]; lineage: LineageRow[] }> {
    const units = await this.db.selectFrom('unit').select(UNIT_COLUMNS).orderBy('id').execute();
    const aliases = await this.db.selectFrom('unit_alias').select(['unit_id', 'alias', 'folded', 'source']).execute();
    const lineage = await this.db.selectFrom('unit_lineage').select(['predecessor_id', 'successor_id', 'effective_date', 'note']).execute();
    return { units, aliases, lineage };
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async list(filter: UnitFilter, foldedQuery: string | null): Promise<{ items: UnitRow[]; total: number }> {
    let query = this.db.selectFrom('unit');
    if (foldedQuery) {
      query = query.where((eb) =>
        eb.or([
          eb('folded_name', 'like', `%${foldedQuery}%`),
          eb('id', 'in', eb.selectFrom('unit_alias').select('unit_id').where('folded', 'like', `%${foldedQuery}%`)),
        ]),
      );
    }
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.level) query = query.where('level', '=', filter.level);
    if (filter.parentId !== undefined) query = query.where('parent_id', '=', filter.parentId);
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await query.select(UNIT_COLUMNS).orderBy('id').limit(filter.limit).offset(filter.offset).execute();
    return { items, total: Number(total.n) };
  }

  findById(id: number, db: Executor = this.db): Promise<UnitRow | undefined> {
    return db.selectFrom('unit').select(UNIT_COLUMNS).where('id', '=', id).executeTakeFirst();
  }

  /** Every unit with its code and folded name, inside the caller's transaction (an import matches against them in memory). */
  allUnits(trx: Executor): Promise<UnitRow[]> {
    return trx.selectFrom('unit').select(UNIT_COLUMNS).orderBy('id').execute();
  }

  /** Ids for units about to be inserted, drawn from the sequence the column's default uses. */
  nextUnitIds(trx: Executor, count: number): Promise<number[]> {
    return this.database.takeIds(trx, 'unit_id_seq', count);
  }

  /** Units with their ids already drawn, in bulk through the appender. */
  async insertUnits(trx: Transaction<DB>, units: (Insertable<UnitTable> & { id: number })[]): Promise<void> {
    await this.database.append(trx, 'unit', units as Record<string, unknown>[]);
  }

  async updateUnit(trx: Executor, id: number, patch: Updateable<UnitTable>): Promise<void> {
    await trx.updateTable('unit').set(patch).where('id', '=', id).execute();
  }

  aliasesOf(unitId: number, db: Executor = this.db): Promise<AliasRow[]> {
    return db.selectFrom('unit_alias').select(['unit_id', 'alias', 'folded', 'source']).where('unit_id', '=', unitId).orderBy('alias').execute();
  }

  /** Adds aliases a unit does not already have (by folded form). Returns how many were new. */
  async addAliases(trx: Executor, rows: Insertable<UnitAliasTable>[]): Promise<number> {
    if (rows.length === 0) return 0;
    const unitIds = [...new Set(rows.map((r) => r.unit_id))];
    const existing = await trx.selectFrom('unit_alias').select(['unit_id', 'folded']).where('unit_id', 'in', inList(unitIds)).execute();
    const seen = new Set(existing.map((e) => `${e.unit_id}\u0000${e.folded}`));
    const fresh = rows.filter((r) => {
      const key = `${r.unit_id}\u0000${r.folded}`;
      if (seen.has(key) || !r.folded) return false;
      seen.add(key);
      return true;
    });
    if (fresh.length > 0) await trx.insertInto('unit_alias').values(fresh).execute();
    return fresh.length;
  }

  /** Adds lineage links not already present. Returns how many were new. */
  async addLineage(trx: Executor, rows: Insertable<UnitLineageTable>[]): Promise<number> {
    if (rows.length === 0) return 0;
    const existing = await trx
      .selectFrom('unit_lineage')
      .select(['predecessor_id', 'successor_id'])
      .where('predecessor_id', 'in', [...new Set(rows.map((r) => r.predecessor_id))])
      .execute();
    const seen = new Set(existing.map((e) => `${e.predecessor_id}>${e.successor_id}`));
    const fresh = rows.filter((r) => {
      const key = `${r.predecessor_id}>${r.successor_id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    if (fresh.length > 0) await trx.insertInto('unit_lineage').values(fresh).execute();
    return fresh.length;
  }

  async audit(trx: Executor, action: string, target: string, detail: Record<string, unknown>, username: string | null): Promise<void> {
    await trx.insertInto('audit_log').values({ action, target, detail: JSON.stringify(detail), username, user_id: null, ip: null }).execute();
  }
}
