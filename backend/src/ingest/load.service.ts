import { Inject, Injectable, Logger } from '@nestjs/common';
import type { FileResult } from '@dvk/etl';
import type { Insertable, Transaction, Updateable } from 'kysely';
import type { DB, IngestIssueTable, IngestJobTable, ReviewItemTable, SourceFile, SourceFileTable } from '../db/schema.js';
import type { UnitRegistry } from '../units/registry.js';
import { UnitsService } from '../units/units.service.js';
import { IngestRepository, type CorrectionRow, type FactRows } from './ingest.repository.js';
import { ModelCandidates, Namesakes } from './model-candidates.js';
import { ModelHomes } from './model-homes.js';
import { ModelLinker } from './model-links.js';
import { describeSource, prepareFile, type PreparedFile } from './prepare.js';
import { push } from '../common/multimap.js';
import { rowReviewState } from './corrections.js';

export interface LoadInput {
  sha256: string;
  fileName: string;
  sizeBytes: number;
  result: FileResult;
  batchId: number | null;
  jobId: number | null;
  /** 'upload': the same bytes already stored change nothing. 'reload': replace the file's rows from a fresh reading. */
  mode: 'upload' | 'reload';
  /** Units the uploading account may file data under (its subtree); absent: no limit (admin of the whole store, seed, CLI). */
  allowedUnits?: ReadonlySet<number> | undefined;
  /** When its reading began (kept on the job with the outcome). */
  startedAt?: Date | undefined;
}

export type LoadOutcome =
  | { state: 'loaded' | 'needs_review'; sourceFileId: number; duplicate: boolean; records: number; reviewOpen: number; superseded: number[] }
  | { state: 'failed'; message: string; errors: { code: string; message: string; sheet?: string | null; row?: number | null; column?: string | null }[] };

/** One file of a group while it is being written. */
interface Work {
  input: LoadInput;
  existing: SourceFile | undefined;
  prepared: PreparedFile;
  fileId: number;
  modelIds: (number | null)[];
  versions: number[];
  /** A stored file read again while a newer version counts: that version, which supersedes it. */
  replacedBy: number | null;
}

/**
 * Loads files' readings into the store. Each file loads whole or not at all:
 * a group of files read at the same time is written in one transaction (one
 * commit instead of one per file, and one statement per table for the whole
 * group); if the group fails, each file is written again in a transaction of
 * its own, so one bad file never takes the others with it. Resolves units,
 * links models across years, re-applies earlier corrections, queues doubts
 * for review, supersedes older versions.
 */
@Injectable()
export class LoadService {
  private readonly logger = new Logger(LoadService.name);

  constructor(
    @Inject(IngestRepository) private readonly repository: IngestRepository,
    @Inject(UnitsService) private readonly units: UnitsService,
  ) {}

  /** A reading that cannot be stored: the job fails with the ETL's own words. */
  unusable(input: Pick<LoadInput, 'fileName' | 'result'>): Extract<LoadOutcome, { state: 'failed' }> | null {
    const { result, fileName } = input;
    if (result.records.length > 0) return null;
    const errors = result.issues.filter((i) => i.severity === 'error');
    if (errors.length === 0 && result.kind !== 'unknown') return null;
    return {
      state: 'failed',
      message: errors[0]?.message ?? `Tệp “${fileName}”: không nhận ra danh sách đăng ký, công nhận, điển hình hay báo cáo kết quả nào.`,
      errors: (errors.length > 0 ? errors : result.issues).map((i) => ({ code: i.code, message: i.message, sheet: i.sheet ?? null, row: i.row ?? null, column: i.column ?? null })),
    };
  }

  /** One file in its own transaction; a database error propagates (the caller fails the job). */
  async load(input: LoadInput): Promise<LoadOutcome> {
    const registry = await this.units.registry();
    const failed = this.unusable(input) ?? this.outsideScope(input, registry);
    if (failed) {
      if (input.jobId !== null) await this.repository.updateJobs(this.repository.db, [jobPatch(input.jobId, failed, null, input.startedAt)]);
      return failed;
    }
    return (await this.repository.transaction((trx) => this.writeGroup(trx, [input], registry)))[0]!;
  }

