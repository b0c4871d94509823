import { Inject, Injectable } from '@nestjs/common';
import type { FileResult } from '@dvk/etl';
import type { Insertable, Transaction } from 'kysely';
import type { DB, ModelTable, ReviewItemTable } from '../db/schema.js';
import { fold } from '../units/fold.js';
import type { UnitRegistry } from '../units/registry.js';
import { UnitsService } from '../units/units.service.js';
import { IngestRepository, type FactRows, type ModelRow } from './ingest.repository.js';
import { prepareFile, type PreparedFile, type ReviewDraft } from './prepare.js';

export interface LoadInput {
  sha256: string;
  fileName: string;
  sizeBytes: number;
  result: FileResult;
  batchId: number | null;
  jobId: number | null;
  /** 'upload': the same bytes already stored change nothing. 'reload': replace the file's rows from a fresh reading. */
  mode: 'upload' | 'reload';
}

export type LoadOutcome =
  | { state: 'loaded' | 'needs_review'; sourceFileId: number; duplicate: boolean; records: number; reviewOpen: number; superseded: number[] }
  | { state: 'failed'; message: string; errors: { code: string; message: string; sheet?: string | null; row?: number | null; column?: string | null }[] };

/**
 * Loads one file's reading into the store in one transaction: the file loads
 * whole or not at all. Resolves units, links models across years, re-applies
 * earlier corrections, queues doubts for review, supersedes older versions.
 */
@Injectable()
export class LoadService {
  constructor(
    @Inject(IngestRepository) private readonly repository: IngestRepository,
    @Inject(UnitsService) private readonly units: UnitsService,
  ) {}

