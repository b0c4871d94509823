import { Inject, Injectable } from '@nestjs/common';
import { sql, type Insertable, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Visibility } from '../auth/scope.js';
import { visibleBatch, visibleFile } from '../auth/subtree.js';
import { Database } from '../db/database.js';
import { inList, integerTable } from '../db/list-param.js';
import { REJECT_FIELD, REVIEW_FIELD_PREFIX, rowReviewState } from './corrections.js';
import type {
  DB,
  ExemplarTable,
  IngestIssueTable,
  IngestJobTable,
  ModelTable,
  NewSourceFile,
  RecognitionTable,
  RegistrationTable,
  ReportFigureTable,
  ReviewItemTable,
  SourceFile,
  SourceFileUpdate,
} from '../db/schema.js';

export type Executor = Kysely<DB> | Transaction<DB>;
export type FactTable = 'registration' | 'recognition' | 'exemplar' | 'report_figure';
export const FACT_TABLES: FactTable[] = ['registration', 'recognition', 'exemplar', 'report_figure'];

export interface FactRows {
  registration: Insertable<RegistrationTable>[];
  recognition: Insertable<RecognitionTable>[];
  exemplar: Insertable<ExemplarTable>[];
  report_figure: Insertable<ReportFigureTable>[];
}

export type ModelRow = Selectable<ModelTable>;
export type ModelWithCreator = ModelRow & { creator_unit_id: number | null; creator_unit_text: string | null };
/**
 * What telling models apart needs (model-candidates.ts): a stored model read
 * for identity carries its owner's and creator's written names only when its
 * owner is not a registry unit.
 */
export type ModelIdentity = Pick<ModelWithCreator, 'id' | 'folded_name' | 'owner_unit_id' | 'owner_text' | 'first_year' | 'creator_unit_id' | 'creator_unit_text'>;
export type JobRow = Selectable<IngestJobTable>;
export type ReviewRow = Selectable<ReviewItemTable>;
export type CorrectionRow = Selectable<DB['correction']>;

export interface StoreSummary {
  files: number;
  filesLoaded: number;
  filesFailed: number;
  filesSuperseded: number;
  filesDeleted: number;
  registrations: number;
  recognitions: number;
  exemplars: number;
  reports: number;
  reviewOpen: number;
}

export interface FileFilter {
  /** Only files the caller may see (auth/subtree.ts); absent: every file. */
  visible?: Visibility | undefined;
  status?: string | undefined;
  kind?: string | undefined;
  year?: number | undefined;
  unitId?: number | undefined;
  q?: string | undefined;
  limit: number;
  offset: number;
}

export interface ReviewFilter {
  /** Only items of files the caller may see; absent: every item. */
  visible?: Visibility | undefined;
  state?: string | undefined;
  reason?: string | undefined;
  fileId?: number | undefined;
  limit: number;
  offset: number;
}

/** refreshReviewStates' rows as DuckDB reads them from JSON. */
const REVIEW_STATE_TYPE = JSON.stringify([{ id: 'BIGINT', state: 'VARCHAR' }]);
/** Who withdrew a doubt that no longer holds (review_item.resolved_by): a lapsed duplicate, an answered model match. */
const WITHDRAWN_BY = 'tự động: tệp trùng không còn được tính (đã bị thay thế hoặc xóa)';
const ANSWERED_BY = 'tự động: đã tìm thấy mô hình năm trước của cùng chủ thể (tệp năm trước được nạp sau)';
/** updateJobs' rows as DuckDB reads them from JSON (errors arrive as JSON text). */
const JOB_PATCH_TYPE = JSON.stringify([{
  id: 'INTEGER', state: 'VARCHAR', progress: 'INTEGER', message: 'VARCHAR', errors: 'VARCHAR', source_file_id: 'INTEGER', duplicate: 'BOOLEAN',
  record_count: 'INTEGER', review_count: 'INTEGER', started_at: 'TIMESTAMPTZ', finished_at: 'TIMESTAMPTZ',
}]);

/**
 * All SQL of ingest: source files and their rows, issues, models, review
 * items, corrections, upload batches and jobs, audit entries.
 */