  /**
   * Several files, in order, as if loaded one after another. Never throws for
   * one file's database error: that file's outcome is 'failed' and nothing of
   * it is stored; the others load.
   */
  async loadMany(inputs: LoadInput[]): Promise<LoadOutcome[]> {
    const outcomes: (LoadOutcome | null)[] = inputs.map((input) => this.unusable(input));
    if (inputs.some((input) => input.allowedUnits !== undefined)) {
      const registry = await this.units.registry();
      inputs.forEach((input, i) => (outcomes[i] ??= this.outsideScope(input, registry)));
    }
    const failedJobs = inputs.flatMap((input, i) => (outcomes[i] && input.jobId !== null ? [jobPatch(input.jobId, outcomes[i]!, null, input.startedAt)] : []));
    if (failedJobs.length > 0) await this.repository.updateJobs(this.repository.db, failedJobs);
    const usable = inputs.filter((_, i) => outcomes[i] === null);
    if (usable.length > 0) {
      const registry = await this.units.registry();
      let written: LoadOutcome[];
      try {
        written = await this.repository.transaction((trx) => this.writeGroup(trx, usable, registry));
      } catch (error) {
        if (usable.length === 1) written = [await this.failWrite(usable[0]!, error)];
        else {
          // One file spoiled the group: write each on its own so only that one fails.
          written = [];
          for (const input of usable) {
            try {
              written.push((await this.repository.transaction((trx) => this.writeGroup(trx, [input], registry)))[0]!);
            } catch (single) {
              written.push(await this.failWrite(input, single));
            }
          }
        }
      }
      let k = 0;
      for (let i = 0; i < outcomes.length; i++) if (outcomes[i] === null) outcomes[i] = written[k++]!;
    }
    return outcomes as LoadOutcome[];
  }

  /**
   * A file whose issuing unit lies outside the uploader's subtree is refused
   * before anything is written: a commune cannot file (or supersede) another
   * commune's data. An unresolved unit loads and waits for review as usual.
   */
  private outsideScope(input: LoadInput, registry: UnitRegistry): Extract<LoadOutcome, { state: 'failed' }> | null {
    if (!input.allowedUnits) return null;
    const { unitId } = prepareFile(input.result, input.fileName, registry, []);
    if (unitId === null || input.allowedUnits.has(unitId)) return null;
    const message = `Tệp “${input.fileName}” là của “${input.result.unit ?? 'đơn vị khác'}”, ngoài phạm vi đơn vị của tài khoản tải lên; tệp không được nạp. Hãy để chính đơn vị đó hoặc cấp trên tải lên.`;
    return { state: 'failed', message, errors: [{ code: 'OUT_OF_SCOPE', message }] };
  }

  private async failWrite(input: LoadInput, error: unknown): Promise<LoadOutcome> {
    this.logger.error({ err: error, file: input.fileName }, 'load failed');
    const outcome: LoadOutcome = {
      state: 'failed',
      // The database's own words stay in the server log (logged above): they can name tables, columns and values.
      message: `Tệp “${input.fileName}”: lỗi khi ghi vào cơ sở dữ liệu; không dòng nào của tệp được lưu. Hãy thử lại, hoặc báo cho quản trị viên nếu lỗi lặp lại.`,
      errors: [],
    };
    if (input.jobId !== null) await this.repository.updateJobs(this.repository.db, [jobPatch(input.jobId, outcome, null, input.startedAt)]);
    return outcome;
  }

