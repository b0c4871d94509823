import { BadRequestException, ForbiddenException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { ScopeService } from '../auth/scope.service.js';
import type { Scope } from '../auth/scope.js';
import type { Insertable, Transaction } from 'kysely';
import type { DB } from '../db/schema.js';
import { UnitsRepository } from '../units/units.repository.js';
import { UnitsService } from '../units/units.service.js';
import { convertValue, REJECT_FIELD, REVIEW_FIELD_PREFIX, tableOf, type RecordType } from './corrections.js';
import { IngestRepository, type ReviewFilter, type ReviewRow } from './ingest.repository.js';
import { LoadService } from './load.service.js';

export interface ReviewItemView {
  id: number;
  fileId: number;
  fileName: string;
  recordType: RecordType;
  recordKey: string;
  recordId: number | null;
  /** field_inferred | unresolved_owner | unresolved_unit | unknown_year | invalid_date | low_confidence_mapping | possible_duplicate | possible_model_match | etl_warning */
  reason: string;
  /** Vietnamese, names the file, sheet and row. */
  message: string;
  detail: Record<string, unknown>;
  /** open | confirmed | corrected | rejected | withdrawn */
  state: string;
  resolvedBy: string | null;
  resolvedAt: string | null;
  /** The row as stored now (with its provenance), when the item is about a row. */
  record: Record<string, unknown> | null;
}

export interface ReviewPage {
  items: ReviewItemView[];
  total: number;
}

export interface ReviewDecision {
  by?: string | undefined;
  reason?: string | undefined;
  /** For unresolved owners / issuing units: the unit a person chose (often one of the suggestions). */
  unitId?: number | undefined;
  /** For possible model matches: the earlier model this row continues. */
  modelId?: number | undefined;
}

export interface ReviewCorrection {
  changes: Record<string, unknown>;
  by?: string | undefined;
  reason?: string | undefined;
}

/**
 * The review queue: doubts raised while loading, and the three actions on
 * them. Every change is stored as a correction (who, when, old, new, why)
 * keyed by the file's sha256 and the row's record key, so that loading the
 * same file again re-applies it; every action is audited.
 */
@Injectable()
export class ReviewService {
  constructor(
    @Inject(IngestRepository) private readonly repository: IngestRepository,
    @Inject(UnitsService) private readonly units: UnitsService,
    @Inject(UnitsRepository) private readonly unitsRepository: UnitsRepository,
    @Inject(LoadService) private readonly loader: LoadService,
    @Inject(ScopeService) private readonly scopes: ScopeService,
  ) {}

  async list(filter: ReviewFilter): Promise<ReviewPage> {
    const page = await this.repository.listReview(filter);
    const items: ReviewItemView[] = [];
    for (const item of page.items) {
      const record = item.record_id !== null && item.record_type !== 'file'
        ? ((await this.repository.findRow(this.repository.db, tableOf(item.record_type as Exclude<RecordType, 'file'>), item.record_id)) ?? null)
        : null;
      items.push(view(item, item.file_name, record));
    }
    return { items, total: page.total };
  }

  async get(id: number): Promise<ReviewItemView> {
    const item = await this.repository.findReview(this.repository.db, id);
    if (!item) throw new NotFoundException(`Không có mục rà soát số ${id}.`);
    const file = await this.repository.findFile(item.source_file_id);
    const record = item.record_id !== null && item.record_type !== 'file'
      ? ((await this.repository.findRow(this.repository.db, tableOf(item.record_type as Exclude<RecordType, 'file'>), item.record_id)) ?? null)
      : null;
    return view(item, file?.file_name ?? '', record);
  }

  /** The machine was right (or a person picked one of the suggestions: unitId / modelId). */
  async confirm(id: number, decision: ReviewDecision, scope?: Scope | null): Promise<ReviewItemView> {
    const item = await this.open(id);
    if (decision.unitId !== undefined) {
      const field = item.record_type === 'file' ? 'unit_id' : 'owner_unit_id';
      return this.correct(id, { changes: { [field]: decision.unitId }, by: decision.by, reason: decision.reason ?? 'Chọn đơn vị gợi ý' }, scope);
    }
    if (decision.modelId !== undefined) {
      return this.correct(id, { changes: { model_id: decision.modelId }, by: decision.by, reason: decision.reason ?? 'Xác nhận là mô hình của năm trước' }, scope);
    }
    if (item.reason === 'unresolved_owner' || item.reason === 'unresolved_unit') {
      throw new BadRequestException('Hãy chọn đơn vị (unitId) để xác nhận, hoặc sửa/loại bỏ dòng này.');
    }
    await this.repository.transaction(async (trx) => {
      await this.decide(trx, item, 'confirmed', decision.by ?? null, decision.reason ?? null);
      await this.repository.audit(trx, 'review.confirm', `review_item:${id}`, { reason: item.reason, recordKey: item.record_key }, decision.by ?? null);
    });
    return this.get(id);
  }

  /**
   * @param scope the signed-in caller: a unit or model the correction points
   * at must lie in its subtree (a commune cannot file its row under another
   * commune, nor link it to another commune's model). Absent: no limit.
   */
  async correct(id: number, correction: ReviewCorrection, scope?: Scope | null): Promise<ReviewItemView> {
    const item = await this.open(id);
    const type = item.record_type as RecordType;
    const entries = Object.entries(correction.changes ?? {});
    if (entries.length === 0) throw new BadRequestException('Chưa có thay đổi nào (changes).');
    const changes: [string, string | number | null][] = [];
    const problems: string[] = [];
    for (const [field, raw] of entries) {
      const converted = convertValue(type, field, raw);
      if (converted.ok) changes.push([field, converted.value]);
      else problems.push(converted.message);
    }
    for (const [field, value] of changes) {
      if ((field === 'unit_id' || field === 'owner_unit_id') && value !== null && !(await this.unitsRepository.findById(value as number))) {
        problems.push(`Không có đơn vị mã số ${value}.`);
      }
      if (field === 'model_id' && value !== null && !(await this.repository.findModel(this.repository.db, value as number))) {
        problems.push(`Không có mô hình mã số ${value}.`);
      }
    }
    if (problems.length > 0) throw new BadRequestException({ statusCode: 400, error: 'Sửa không hợp lệ', message: problems });
    if (scope) await this.assertTargetsInScope(scope, changes);

    const file = (await this.repository.findFile(item.source_file_id))!;
    const by = correction.by ?? null;
    await this.repository.transaction(async (trx) => {
      const rows: Insertable<DB['correction']>[] = [];
      if (type === 'file') {
        for (const [field, value] of changes) {
          rows.push(this.correctionRow(file.sha256, item, field, String((file as Record<string, unknown>)[field] ?? '') || null, value, correction.reason, by));
          if (field === 'unit_id' && value !== null) {
            await this.repository.updateFile(trx, file.id, { unit_id: value as number, unit_method: 'confirmed' });
            await this.repository.setFileUnit(trx, file.id, value as number);
            if (file.unit_text) await this.units.addConfirmedAlias(trx, value as number, file.unit_text, by);
            await this.loader.supersedeOlder(trx, file.id);
          }
          if (field === 'year') await this.repository.updateFile(trx, file.id, { year: value as number | null });
        }
      } else {
        const table = tableOf(type);
        const row = item.record_id !== null ? await this.repository.findRow(trx, table, item.record_id) : undefined;
        if (!row) throw new NotFoundException('Dòng dữ liệu của mục rà soát không còn (tệp đã được nạp lại hoặc xóa).');
        const patch: Record<string, unknown> = {};
        for (const [field, value] of changes) {
          rows.push(this.correctionRow(file.sha256, item, field, row[field] === null || row[field] === undefined ? null : String(row[field]), value, correction.reason, by));
          patch[field] = value;
          if (field === 'field' && type === 'registration') patch.field_inferred = false;
          if (field === 'owner_unit_id') {
            patch.owner_method = 'confirmed';
            const written = (row.owner ?? row.unit_text ?? null) as string | null;
            if (written && value !== null) await this.units.addConfirmedAlias(trx, value as number, written, by);
          }
        }
        await this.repository.updateRow(trx, table, item.record_id!, patch);
      }
      await this.repository.insertCorrections(trx, rows);
      await this.decide(trx, item, 'corrected', by, correction.reason ?? null);
      await this.repository.audit(trx, 'review.correct', `review_item:${id}`, { reason: item.reason, recordKey: item.record_key, changes: Object.fromEntries(changes) }, by);
    });
    return this.get(id);
  }

  /** Units and models a correction names must be the caller's to name: 403 in Vietnamese otherwise, before anything is written. */
  private async assertTargetsInScope(scope: Scope, changes: [string, string | number | null][]): Promise<void> {
    const outside: string[] = [];
    for (const [field, value] of changes) {
      if (value === null) continue;
      if ((field === 'unit_id' || field === 'owner_unit_id') && !(await this.scopes.canSee(scope, value as number))) {
        outside.push(`Đơn vị mã số ${value} nằm ngoài phạm vi dữ liệu của tài khoản.`);
      }
      if (field === 'model_id') {
        const model = (await this.repository.findModel(this.repository.db, value as number))!;
        const creator = model.created_from !== null ? await this.repository.findFile(model.created_from) : undefined;
        const unitId = model.owner_unit_id ?? creator?.unit_id ?? null;
        if (unitId === null || !(await this.scopes.canSee(scope, unitId))) outside.push(`Mô hình mã số ${value} không thuộc phạm vi dữ liệu của tài khoản.`);
      }
    }
    if (outside.length > 0) throw new ForbiddenException({ statusCode: 403, error: 'Không được sửa theo cách này', message: outside });
  }

  /** The row is wrong altogether (not a model, a totals row read as data …): removed now and on every reload. */
  async reject(id: number, decision: ReviewDecision): Promise<ReviewItemView> {
    const item = await this.open(id);
    if (item.record_type === 'file') {
      throw new BadRequestException('Mục này nói về cả tệp: hãy xóa dữ liệu của tệp (DELETE /api/files/:id) nếu tệp không dùng được.');
    }
    const file = (await this.repository.findFile(item.source_file_id))!;
    const by = decision.by ?? null;
    await this.repository.transaction(async (trx) => {
      const type = item.record_type as Exclude<RecordType, 'file'>;
      await this.repository.insertCorrections(trx, [{
        sha256: file.sha256, source_file_id: file.id, record_type: type, record_key: item.record_key, field: REJECT_FIELD,
        old_value: 'false', new_value: 'true', reason: decision.reason ?? null, author: by, user_id: null,
      }]);
      if (item.record_id !== null) await this.repository.deleteRow(trx, tableOf(type), item.record_id);
      await this.repository.updateFile(trx, file.id, { record_count: Math.max(0, file.record_count - 1) });
      const siblings = await this.repository.openReviewOf(trx, file.id, type, item.record_key);
      await this.repository.resolveReview(trx, [...new Set([item.id, ...siblings.map((s) => s.id)])], 'rejected', by);
      await this.repository.audit(trx, 'review.reject', `review_item:${id}`, { reason: item.reason, recordKey: item.record_key, fileName: file.file_name }, by);
    });
    return this.get(id);
  }

  private async open(id: number): Promise<ReviewRow> {
    const item = await this.repository.findReview(this.repository.db, id);
    if (!item) throw new NotFoundException(`Không có mục rà soát số ${id}.`);
    if (item.state !== 'open') throw new BadRequestException(`Mục rà soát số ${id} đã được xử lý (${item.state}).`);
    return item;
  }

  /** Closes the item, stores the decision so a reload closes it again, and updates the row's review state. */
  private async decide(trx: Transaction<DB>, item: ReviewRow, state: 'confirmed' | 'corrected', by: string | null, reason: string | null): Promise<void> {
    const file = (await this.repository.findFile(item.source_file_id, trx))!;
    await this.repository.insertCorrections(trx, [{
      sha256: file.sha256, source_file_id: file.id, record_type: item.record_type, record_key: item.record_key,
      field: `${REVIEW_FIELD_PREFIX}${item.reason}`, old_value: 'open', new_value: state, reason, author: by, user_id: null,
    }]);
    await this.repository.resolveReview(trx, [item.id], state, by);
    await this.repository.refreshReviewStates(trx, [item]);
  }

  private correctionRow(sha256: string, item: ReviewRow, field: string, old: string | null, value: string | number | null, reason: string | undefined, by: string | null): Insertable<DB['correction']> {
    return {
      sha256, source_file_id: item.source_file_id, record_type: item.record_type, record_key: item.record_key, field,
      old_value: old, new_value: value === null ? null : String(value), reason: reason ?? null, author: by, user_id: null,
    };
  }
}

function view(item: ReviewRow, fileName: string, record: Record<string, unknown> | null): ReviewItemView {
  return {
    id: item.id, fileId: item.source_file_id, fileName, recordType: item.record_type as RecordType, recordKey: item.record_key,
    recordId: item.record_id, reason: item.reason, message: item.message, detail: item.detail ?? {}, state: item.state,
    resolvedBy: item.resolved_by, resolvedAt: item.resolved_at ? new Date(item.resolved_at).toISOString() : null, record,
  };
}