@Injectable()
export class IngestRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  get db(): Kysely<DB> {
    return this.database.db;
  }

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.database.transaction(work);
  }

  // ── source files ──────────────────────────────────────────────────────

  findBySha(db: Executor, sha256: string): Promise<SourceFile | undefined> {
    return db.selectFrom('source_file').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  }

  findByShas(db: Executor, shas: string[]): Promise<SourceFile[]> {
    if (shas.length === 0) return Promise.resolve([]);
    return db.selectFrom('source_file').selectAll().where('sha256', 'in', inList([...new Set(shas)])).execute();
  }

  async insertFiles(trx: Transaction<DB>, files: NewSourceFile[]): Promise<void> {
    await this.database.append(trx, 'source_file', files as Record<string, unknown>[]);
  }

  /** Loaded files of these units: the candidates for being superseded by new versions. */
  loadedVersionsOf(db: Executor, unitIds: number[]): Promise<Pick<SourceFile, 'id' | 'unit_id' | 'kind' | 'year' | 'variant'>[]> {
    if (unitIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('source_file').select(['id', 'unit_id', 'kind', 'year', 'variant']).where('unit_id', 'in', inList(unitIds)).where('status', '=', 'loaded').orderBy('id').execute();
  }

  findFile(id: number, db: Executor = this.db): Promise<SourceFile | undefined> {
    return db.selectFrom('source_file').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async insertFile(trx: Executor, file: NewSourceFile): Promise<number> {
    const row = await trx.insertInto('source_file').values(file).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  async updateFile(trx: Executor, id: number, patch: SourceFileUpdate): Promise<void> {
    await trx.updateTable('source_file').set(patch).where('id', '=', id).execute();
  }

  async listFiles(filter: FileFilter): Promise<{ items: SourceFile[]; total: number }> {
    let query = this.db.selectFrom('source_file');
    if (filter.visible) query = query.where(visibleFile('source_file', filter.visible));
    if (filter.status) query = query.where('status', '=', filter.status);
    if (filter.kind) query = query.where('kind', '=', filter.kind);
    if (filter.year) query = query.where('year', '=', filter.year);
    if (filter.unitId) query = query.where('unit_id', '=', filter.unitId);
    if (filter.q) query = query.where(sql<boolean>`strip_accents(lower(file_name)) like ${`%${filter.q}%`}`);
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await query.selectAll().orderBy('id', 'desc').limit(filter.limit).offset(filter.offset).execute();
    return { items, total: Number(total.n) };
  }

  /** Loaded files of the same unit, kind, year and variant: the versions a new file supersedes. */
  async findVersions(trx: Executor, file: { id: number; unit_id: number; kind: string; year: number; variant: string | null }): Promise<number[]> {
    const rows = await trx
      .selectFrom('source_file')
      .select('id')
      .where('unit_id', '=', file.unit_id)
      .where('kind', '=', file.kind)
      .where('year', '=', file.year)
      .where(sql<boolean>`coalesce(variant, '') = ${file.variant ?? ''}`)
      .where('status', '=', 'loaded')
      .where('id', '!=', file.id)
      .execute();
    return rows.map((r) => r.id);
  }

  /** Older versions marked superseded by the file that replaces each: one statement for a whole group of files. */
  async markSuperseded(trx: Executor, versions: readonly { id: number; by: number }[]): Promise<void> {
    if (versions.length === 0) return;
    const v = integerTable({ id: versions.map((x) => x.id), by: versions.map((x) => x.by) });
    await sql`update source_file set status = 'superseded', superseded_by = v.by from ${v} as v where source_file.id = v.id`.execute(trx);
  }

  /** The newest file a given file superseded (to restore when the newer one is deleted). */
  async latestSupersededBy(trx: Executor, id: number): Promise<number | null> {
    const row = await trx.selectFrom('source_file').select('id').where('superseded_by', '=', id).where('status', '=', 'superseded').orderBy('id', 'desc').executeTakeFirst();
    return row?.id ?? null;
  }

  async fileIssues(fileId: number): Promise<Selectable<IngestIssueTable>[]> {
    return this.db.selectFrom('ingest_issue').selectAll().where('source_file_id', '=', fileId).orderBy('id').execute();
  }

  // ── rows ──────────────────────────────────────────────────────────────

  async insertFacts(trx: Transaction<DB>, rows: FactRows): Promise<void> {
    for (const table of FACT_TABLES) await this.database.append(trx, table, rows[table] as Record<string, unknown>[]);
  }

  async insertIssues(trx: Transaction<DB>, rows: Insertable<IngestIssueTable>[]): Promise<void> {
    await this.database.append(trx, 'ingest_issue', rows as Record<string, unknown>[]);
  }

  /** Ids drawn from a sequence ahead of an insert, so related rows can point at them. */
  nextIds(trx: Executor, sequence: 'record_id_seq' | 'model_id_seq' | 'source_file_id_seq', count: number): Promise<number[]> {
    return this.database.takeIds(trx, sequence, count);
  }

  /** Ids of a file's rows by record key, per table (review items point at them). */
  async rowIds(trx: Executor, fileId: number): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    for (const table of FACT_TABLES) {
      const rows = await trx.selectFrom(table).select(['id', 'record_key']).where('source_file_id', '=', fileId).execute();
      for (const row of rows) out.set(`${table}:${row.record_key}`, row.id);
    }
    return out;
  }

  /** Every stored row of these files (one statement per table however many files: each scans its table). */
  async deleteContents(trx: Executor, fileIds: readonly number[]): Promise<void> {
    if (fileIds.length === 0) return;
    const ids = inList(fileIds);
    for (const table of FACT_TABLES) await trx.deleteFrom(table).where('source_file_id', 'in', ids).execute();
    await trx.deleteFrom('ingest_issue').where('source_file_id', 'in', ids).execute();
    await trx.deleteFrom('review_item').where('source_file_id', 'in', ids).execute();
  }

  async countRows(db: Executor, fileId: number): Promise<Record<FactTable, number>> {
    const out = {} as Record<FactTable, number>;
    for (const table of FACT_TABLES) {
      const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('source_file_id', '=', fileId).executeTakeFirstOrThrow();
      out[table] = Number(row.n);
    }
    return out;
  }

  async rowsOf(table: FactTable, fileId: number, limit: number, offset: number): Promise<Record<string, unknown>[]> {
    return this.db.selectFrom(table).selectAll().where('source_file_id', '=', fileId).orderBy('id').limit(limit).offset(offset).execute() as Promise<Record<string, unknown>[]>;
  }

  findRow(db: Executor, table: FactTable, id: number): Promise<Record<string, unknown> | undefined> {
    return db.selectFrom(table).selectAll().where('id', '=', id).executeTakeFirst() as Promise<Record<string, unknown> | undefined>;
  }

  async updateRow(trx: Executor, table: FactTable, id: number, patch: Record<string, unknown>): Promise<void> {
    await trx.updateTable(table).set(patch as never).where('id', '=', id).execute();
  }

  async deleteRow(trx: Executor, table: FactTable, id: number): Promise<void> {
    await trx.deleteFrom(table).where('id', '=', id).execute();
  }

  async setFileUnit(trx: Executor, fileId: number, unitId: number): Promise<void> {
    for (const table of FACT_TABLES) await trx.updateTable(table).set({ unit_id: unitId }).where('source_file_id', '=', fileId).execute();
    for (const table of ['registration', 'recognition', 'exemplar'] as const) {
      await trx.updateTable(table).set({ owner_unit_id: unitId }).where('source_file_id', '=', fileId).where('owner_method', '=', 'issuer').execute();
    }
  }

  /**
   * Loaded registrations of these models in these same years: only what may
   * count a model twice comes back, not every year of every model (a batch of
   * older lists would bring back each model's later registrations for nothing).
   */
  async registrationsOfModelYears(trx: Executor, modelYears: readonly { model_id: number; year: number }[], exceptFileIds: number[]): Promise<{ model_id: number | null; year: number | null; file_name: string; source_file_id: number }[]> {
    if (modelYears.length === 0) return [];
    const wanted = integerTable({ model_id: modelYears.map((m) => m.model_id), year: modelYears.map((m) => m.year) });
    return trx
      .selectFrom('registration')
      .innerJoin(wanted.as('wanted'), (join) => join.onRef('wanted.model_id', '=', 'registration.model_id').onRef('wanted.year', '=', 'registration.year'))
      .innerJoin('source_file', 'source_file.id', 'registration.source_file_id')
      .select(['registration.model_id', 'registration.year', 'source_file.file_name', 'registration.source_file_id'])
      .where('source_file.status', '=', 'loaded')
      .$if(exceptFileIds.length > 0, (q) => q.where('registration.source_file_id', 'not in', inList(exceptFileIds)))
      .execute();
  }

  // ── models ────────────────────────────────────────────────────────────

  /** Models of these folded names, joined to the file each was created from. */
  private modelsNamed(trx: Executor, keys: string[]) {
    return trx.selectFrom('model').leftJoin('source_file', 'source_file.id', 'model.created_from').where('model.folded_name', 'in', inList(keys));
  }

  /**
   * The models a group's rows may continue: same folded name, and owned by one
   * of the given units (their lineage lines), or — for owners not in the
   * registry — created from a file of the same issuing unit. Bounded by the
   * owners, not by how many communes use the same model name.
   */
  modelsForIdentity(trx: Executor, keys: string[], ownerIds: number[], issuerIds: number[], issuerTexts: string[]): Promise<ModelIdentity[]> {
    if (keys.length === 0) return Promise.resolve([]);
    // Only the columns identity needs, and written names only where no registry owner decides: a batch into a
    // filled store reads back tens of thousands of models, and their strings were most of what it allocated.
    return this.modelsNamed(trx, keys)
      .select((eb) => ['model.id', 'model.folded_name', 'model.owner_unit_id', 'model.first_year', 'source_file.unit_id as creator_unit_id',
        eb.case().when('model.owner_unit_id', 'is', null).then(eb.ref('model.owner_text')).end().as('owner_text'),
        eb.case().when('model.owner_unit_id', 'is', null).then(eb.ref('source_file.unit_text')).end().as('creator_unit_text')])
      .where((eb) => eb.or([
        ...(ownerIds.length > 0 ? [eb('model.owner_unit_id', 'in', inList(ownerIds))] : []),
        eb.and([
          eb('model.owner_unit_id', 'is', null),
          eb.or([
            ...(issuerIds.length > 0 ? [eb('source_file.unit_id', 'in', inList(issuerIds))] : []),
            ...(issuerTexts.length > 0 ? [eb('source_file.unit_text', 'in', inList(issuerTexts))] : []),
            eb('source_file.unit_text', 'is', null),
          ]),
        ]),
      ]))
      .orderBy('model.id')
      .execute();
  }

  /**
   * Models of these names first seen before `beforeYear` whose home is among
   * the given units' (model-homes.ts): owned by one of the units, or, without
   * a registry owner, created from a file one of them sent, or without either,
   * from a file of one of these written issuers. What a "continued" row
   * without a match may mean. `belowId`: only models stored before the ones
   * the caller's group just inserted.
   */
  namesakeModels(trx: Executor, keys: string[], beforeYear: number, unitIds: number[], issuerTexts: string[], belowId: number | null): Promise<ModelWithCreator[]> {
    if (keys.length === 0 || (unitIds.length === 0 && issuerTexts.length === 0)) return Promise.resolve([]);
    return this.modelsNamed(trx, keys)
      .selectAll('model')
      .select(['source_file.unit_id as creator_unit_id', 'source_file.unit_text as creator_unit_text'])
      .where('model.first_year', '<', beforeYear)
      .$if(belowId !== null, (q) => q.where('model.id', '<', belowId!))
      // One IN over the unit that decides the home: two ORed IN lists cost a join each.
      .where((eb) => eb.or([
        ...(unitIds.length > 0 ? [eb(eb.fn.coalesce('model.owner_unit_id', 'source_file.unit_id'), 'in', inList(unitIds))] : []),
        ...(issuerTexts.length > 0 ? [eb.and([eb('model.owner_unit_id', 'is', null), eb('source_file.unit_id', 'is', null), eb('source_file.unit_text', 'in', inList(issuerTexts))])] : []),
      ]))
      .execute();
  }

  async insertModels(trx: Transaction<DB>, rows: Insertable<ModelTable>[]): Promise<void> {
    await this.database.append(trx, 'model', rows as Record<string, unknown>[]);
  }

  /**
   * Lowers models' first year where a file shows them earlier (an archive
   * loaded after later years). One statement for the whole group: one UPDATE
   * per model cost about a millisecond each, 16 s for 16,000 models.
   */
  async setModelFirstYears(trx: Executor, years: ReadonlyMap<number, number>): Promise<void> {
    if (years.size === 0) return;
    const v = integerTable({ id: [...years.keys()], year: [...years.values()] });
    await sql`update model set first_year = v.year from ${v} as v
      where model.id = v.id and (model.first_year is null or model.first_year > v.year)`.execute(trx);
  }

  findModel(db: Executor, id: number): Promise<ModelRow | undefined> {
    return db.selectFrom('model').selectAll().where('id', '=', id).executeTakeFirst();
  }

  // ── review and corrections ───────────────────────────────────────────

  async insertReviewItems(trx: Transaction<DB>, rows: Insertable<ReviewItemTable>[]): Promise<void> {
    await this.database.append(trx, 'review_item', rows as Record<string, unknown>[]);
  }

  async listReview(filter: ReviewFilter): Promise<{ items: (ReviewRow & { file_name: string; sha256: string; file_status: string })[]; total: number }> {
    let query = this.db.selectFrom('review_item').innerJoin('source_file', 'source_file.id', 'review_item.source_file_id')
      .where('source_file.status', 'in', ['loaded', 'needs_review']);
    if (filter.visible) query = query.where(visibleFile('source_file', filter.visible));
    if (filter.state) query = query.where('review_item.state', '=', filter.state);
    if (filter.reason) query = query.where('review_item.reason', '=', filter.reason);
    if (filter.fileId) query = query.where('review_item.source_file_id', '=', filter.fileId);
    const total = await query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const items = await query
      .selectAll('review_item')
      .select(['source_file.file_name', 'source_file.sha256', 'source_file.status as file_status'])
      .orderBy('review_item.id')
      .limit(filter.limit)
      .offset(filter.offset)
      .execute();
    return { items, total: Number(total.n) };
  }

  findReview(db: Executor, id: number): Promise<ReviewRow | undefined> {
    return db.selectFrom('review_item').selectAll().where('id', '=', id).executeTakeFirst();
  }

  async openReviewOf(db: Executor, fileId: number, recordType: string, recordKey: string): Promise<ReviewRow[]> {
    return db.selectFrom('review_item').selectAll().where('source_file_id', '=', fileId).where('record_type', '=', recordType)
      .where('record_key', '=', recordKey).where('state', '=', 'open').execute();
  }

  async resolveReview(trx: Executor, ids: number[], state: string, by: string | null): Promise<void> {
    if (ids.length === 0) return;
    await trx.updateTable('review_item').set({ state, resolved_by: by, resolved_at: new Date() }).where('id', 'in', ids).execute();
  }

  /**
   * Cross-file "counted twice?" doubts that named one of these files (now
   * superseded or deleted), or any file ('all': the sweep when the server
   * starts), and name no file that still counts: withdrawn, and their rows'
   * review state follows.
   */
  async withdrawStaleDuplicates(trx: Executor, gone: readonly number[] | 'all'): Promise<void> {
    const items = await this.duplicateDoubtsNaming(trx, 'open', gone);
    if (items.length === 0) return;
    const named = [...new Set(items.flatMap((i) => i.fileIds))];
    const counting = new Set((await trx.selectFrom('source_file').select('id').where('id', 'in', inList(named)).where('status', '=', 'loaded').execute()).map((f) => f.id));
    const stale = items.filter((i) => !i.fileIds.some((id) => counting.has(id)));
    if (stale.length === 0) return;
    await trx.updateTable('review_item').set({ state: 'withdrawn', resolved_by: WITHDRAWN_BY, resolved_at: new Date() })
      .where('id', 'in', inList(stale.map((i) => i.id))).execute();
    await this.refreshReviewStates(trx, stale);
  }

  /**
   * Withdraws "maybe an earlier model" doubts that a later-loaded older file
   * has answered: the row's own model turned out to be older than the row
   * (the same owner's earlier list arrived after it), so the row continues it.
   * `modelIds`: the stored models whose first year a group just lowered.
   */
  async withdrawAnsweredModelMatches(trx: Executor, modelIds: readonly number[]): Promise<void> {
    if (modelIds.length === 0) return;
    const items = await trx.selectFrom('review_item')
      .innerJoin('registration', 'registration.id', 'review_item.record_id')
      .innerJoin('model', 'model.id', 'registration.model_id')
      .select(['review_item.id', 'review_item.source_file_id', 'review_item.record_type', 'review_item.record_key', 'review_item.record_id'])
      .where('review_item.state', '=', 'open').where('review_item.reason', '=', 'possible_model_match').where('review_item.record_type', '=', 'registration')
      .where('model.id', 'in', inList(modelIds))
      .whereRef('model.first_year', '<', 'registration.year')
      .execute();
    if (items.length === 0) return;
    await trx.updateTable('review_item').set({ state: 'withdrawn', resolved_by: ANSWERED_BY, resolved_at: new Date() })
      .where('id', 'in', inList(items.map((i) => i.id))).execute();
    await this.refreshReviewStates(trx, items);
  }

  /** The reverse, when one of these files counts again (restored): its withdrawn doubts on loaded files open again. */
  async reopenDuplicates(trx: Executor, back: readonly number[]): Promise<void> {
    const items = (await this.duplicateDoubtsNaming(trx, 'withdrawn', back)).filter((i) => i.file_status === 'loaded');
    if (items.length === 0) return;
    await trx.updateTable('review_item').set({ state: 'open', resolved_by: null, resolved_at: null }).where('id', 'in', inList(items.map((i) => i.id))).execute();
    await this.refreshReviewStates(trx, items);
  }

  private async duplicateDoubtsNaming(trx: Executor, state: 'open' | 'withdrawn', fileIds: readonly number[] | 'all') {
    if (fileIds !== 'all' && fileIds.length === 0) return [];
    const naming = fileIds === 'all'
      ? sql<boolean>`json_extract(review_item.detail, '$.fileIds') is not null`
      : sql<boolean>`list_has_any(json_extract(review_item.detail, '$.fileIds')::INTEGER[], from_json(${JSON.stringify(fileIds)}, '["INTEGER"]'))`;
    const rows = await trx.selectFrom('review_item').innerJoin('source_file', 'source_file.id', 'review_item.source_file_id')
      .select(['review_item.id', 'review_item.source_file_id', 'review_item.record_type', 'review_item.record_key', 'review_item.record_id', 'review_item.detail', 'source_file.status as file_status'])
      .where('review_item.state', '=', state).where('review_item.reason', '=', 'possible_duplicate')
      .where(naming)
      .execute();
    return rows.map(({ detail, ...row }) => ({ ...row, fileIds: ((detail as { fileIds?: number[] } | null)?.fileIds ?? []) }));
  }

  /**
   * The review state of these items' rows, from all their items, as a load
   * sets it: pending while one is open; corrected when a decision or a stored
   * correction changed a value; confirmed when decided; ok without doubts.
   */
  async refreshReviewStates(trx: Executor, items: readonly { source_file_id: number; record_type: string; record_key: string; record_id: number | null }[]): Promise<void> {
    const rows = items.filter((i) => i.record_id !== null && i.record_type !== 'file' && i.record_type !== 'report');
    if (rows.length === 0) return;
    const fileIds = [...new Set(rows.map((r) => r.source_file_id))];
    const all = await trx.selectFrom('review_item').select(['source_file_id', 'record_type', 'record_key', 'state'])
      .where('source_file_id', 'in', inList(fileIds)).where('state', '<>', 'withdrawn').execute();
    const changed = await trx.selectFrom('correction').innerJoin('source_file', 'source_file.sha256', 'correction.sha256')
      .select(['source_file.id as source_file_id', 'correction.record_type', 'correction.record_key'])
      .where('source_file.id', 'in', inList(fileIds)).where('correction.field', 'not like', `${REVIEW_FIELD_PREFIX}%`).where('correction.field', '<>', REJECT_FIELD).execute();
    const keyOf = (r: { source_file_id: number; record_type: string; record_key: string }) => `${r.source_file_id}/${r.record_type}/${r.record_key}`;
    const states = new Map<string, Set<string>>();
    for (const item of all) {
      let set = states.get(keyOf(item));
      if (!set) states.set(keyOf(item), (set = new Set()));
      set.add(item.state);
    }
    const valuesChanged = new Set(changed.map(keyOf));
    const next = (key: string): string => rowReviewState(states.get(key) ?? new Set(), valuesChanged.has(key));
    for (const type of ['registration', 'recognition', 'exemplar'] as const) {
      const patches = rows.filter((r) => r.record_type === type).map((r) => ({ id: r.record_id!, state: next(keyOf(r)) }));
      if (patches.length === 0) continue;
      await sql`update ${sql.table(type)} set review_state = v.state
        from (select unnest(from_json(${JSON.stringify(patches)}, ${sql.lit(REVIEW_STATE_TYPE)}), recursive := true)) as v
        where ${sql.ref(`${type}.id`)} = v.id`.execute(trx);
    }
  }

  async countOpenReview(db: Executor, fileId: number): Promise<number> {
    const row = await db.selectFrom('review_item').select((eb) => eb.fn.countAll<number>().as('n')).where('source_file_id', '=', fileId).where('state', '=', 'open').executeTakeFirstOrThrow();
    return Number(row.n);
  }

  correctionsForShas(db: Executor, shas: string[]): Promise<CorrectionRow[]> {
    if (shas.length === 0) return Promise.resolve([]);
    return db.selectFrom('correction').selectAll().where('sha256', 'in', inList([...new Set(shas)])).orderBy('id').execute();
  }

  correctionsFor(db: Executor, sha256: string): Promise<CorrectionRow[]> {
    return db.selectFrom('correction').selectAll().where('sha256', '=', sha256).orderBy('id').execute();
  }

  async insertCorrections(trx: Executor, rows: Insertable<DB['correction']>[]): Promise<void> {
    if (rows.length > 0) await trx.insertInto('correction').values(rows).execute();
  }

  async audit(db: Executor, action: string, target: string, detail: Record<string, unknown>, username: string | null): Promise<void> {
    await db.insertInto('audit_log').values({ action, target, detail: JSON.stringify(detail), username, user_id: null, ip: null }).execute();
  }

  // ── batches and jobs ─────────────────────────────────────────────────

  async insertBatch(trx: Executor, origin: string, createdBy: string | null, fileCount: number): Promise<number> {
    const row = await trx.insertInto('upload_batch').values({ origin, created_by: createdBy, file_count: fileCount }).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** A batch's jobs through the appender; their ids ascend in the given (upload) order. */
  async insertJobs(trx: Transaction<DB>, rows: Insertable<IngestJobTable>[]): Promise<number[]> {
    const ids = await this.database.takeIds(trx, 'ingest_job_id_seq', rows.length);
    await this.database.append(trx, 'ingest_job', rows.map((row, i) => ({ ...row, id: ids[i] })));
    return ids;
  }

  findBatch(id: number): Promise<Selectable<DB['upload_batch']> | undefined> {
    return this.db.selectFrom('upload_batch').selectAll().where('id', '=', id).executeTakeFirst();
  }

  jobsOfBatch(batchId: number): Promise<JobRow[]> {
    return this.db.selectFrom('ingest_job').selectAll().where('batch_id', '=', batchId).orderBy('id').execute();
  }

  findJobs(db: Executor, ids: number[]): Promise<JobRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('ingest_job').selectAll().where('id', 'in', inList(ids)).orderBy('id').execute();
  }

  async updateJob(db: Executor, id: number, patch: Updateable<IngestJobTable>): Promise<void> {
    await db.updateTable('ingest_job').set(patch).where('id', '=', id).execute();
  }

  /**
   * Final states of jobs, many in one statement; each counts as one more
   * attempt. The rows travel as one JSON parameter: eleven parameters per job
   * would each be bound and planned.
   */
  async updateJobs(db: Executor, patches: ({ id: number } & Updateable<IngestJobTable>)[]): Promise<void> {
    if (patches.length === 0) return;
    const rows = JSON.stringify(patches.map((p) => ({
      id: p.id, state: p.state, progress: p.progress ?? 100, message: p.message ?? null, errors: p.errors ?? null,
      source_file_id: p.source_file_id ?? null, duplicate: p.duplicate ?? false, record_count: p.record_count ?? 0,
      review_count: p.review_count ?? 0, started_at: p.started_at ?? null, finished_at: p.finished_at ?? null,
    })));
    await sql`update ingest_job set state = v.state, progress = v.progress, message = v.message, errors = v.errors::json,
        source_file_id = v.source_file_id, duplicate = v.duplicate, record_count = v.record_count, review_count = v.review_count,
        started_at = coalesce(v.started_at, ingest_job.started_at), finished_at = v.finished_at, attempts = ingest_job.attempts + 1
      from (select unnest(from_json(${rows}, ${sql.lit(JOB_PATCH_TYPE)}), recursive := true)) as v
      where ingest_job.id = v.id`.execute(db);
  }

  /** Jobs left unfinished by a stopped process: back to queued, in order. */
  async requeueUnfinished(): Promise<(JobRow & { origin: string })[]> {
    await this.db.updateTable('ingest_job').set({ state: 'queued', progress: 0 }).where('state', 'in', ['queued', 'reading']).execute();
    return this.db.selectFrom('ingest_job').innerJoin('upload_batch', 'upload_batch.id', 'ingest_job.batch_id')
      .selectAll('ingest_job').select('upload_batch.origin').where('ingest_job.state', '=', 'queued').orderBy('ingest_job.id').execute();
  }

  /**
   * Loaded files with rows still waiting for a unit (an owner or the issuing
   * unit the registry did not know when they were read), whose raw bytes are
   * kept: what reading again resolves once the office has imported its unit
   * list or confirmed names.
   */
  filesWaitingForUnits(visible?: Visibility): Promise<SourceFile[]> {
    return this.db.selectFrom('source_file').selectAll()
      .where('status', '=', 'loaded').where('purged_at', 'is', null)
      .where('id', 'in', (eb) => eb.selectFrom('review_item').select('source_file_id')
        .where('state', '=', 'open').where('reason', 'in', ['unresolved_owner', 'unresolved_unit']))
      .$if(visible !== undefined, (qb) => qb.where(visibleFile('source_file', visible!)))
      .orderBy('id').execute();
  }

  recentBatches(limit: number, visible?: Visibility): Promise<Selectable<DB['upload_batch']>[]> {
    return this.db.selectFrom('upload_batch').selectAll().$if(visible !== undefined, (qb) => qb.where(visibleBatch('upload_batch', visible!)))
      .orderBy('id', 'desc').limit(limit).execute();
  }

  async failedJobsOfBatch(batchId: number): Promise<JobRow[]> {
    return this.db.selectFrom('ingest_job').selectAll().where('batch_id', '=', batchId).where('state', '=', 'failed').orderBy('id').execute();
  }

  // ── summary ──────────────────────────────────────────────────────────

  async summary(visible?: Visibility): Promise<StoreSummary> {
    const seen = (alias: string) => (visible ? visibleFile(alias, visible) : sql<boolean>`true`);
    const files = await this.db
      .selectFrom('source_file')
      .where(seen('source_file'))
      .select((eb) => [
        eb.fn.countAll<number>().as('files'),
        eb.fn.count<number>('id').filterWhere('status', '=', 'loaded').as('filesLoaded'),
        eb.fn.count<number>('id').filterWhere('status', '=', 'superseded').as('filesSuperseded'),
        eb.fn.count<number>('id').filterWhere('status', '=', 'deleted').as('filesDeleted'),
      ])
      .executeTakeFirstOrThrow();
    const failed = await this.db.selectFrom('ingest_job').select((eb) => eb.fn.count<number>('sha256').distinct().as('n')).where('state', '=', 'failed')
      .where('sha256', 'not in', this.db.selectFrom('source_file').select('sha256'))
      .$if(visible !== undefined, (qb) => qb.where('batch_id', 'in', this.db.selectFrom('upload_batch').select('id').where(visibleBatch('upload_batch', visible!)))).executeTakeFirstOrThrow();
    const live = async (table: FactTable) => {
      const row = await this.db
        .selectFrom(table)
        .innerJoin('source_file', 'source_file.id', `${table}.source_file_id`)
        .where('source_file.status', '=', 'loaded')
        .where(seen('source_file'))
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    };
    const review = await this.db.selectFrom('review_item').innerJoin('source_file', 'source_file.id', 'review_item.source_file_id')
      .where('source_file.status', '=', 'loaded').where('review_item.state', '=', 'open').where(seen('source_file'))
      .select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return {
      files: Number(files.files),
      filesLoaded: Number(files.filesLoaded),
      filesFailed: Number(failed.n),
      filesSuperseded: Number(files.filesSuperseded),
      filesDeleted: Number(files.filesDeleted),
      registrations: await live('registration'),
      recognitions: await live('recognition'),
      exemplars: await live('exemplar'),
      reports: await live('report_figure'),
      reviewOpen: Number(review.n),
    };
  }

  /** Consistency probe: rows whose file is missing, and files whose row count differs from record_count. */
  async consistency(): Promise<{ orphanRows: number; mismatchedFiles: number }> {
    let orphanRows = 0;
    for (const table of FACT_TABLES) {
      const row = await this.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n'))
        .where('source_file_id', 'not in', this.db.selectFrom('source_file').select('id')).executeTakeFirstOrThrow();
      orphanRows += Number(row.n);
    }
    const mismatched = await sql<{ n: number }>`
      select count(*)::integer as n from source_file f
       where f.status in ('loaded', 'superseded')
         and f.record_count <> (select count(*) from registration r where r.source_file_id = f.id)
                              + (select count(*) from recognition r where r.source_file_id = f.id)
                              + (select count(*) from exemplar r where r.source_file_id = f.id)
                              + (select count(*) from report_figure r where r.source_file_id = f.id)`.execute(this.db);
    return { orphanRows, mismatchedFiles: mismatched.rows[0]?.n ?? 0 };
  }
}