  /** Writes a group of usable readings inside the caller's transaction, with one statement per table. */
  private async writeGroup(trx: Transaction<DB>, inputs: LoadInput[], registry: UnitRegistry): Promise<LoadOutcome[]> {
    const { outcomes, works } = await this.prepareGroup(trx, inputs, registry);
    const live = works.filter((w): w is Work => w !== null);
    if (live.length > 0) {
      await this.findOlderVersions(trx, live);
      await this.linkModels(trx, live, registry);
      await this.flagCrossFileDuplicates(trx, live);

      await this.repository.deleteContents(trx, live.filter((w) => w.existing).map((w) => w.fileId));
      const recordIds = await this.repository.nextIds(trx, 'record_id_seq', live.reduce((n, w) => n + w.prepared.rows.length, 0));
      const stored = storedRows(live, recordIds);
      for (const { id, values } of stored.updatedFiles) await this.repository.updateFile(trx, id, values);
      await this.repository.insertFiles(trx, stored.newFiles);
      await this.repository.insertFacts(trx, stored.facts);
      await this.repository.insertIssues(trx, stored.issues);
      await this.repository.insertReviewItems(trx, stored.reviewRows);
      const versions = live.flatMap((w) => [...w.versions.map((id) => ({ id, by: w.fileId })), ...(w.replacedBy !== null ? [{ id: w.fileId, by: w.replacedBy }] : [])]);
      await this.repository.markSuperseded(trx, versions);
      await this.repository.withdrawStaleDuplicates(trx, versions.map((v) => v.id));

      const openByFile = new Map<number, number>();
      for (const r of stored.reviewRows) if (r.state === 'open') openByFile.set(r.source_file_id, (openByFile.get(r.source_file_id) ?? 0) + 1);
      works.forEach((w, i) => {
        if (!w) return;
        const reviewOpen = openByFile.get(w.fileId) ?? 0;
        outcomes[i] = {
          state: reviewOpen > 0 ? 'needs_review' : 'loaded', sourceFileId: w.fileId, duplicate: false,
          records: w.prepared.rows.length, reviewOpen, superseded: w.versions,
        };
      });
    }
    await this.repository.updateJobs(trx, inputs.flatMap((input, i) => {
      const outcome = outcomes[i]!;
      return input.jobId !== null ? [jobPatch(input.jobId, outcome, outcome.state === 'failed' ? null : outcome.sourceFileId, input.startedAt)] : [];
    }));
    return outcomes;
  }

  /**
   * Each input either repeats bytes already stored (or earlier in the group):
   * its outcome is known and nothing is written; or it is prepared for
   * writing (a Work) under a new file id, or under its stored id when its
   * data was deleted or it is reloaded.
   */
  private async prepareGroup(trx: Transaction<DB>, inputs: LoadInput[], registry: UnitRegistry): Promise<{ outcomes: LoadOutcome[]; works: (Work | null)[] }> {
    const existingBySha = new Map((await this.repository.findByShas(trx, inputs.map((i) => i.sha256))).map((f) => [f.sha256, f]));
    const correctionsBySha = new Map<string, CorrectionRow[]>();
    for (const c of await this.repository.correctionsForShas(trx, inputs.map((i) => i.sha256))) push(correctionsBySha, c.sha256, c);
    const outcomes: LoadOutcome[] = [];
    const works: (Work | null)[] = [];
    const seen = new Map<string, Work>();
    const fileIds = await this.repository.nextIds(trx, 'source_file_id_seq', inputs.filter((i) => !existingBySha.has(i.sha256)).length);
    for (const input of inputs) {
      const existing = existingBySha.get(input.sha256);
      const earlier = seen.get(input.sha256);
      if (earlier || (existing && existing.status !== 'deleted' && input.mode === 'upload')) {
        const id = earlier?.fileId ?? existing!.id;
        outcomes.push({ state: 'loaded', sourceFileId: id, duplicate: true, records: earlier?.prepared.rows.length ?? existing!.record_count, reviewOpen: 0, superseded: [] });
        works.push(null);
        continue;
      }
      const prepared = prepareFile(input.result, input.fileName, registry, correctionsBySha.get(input.sha256) ?? []);
      const work: Work = { input, existing, prepared, fileId: existing?.id ?? fileIds.shift()!, modelIds: [], versions: [], replacedBy: null };
      seen.set(input.sha256, work);
      works.push(work);
      outcomes.push(null as never);
    }
    return { outcomes, works };
  }

  /** Older versions of each file: loaded files in the store, and earlier files of this group, with the same unit, kind, year and variant. */
  private async findOlderVersions(trx: Transaction<DB>, live: Work[]): Promise<void> {
    const keyOf = (w: { unitId: number | null; kind: string; year: number | null; variant: string | null }) =>
      w.unitId !== null && w.year !== null && w.kind !== 'unknown' ? `${w.unitId}/${w.kind}/${w.year}/${w.variant ?? ''}` : null;
    const stored = await this.repository.loadedVersionsOf(trx, [...new Set(live.map((w) => w.prepared.unitId).filter((id): id is number => id !== null))]);
    const current = new Map<string, number[]>();
    for (const f of stored) {
      const key = keyOf({ unitId: f.unit_id, kind: f.kind, year: f.year, variant: f.variant });
      if (key) push(current, key, f.id);
    }
    for (const w of live) {
      const key = keyOf({ unitId: w.prepared.unitId, kind: w.input.result.kind, year: w.prepared.year, variant: w.prepared.variant });
      if (!key) continue;
      const others = (current.get(key) ?? []).filter((id) => id !== w.fileId);
      // A file read again keeps its place among the versions (upload order): the newest one still counts.
      const newest = w.input.mode === 'reload' ? Math.max(w.fileId, ...others) : w.fileId;
      if (newest !== w.fileId) {
        w.replacedBy = newest;
        continue;
      }
      w.versions = others;
      current.set(key, [w.fileId]);
    }
  }

