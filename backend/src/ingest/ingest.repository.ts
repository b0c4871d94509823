import { Inject, Injectable } from '@nestjs/common';
import type { FileResult, EtlRecord } from '@dvk/etl';
import type { Insertable, Kysely, Transaction } from 'kysely';
import { Database } from '../db/database.js';
import type { DB, NewSourceFile, SourceFile } from '../db/schema.js';

export interface StoreSummary {
  files: number;
  filesLoaded: number;
  filesFailed: number;
  registrations: number;
  recognitions: number;
  exemplars: number;
  reports: number;
}

/** All SQL for source files, their records and their ETL issues. */
@Injectable()
export class IngestRepository {
  constructor(@Inject(Database) private readonly database: Database) {}

  private get db(): Kysely<DB> {
    return this.database.db;
  }

  findBySha(sha256: string): Promise<SourceFile | undefined> {
    return this.db.selectFrom('source_file').selectAll().where('sha256', '=', sha256).executeTakeFirst();
  }

  listFiles(limit = 100, offset = 0): Promise<SourceFile[]> {
    return this.db.selectFrom('source_file').selectAll().orderBy('id', 'desc').limit(limit).offset(offset).execute();
  }

  transaction<T>(work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }

  async insertFile(trx: Transaction<DB>, file: NewSourceFile): Promise<number> {
    const row = await trx.insertInto('source_file').values(file).returning('id').executeTakeFirstOrThrow();
    return row.id;
  }

  /** Stores a file's records and issues; runs inside the caller's transaction. */
  async insertContents(trx: Transaction<DB>, sourceFileId: number, result: FileResult): Promise<void> {
    const byType = groupRecords(result.records);
    for (const chunk of chunks(byType.registration, 500)) {
      await trx.insertInto('registration').values(chunk.map((r) => ({
        source_file_id: sourceFileId,
        year: r.year ?? result.year,
        unit_id: null,
        model_id: null,
        model_name: r.model_name,
        field: r.field,
        field_inferred: r.field_inferred,
        owner: r.owner,
        owner_unit_id: null,
        owner_type: r.owner_type,
        status: r.status,
        start_date: r.start_date,
        end_date: r.end_date,
        launch_date: r.launch_date,
        location: r.location,
        person_in_charge: r.person_in_charge,
        goal: r.goal,
        content: r.content,
        note: r.note,
        extra: JSON.stringify(r.extra ?? {}),
        source: JSON.stringify(r.source),
      }))).execute();
    }
    for (const chunk of chunks(byType.recognition, 500)) {
      await trx.insertInto('recognition').values(chunk.map((r) => ({
        source_file_id: sourceFileId,
        year: r.year ?? result.year,
        unit_id: null,
        model_id: null,
        model_name: r.model_name,
        owner: r.owner,
        owner_unit_id: null,
        field: r.field,
        level: r.level,
        decision_no: r.decision_no,
        decision_date: r.decision_date,
        extra: JSON.stringify(r.extra ?? {}),
        source: JSON.stringify(r.source),
      }))).execute();
    }
    for (const chunk of chunks(byType.exemplar, 500)) {
      await trx.insertInto('exemplar').values(chunk.map((r) => ({
        source_file_id: sourceFileId,
        year: r.year ?? result.year,
        unit_id: null,
        model_id: null,
        name: r.name,
        exemplar_type: r.exemplar_type,
        position: r.position,
        unit_text: r.unit,
        owner_unit_id: null,
        model_name: r.model_name,
        award: r.award,
        level: r.level,
        extra: JSON.stringify(r.extra ?? {}),
        source: JSON.stringify(r.source),
      }))).execute();
    }
    for (const chunk of chunks(byType.report, 500)) {
      await trx.insertInto('report_figure').values(chunk.map((r) => ({
        source_file_id: sourceFileId,
        year: r.year ?? result.year,
        unit_id: null,
        period: r.period,
        models_registered: r.models_registered,
        models_new: r.models_new,
        models_continued: r.models_continued,
        models_replicated: r.models_replicated,
        recognized_commune: r.recognized_commune,
        recognized_district: r.recognized_district,
        recognized_province: r.recognized_province,
        exemplars_collective: r.exemplars_collective,
        exemplars_individual: r.exemplars_individual,
        extra: JSON.stringify(r.extra ?? {}),
        source: JSON.stringify(r.source),
      }))).execute();
    }
    for (const chunk of chunks(result.issues, 500)) {
      await trx.insertInto('ingest_issue').values(chunk.map((issue) => ({
        source_file_id: sourceFileId,
        severity: issue.severity,
        code: issue.code,
        message: issue.message,
        sheet: issue.sheet ?? null,
        row: issue.row ?? null,
        column: issue.column ?? null,
        value: issue.value ?? null,
      }))).execute();
    }
  }

  async summary(): Promise<StoreSummary> {
    const files = await this.db
      .selectFrom('source_file')
      .select((eb) => [
        eb.fn.countAll<number>().as('files'),
        eb.fn.count<number>('id').filterWhere('status', '=', 'loaded').as('filesLoaded'),
        eb.fn.count<number>('id').filterWhere('status', '=', 'failed').as('filesFailed'),
      ])
      .executeTakeFirstOrThrow();
    const live = (table: 'registration' | 'recognition' | 'exemplar' | 'report_figure') =>
      this.db
        .selectFrom(table)
        .innerJoin('source_file', 'source_file.id', `${table}.source_file_id`)
        .where('source_file.status', '=', 'loaded')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
        .then((r) => Number(r.n));
    return {
      files: Number(files.files),
      filesLoaded: Number(files.filesLoaded),
      filesFailed: Number(files.filesFailed),
      registrations: await live('registration'),
      recognitions: await live('recognition'),
      exemplars: await live('exemplar'),
      reports: await live('report_figure'),
    };
  }
}

type ByType = { [K in EtlRecord['type']]: Extract<EtlRecord, { type: K }>[] };

function groupRecords(records: EtlRecord[]): ByType {
  const out: ByType = { registration: [], recognition: [], exemplar: [], report: [] };
  for (const record of records) (out[record.type] as EtlRecord[]).push(record);
  return out;
}

function* chunks<T>(items: T[], size: number): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

export type NewRow<T extends keyof DB> = Insertable<DB[T]>;