  /** A reading that cannot be stored: the job fails with the ETL's own words. */
  unusable(input: Pick<LoadInput, 'fileName' | 'result'>): LoadOutcome | null {
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

  async load(input: LoadInput): Promise<LoadOutcome> {
    const failed = this.unusable(input);
    if (failed) {
      if (input.jobId !== null) await this.finishJob(this.repository.db, input.jobId, failed, null);
      return failed;
    }
    const registry = await this.units.registry();
    return this.repository.transaction(async (trx) => {
      const existing = await this.repository.findBySha(trx, input.sha256);
      if (existing && existing.status !== 'deleted' && input.mode === 'upload') {
        const outcome: LoadOutcome = { state: 'loaded', sourceFileId: existing.id, duplicate: true, records: existing.record_count, reviewOpen: 0, superseded: [] };
        if (input.jobId !== null) await this.finishJob(trx, input.jobId, outcome, existing.id);
        return outcome;
      }
      const corrections = await this.repository.correctionsFor(trx, input.sha256);
      const prepared = prepareFile(input.result, input.fileName, registry, corrections);
      const { result } = input;
      const fileValues = {
        file_name: input.fileName, size_bytes: input.sizeBytes, format: result.format, kind: result.kind, year: prepared.year,
        unit_text: result.unit, unit_id: prepared.unitId, unit_method: prepared.unitMethod, level: result.level, encoding: result.encoding,
        decision_no: result.decision_no ?? null, decision_date: result.decision_date ?? null, variant: prepared.variant,
        status: 'loaded', superseded_by: null, record_count: prepared.rows.length, batch_id: input.batchId,
        deleted_at: null, deleted_by: null,
      };
      let fileId: number;
      if (existing) {
        fileId = existing.id;
        await this.repository.deleteContents(trx, fileId);
        await this.repository.updateFile(trx, fileId, fileValues);
      } else {
        fileId = await this.repository.insertFile(trx, { sha256: input.sha256, uploaded_by: null, purged_at: null, ...fileValues });
      }

      const versions = prepared.unitId !== null && prepared.year !== null && result.kind !== 'unknown'
        ? await this.repository.findVersions(trx, { id: fileId, unit_id: prepared.unitId, kind: result.kind, year: prepared.year, variant: prepared.variant })
        : [];
      const modelIds = await this.linkModels(trx, prepared, registry, fileId);
      await this.flagCrossFileDuplicates(trx, prepared, modelIds, [fileId, ...versions]);

      const ids = await this.repository.nextIds(trx, 'record_id_seq', prepared.rows.length);
      const rows: FactRows = { registration: [], recognition: [], exemplar: [], report_figure: [] };
      const rowIdByKey = new Map<string, number>();
      const states = reviewStates(prepared);
      prepared.rows.forEach((row, i) => {
        const id = ids[i]!;
        rowIdByKey.set(`${row.type}:${row.key}`, id);
        const values: Record<string, unknown> = { ...row.values, id, source_file_id: fileId };
        if (row.type !== 'report') {
          values.model_id = modelIds[i] ?? null;
          values.review_state = states.get(`${row.type}:${row.key}`) ?? 'ok';
        }
        (rows[row.table] as Record<string, unknown>[]).push(values);
      });
      await this.repository.insertFacts(trx, rows);
      await this.repository.insertIssues(trx, result.issues.map((issue) => ({
        source_file_id: fileId, severity: issue.severity, code: issue.code, message: issue.message,
        sheet: issue.sheet ?? null, row: issue.row ?? null, column: issue.column ?? null, value: issue.value ?? null,
      })));
      const reviewRows: Insertable<ReviewItemTable>[] = prepared.review.map((draft) => {
        const decision = prepared.decisions.get(`${draft.record_type}:${draft.record_key}:${draft.reason}`);
        return {
          source_file_id: fileId, record_type: draft.record_type, record_key: draft.record_key,
          record_id: rowIdByKey.get(`${draft.record_type}:${draft.record_key}`) ?? null, reason: draft.reason,
          message: draft.message, detail: JSON.stringify(draft.detail), state: decision ?? 'open',
          resolved_by: decision ? 'tự động áp dụng lại quyết định trước' : null, resolved_at: decision ? new Date() : null,
        };
      });
      await this.repository.insertReviewItems(trx, reviewRows);
      await this.repository.markSuperseded(trx, versions, fileId);

      const reviewOpen = reviewRows.filter((r) => r.state === 'open').length;
      const outcome: LoadOutcome = {
        state: reviewOpen > 0 ? 'needs_review' : 'loaded', sourceFileId: fileId, duplicate: false,
        records: prepared.rows.length, reviewOpen, superseded: versions,
      };
      if (input.jobId !== null) await this.finishJob(trx, input.jobId, outcome, fileId);
      return outcome;
    });
  }

  /** After the fact: a file's issuing unit confirmed by a person may make it supersede older versions. */
  async supersedeOlder(trx: Transaction<DB>, fileId: number): Promise<number[]> {
    const file = await this.repository.findFile(fileId, trx);
    if (!file || file.status !== 'loaded' || file.unit_id === null || file.year === null || file.kind === 'unknown') return [];
    const versions = (await this.repository.findVersions(trx, { id: file.id, unit_id: file.unit_id, kind: file.kind, year: file.year, variant: file.variant }))
      .filter((id) => id < file.id);
    await this.repository.markSuperseded(trx, versions, file.id);
    return versions;
  }

  async finishJob(db: Transaction<DB> | IngestRepository['db'], jobId: number, outcome: LoadOutcome, fileId: number | null): Promise<void> {
    await this.repository.updateJob(db, jobId, outcome.state === 'failed'
      ? { state: 'failed', progress: 100, message: outcome.message, errors: JSON.stringify(outcome.errors), finished_at: new Date() }
      : {
          state: outcome.state, progress: 100, source_file_id: fileId, duplicate: outcome.duplicate, record_count: outcome.records,
          review_count: outcome.reviewOpen, finished_at: new Date(), errors: null,
          message: outcome.duplicate ? 'Tệp này đã được nạp trước đây; không có gì thay đổi.' : outcome.superseded.length > 0
            ? `Đã nạp ${outcome.records} dòng; thay thế ${outcome.superseded.length} phiên bản trước của cùng đơn vị, loại văn bản và năm.`
            : `Đã nạp ${outcome.records} dòng.`,
        });
  }

  /**
   * Model identity across years: the same folded name owned by the same unit,
   * or by a predecessor/successor through the 2025 mergers, is the same model.
   * Registrations and recognitions without a match start a new model;
   * exemplars only link. Returns the model id of each prepared row.
   */
  private async linkModels(trx: Transaction<DB>, prepared: PreparedFile, registry: UnitRegistry, fileId: number): Promise<(number | null)[]> {
    const keys = [...new Set(prepared.rows.map((r) => r.modelKey).filter((k): k is string => k !== null))];
    const known = await this.repository.modelsByFoldedName(trx, keys);
    const byKey = new Map<string, ModelRow[]>();
    for (const model of known) byKey.set(model.folded_name, [...(byKey.get(model.folded_name) ?? []), model]);
    const fresh = new Map<string, number>();
    const drafts: { index: number; identity: string; model: Omit<Insertable<ModelTable>, 'id'> }[] = [];
    const out: (number | null)[] = prepared.rows.map(() => null);
    const firstYear = new Map<number, number>();

    prepared.rows.forEach((row, index) => {
      if (row.fixedModelId !== null) {
        out[index] = row.fixedModelId;
        return;
      }
      if (!row.modelKey || row.type === 'report') return;
      const ownerId = (row.values.owner_unit_id as number | null) ?? null;
      const ownerFolded = fold(row.ownerText);
      const line = ownerId !== null ? registry.lineageLine(ownerId) : null;
      const candidates = (byKey.get(row.modelKey) ?? []).filter((m) =>
        line ? m.owner_unit_id !== null && line.includes(m.owner_unit_id) : m.owner_unit_id === null && fold(m.owner_text) === ownerFolded);
      const match = candidates.find((m) => m.owner_unit_id === ownerId) ?? candidates[0];
      const year = (row.values.year as number | null) ?? null;
      if (match) {
        out[index] = match.id;
        if (year !== null && (match.first_year === null || year < match.first_year)) firstYear.set(match.id, Math.min(year, firstYear.get(match.id) ?? year));
        return;
      }
      if (row.type === 'exemplar') return;
      const identity = `${row.modelKey}\u0000${ownerId ?? `text:${ownerFolded}`}`;
      if (!fresh.has(identity)) {
        fresh.set(identity, -1);
        drafts.push({ index, identity, model: {
          name: String(row.values.model_name ?? row.modelKey), folded_name: row.modelKey, owner_unit_id: ownerId, owner_text: row.ownerText,
          field: (row.values.field as string | null) ?? null, first_year: year, created_from: fileId,
        } });
      }
      const others = (byKey.get(row.modelKey) ?? []).filter((m) => year !== null && m.first_year !== null && m.first_year < year);
      if (row.type === 'registration' && row.values.status === 'continued' && others.length > 0) {
        prepared.review.push({
          record_type: row.type, record_key: row.key, reason: 'possible_model_match',
          message: `${row.where}: mô hình “${String(row.values.model_name)}” ghi là duy trì nhưng chưa khớp mô hình năm trước của cùng chủ thể; có mô hình cùng tên của đơn vị khác.`,
          detail: { candidates: others.slice(0, 5).map((m) => ({ modelId: m.id, name: m.name, ownerUnitId: m.owner_unit_id, ownerText: m.owner_text, firstYear: m.first_year })) },
        } satisfies ReviewDraft);
      }
    });

    const ids = await this.repository.nextIds(trx, 'model_id_seq', drafts.length);
    drafts.forEach((draft, i) => fresh.set(draft.identity, ids[i]!));
    await this.repository.insertModels(trx, drafts.map((d, i) => ({ ...d.model, id: ids[i]! })));
    prepared.rows.forEach((row, index) => {
      if (out[index] !== null || !row.modelKey || row.type === 'report' || row.type === 'exemplar' || row.fixedModelId !== null) return;
      const ownerId = (row.values.owner_unit_id as number | null) ?? null;
      out[index] = fresh.get(`${row.modelKey}\u0000${ownerId ?? `text:${fold(row.ownerText)}`}`) ?? null;
    });
    for (const [id, year] of firstYear) await this.repository.setModelFirstYear(trx, id, year);
    return out;
  }

  /** The same model registered for the same year in another loaded file (not a version of this one): counted twice? */
  private async flagCrossFileDuplicates(trx: Transaction<DB>, prepared: PreparedFile, modelIds: (number | null)[], exceptFileIds: number[]): Promise<void> {
    const byYear = new Map<number, Set<number>>();
    prepared.rows.forEach((row, i) => {
      const id = modelIds[i];
      const year = row.values.year as number | null;
      if (row.type !== 'registration' || id === null || id === undefined || year === null) return;
      byYear.set(year, (byYear.get(year) ?? new Set()).add(id));
    });
    for (const [year, ids] of byYear) {
      const hits = await this.repository.registrationsOfModels(trx, [...ids], year, exceptFileIds);
      if (hits.length === 0) continue;
      const files = new Map<number, string[]>();
      for (const hit of hits) if (hit.model_id !== null) files.set(hit.model_id, [...new Set([...(files.get(hit.model_id) ?? []), hit.file_name])]);
      prepared.rows.forEach((row, i) => {
        const others = modelIds[i] != null ? files.get(modelIds[i]!) : undefined;
        if (row.type !== 'registration' || row.values.year !== year || !others) return;
        if (prepared.review.some((r) => r.record_key === row.key && r.record_type === row.type && r.reason === 'possible_duplicate')) return;
        prepared.review.push({
          record_type: row.type, record_key: row.key, reason: 'possible_duplicate',
          message: `${row.where}: mô hình “${String(row.values.model_name)}” năm ${year} cũng có trong ${others.map((f) => `tệp “${f}”`).join(', ')}; có thể bị đếm hai lần.`,
          detail: { files: others, modelId: modelIds[i] },
        });
      });
    }
  }
}

/** Row review_state: pending while any item is open; corrected/confirmed once decided; ok without doubts. */
function reviewStates(prepared: PreparedFile): Map<string, string> {
  const out = new Map<string, string>();
  for (const item of prepared.review) {
    if (item.record_type === 'file') continue;
    const key = `${item.record_type}:${item.record_key}`;
    const decision = prepared.decisions.get(`${key}:${item.reason}`);
    if (!decision) out.set(key, 'pending');
    else if (out.get(key) !== 'pending') out.set(key, decision === 'corrected' || prepared.corrected.has(key) ? 'corrected' : 'confirmed');
  }
  for (const key of prepared.corrected) if (!out.has(key)) out.set(key, 'corrected');
  return out;
}