  /** After the fact: a file's issuing unit confirmed by a person may make it supersede older versions. */
  async supersedeOlder(trx: Transaction<DB>, fileId: number): Promise<number[]> {
    const file = await this.repository.findFile(fileId, trx);
    if (!file || file.status !== 'loaded' || file.unit_id === null || file.year === null || file.kind === 'unknown') return [];
    const versions = (await this.repository.findVersions(trx, { id: file.id, unit_id: file.unit_id, kind: file.kind, year: file.year, variant: file.variant }))
      .filter((id) => id < file.id);
    await this.repository.markSuperseded(trx, versions.map((id) => ({ id, by: file.id })));
    await this.repository.withdrawStaleDuplicates(trx, versions);
    return versions;
  }

  async finishJob(db: Transaction<DB> | IngestRepository['db'], jobId: number, outcome: LoadOutcome, fileId: number | null, startedAt?: Date): Promise<void> {
    await this.repository.updateJobs(db, [jobPatch(jobId, outcome, fileId, startedAt)]);
  }

  /**
   * Model identity across years (ModelLinker): the stored models the group's
   * rows may continue are looked up once for the whole group, the rows are
   * linked, and the models the group creates are inserted.
   */
  private async linkModels(trx: Transaction<DB>, works: Work[], registry: UnitRegistry): Promise<void> {
    const keys = [...new Set(works.flatMap((w) => w.prepared.rows.map((r) => r.modelKey)).filter((k): k is string => k !== null))];
    const ownerIds = new Set<number>();
    for (const w of works) {
      for (const row of w.prepared.rows) {
        const owner = row.values.owner_unit_id as number | null | undefined;
        if (owner !== null && owner !== undefined) for (const id of registry.lineageLine(owner)) ownerIds.add(id);
      }
    }
    const issuerIds = [...new Set(works.map((w) => w.prepared.unitId).filter((id): id is number => id !== null))];
    const issuerTexts = [...new Set(works.map((w) => w.input.result.unit).filter((t): t is string => !!t))];
    const identity = await this.repository.modelsForIdentity(trx, keys, [...ownerIds], issuerIds, issuerTexts);
    const candidates = new ModelCandidates(identity);
    const homes = new ModelHomes(registry);
    const linker = new ModelLinker(candidates, registry, homes);
    for (const w of works) {
      w.modelIds = linker.linkFile({ fileId: w.fileId, fileName: w.input.fileName, unitId: w.prepared.unitId, unitText: w.input.result.unit, rows: w.prepared.rows, review: w.prepared.review });
    }

    // The created models' temporary ids (-1, -2, …: their place in the list) become real ones.
    const ids = await this.repository.nextIds(trx, 'model_id_seq', linker.created.length);
    linker.created.forEach((model, i) => (model.id = ids[i]!));
    await this.repository.insertModels(trx, linker.created);
    for (const w of works) w.modelIds = w.modelIds.map((id) => (id !== null && id < 0 ? ids[-id - 1]! : id));
    await this.repository.setModelFirstYears(trx, linker.firstYears);
    await this.repository.withdrawAnsweredModelMatches(trx, [...linker.firstYears.keys()]);
    await this.explainUnmatched(trx, linker, homes);
  }

  /**
   * Namesakes in the same commune for the "continued" rows that matched
   * nothing: the stored ones earlier than the latest such row, bounded by the
   * rows' communes, and the group's own.
   */
  private async explainUnmatched(trx: Transaction<DB>, linker: ModelLinker, homes: ModelHomes): Promise<void> {
    const unmatched = linker.unmatched();
    if (unmatched.length === 0) return;
    const names = new Set<string>();
    const lines = new Set<string>();
    const issuerTexts = new Set<string>();
    let maxYear = 0;
    for (const u of unmatched) {
      names.add(u.row.modelKey!);
      for (const home of u.homes) lines.add(home);
      if (u.file.unitId === null && u.file.unitText) issuerTexts.add(u.file.unitText);
      maxYear = Math.max(maxYear, u.year);
    }
    const namesakes = new Namesakes();
    // The group's own models were just inserted (ids drawn in ascending order); the linker offers them itself.
    const storedBefore = linker.created[0]?.id ?? null;
    const stored = await this.repository.namesakeModels(trx, [...names], maxYear, homes.unitsOf(lines), [...issuerTexts], storedBefore);
    for (const model of stored) namesakes.add(model, homes.of(model.owner_unit_id, model.creator_unit_id, model.creator_unit_text));
    linker.explainUnmatched(unmatched, namesakes);
  }

  /**
   * The same model registered for the same year in another loaded file (or an
   * earlier file of the group), not a version of this one: counted twice?
   */
  private async flagCrossFileDuplicates(trx: Transaction<DB>, works: Work[]): Promise<void> {
    // Each registration's model and year ('id/year'), or null for rows that cannot be counted twice.
    const modelYears = new Map<string, { model_id: number; year: number }>();
    const keys = works.map((w) => w.prepared.rows.map((row, i) => {
      const id = w.modelIds[i];
      const year = row.values.year as number | null;
      if (row.type !== 'registration' || id === null || id === undefined || year === null) return null;
      const key = `${id}/${year}`;
      modelYears.set(key, { model_id: id, year });
      return key;
    }));
    // Stored files that a file of the group supersedes still count for the files before it, as if loaded one by one.
    const stored = await this.repository.registrationsOfModelYears(trx, [...modelYears.values()], works.map((w) => w.fileId));
    const seen = new Map<string, { fileId: number; name: string }[]>();
    for (const hit of stored) if (hit.model_id !== null) push(seen, `${hit.model_id}/${hit.year}`, { fileId: hit.source_file_id, name: hit.file_name });
    // Files this group supersedes (whichever of its files does) no longer count: a doubt against one of
    // them would be withdrawn when the group commits (withdrawStaleDuplicates), so none is raised.
    const superseded = new Set(works.flatMap((w) => w.versions));
    works.forEach((w, k) => {
      // A file read again behind a newer version counts for nothing: no doubt on it, and none against it.
      if (w.replacedBy !== null) return;
      const mine = new Set<string>();
      w.prepared.rows.forEach((row, i) => {
        const key = keys[k]![i];
        if (!key) return;
        const { model_id: id, year } = modelYears.get(key)!;
        const otherFiles = new Map<number, string>();
        for (const o of seen.get(key) ?? []) if (o.fileId !== w.fileId && !superseded.has(o.fileId)) otherFiles.set(o.fileId, o.name);
        mine.add(key);
        if (otherFiles.size === 0) return;
        if (w.prepared.review.some((r) => r.record_key === row.key && r.record_type === row.type && r.reason === 'possible_duplicate')) return;
        const others = [...new Set(otherFiles.values())];
        w.prepared.review.push({
          record_type: row.type, record_key: row.key, reason: 'possible_duplicate',
          message: `${describeSource(w.input.fileName, row.source)}: mô hình “${String(row.values.model_name)}” năm ${year} cũng có trong ${describeFiles(others)}; có thể bị đếm hai lần.`,
          // The ids, every one: the doubt is withdrawn once none of these files counts any more.
          detail: { files: others.slice(0, 20), fileIds: [...otherFiles.keys()], modelId: id },
        });
      });
      // Later files of the group compare against this one (until one of them supersedes it).
      for (const key of mine) push(seen, key, { fileId: w.fileId, name: w.input.fileName });
    });
  }
}

/** What a group writes, table by table: its files, their rows (with ids, model links and review states), issues and review items. */
function storedRows(live: Work[], recordIds: number[]) {
  let nextRecord = 0;
  const facts: FactRows = { registration: [], recognition: [], exemplar: [], report_figure: [] };
  const issues: Insertable<IngestIssueTable>[] = [];
  const reviewRows: Insertable<ReviewItemTable>[] = [];
  const newFiles: Insertable<SourceFileTable>[] = [];
  const updatedFiles: { id: number; values: Updateable<SourceFileTable> }[] = [];
  for (const w of live) {
    const { prepared, input, fileId } = w;
    const { result } = input;
    const fileValues = {
      file_name: input.fileName, size_bytes: input.sizeBytes, format: result.format, kind: result.kind, year: prepared.year,
      unit_text: result.unit, unit_id: prepared.unitId, unit_method: prepared.unitMethod, level: result.level, encoding: result.encoding,
      decision_no: result.decision_no ?? null, decision_date: result.decision_date ?? null, variant: prepared.variant,
      status: 'loaded', superseded_by: null, record_count: prepared.rows.length, batch_id: input.batchId, deleted_at: null, deleted_by: null,
    };
    if (w.existing) updatedFiles.push({ id: fileId, values: fileValues });
    else newFiles.push({ id: fileId, sha256: input.sha256, uploaded_by: null, purged_at: null, ...fileValues });

    const states = reviewStates(prepared);
    const rowIdByKey = new Map<string, number>();
    prepared.rows.forEach((row, i) => {
      const id = recordIds[nextRecord++]!;
      const key = `${row.type}:${row.key}`;
      rowIdByKey.set(key, id);
      // The prepared values are this write's own (prepareFile made them for it): completed in place, not copied.
      const values = row.values;
      values.id = id;
      values.source_file_id = fileId;
      if (row.type !== 'report') {
        values.model_id = w.modelIds[i] ?? null;
        values.review_state = states.get(key) ?? 'ok';
      }
      (facts[row.table] as Record<string, unknown>[]).push(values);
    });
    for (const issue of result.issues) {
      issues.push({
        source_file_id: fileId, severity: issue.severity, code: issue.code, message: issue.message,
        sheet: issue.sheet ?? null, row: issue.row ?? null, column: issue.column ?? null, value: issue.value ?? null,
      });
    }
    for (const draft of prepared.review) {
      const decision = prepared.decisions.get(`${draft.record_type}:${draft.record_key}:${draft.reason}`);
      reviewRows.push({
        source_file_id: fileId, record_type: draft.record_type, record_key: draft.record_key,
        record_id: rowIdByKey.get(`${draft.record_type}:${draft.record_key}`) ?? null, reason: draft.reason,
        message: draft.message, detail: draft.detail, state: decision ?? 'open',
        resolved_by: decision ? 'tự động áp dụng lại quyết định trước' : null, resolved_at: decision ? new Date() : null,
      });
    }
  }
  return { facts, issues, reviewRows, newFiles, updatedFiles };
}

function describeFiles(files: string[]): string {
  const shown = files.slice(0, 3).map((f) => `tệp “${f}”`).join(', ');
  return files.length > 3 ? `${shown} và ${files.length - 3} tệp khác` : shown;
}


/** The job row's final values for an outcome (started_at: when its reading began, if known). */
export function jobPatch(jobId: number, outcome: LoadOutcome, fileId: number | null, startedAt?: Date): { id: number } & Updateable<IngestJobTable> {
  const started = startedAt ? { started_at: startedAt } : {};
  if (outcome.state === 'failed') {
    return { id: jobId, ...started, state: 'failed', progress: 100, message: outcome.message, errors: JSON.stringify(outcome.errors), finished_at: new Date(), source_file_id: null, record_count: 0, review_count: 0, duplicate: false };
  }
  return {
    id: jobId, ...started, state: outcome.state, progress: 100, source_file_id: fileId, duplicate: outcome.duplicate, record_count: outcome.records,
    review_count: outcome.reviewOpen, finished_at: new Date(), errors: null,
    message: outcome.duplicate ? 'Tệp này đã được nạp trước đây; không có gì thay đổi.' : outcome.superseded.length > 0
      ? `Đã nạp ${outcome.records} dòng; thay thế ${outcome.superseded.length} phiên bản trước của cùng đơn vị, loại văn bản và năm.`
      : `Đã nạp ${outcome.records} dòng.`,
  };
}

/** Each row's review_state (rowReviewState), from its review drafts, the decisions re-applied to them and its corrected values. */
function reviewStates(prepared: PreparedFile): Map<string, string> {
  const itemStates = new Map<string, Set<string>>();
  for (const item of prepared.review) {
    if (item.record_type === 'file') continue;
    const key = `${item.record_type}:${item.record_key}`;
    let states = itemStates.get(key);
    if (!states) itemStates.set(key, (states = new Set()));
    states.add(prepared.decisions.get(`${key}:${item.reason}`) ?? 'open');
  }
  const out = new Map<string, string>();
  for (const key of new Set([...itemStates.keys(), ...prepared.corrected])) out.set(key, rowReviewState(itemStates.get(key) ?? new Set(), prepared.corrected.has(key)));
  return out;
}
