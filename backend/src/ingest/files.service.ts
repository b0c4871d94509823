import { BadRequestException, Inject, Injectable, NotFoundException, StreamableFile } from '@nestjs/common';
import { createReadStream } from 'node:fs';
import type { Visibility } from '../auth/scope.js';
import type { SourceFile } from '../db/schema.js';
import { IngestRepository, type FactTable, type FileFilter, type StoreSummary } from './ingest.repository.js';
import { LoadService } from './load.service.js';
import { RawFileStore } from './raw-file.store.js';
import { UploadsService } from './uploads.service.js';
import { fold } from '../units/fold.js';

export interface FileView {
  id: number;
  sha256: string;
  fileName: string;
  sizeBytes: number;
  format: string | null;
  kind: string;
  year: number | null;
  unitText: string | null;
  unitId: number | null;
  unitMethod: string | null;
  level: string | null;
  encoding: string | null;
  decisionNo: string | null;
  decisionDate: string | null;
  variant: string | null;
  /** loaded | superseded | deleted — only 'loaded' counts in analytics. */
  status: string;
  supersededBy: number | null;
  records: number;
  batchId: number | null;
  uploadedAt: string;
  deletedAt: string | null;
  /** False once an admin purged the raw bytes. */
  rawAvailable: boolean;
}

export interface FileDetail extends FileView {
  rows: Record<'registration' | 'recognition' | 'exemplar' | 'report', number>;
  issues: { severity: string; code: string; message: string; sheet: string | null; row: number | null; column: string | null; value: string | null }[];
}

export interface FilePage {
  items: FileView[];
  total: number;
}

export interface FileRecords {
  fileId: number;
  type: string;
  items: Record<string, unknown>[];
}

export type RecordTypeName = 'registration' | 'recognition' | 'exemplar' | 'report';

/**
 * Stored files: listing, provenance of their rows, and the actions that
 * change what counts — delete (audited; the raw file stays), restore a
 * superseded version, reload from the raw bytes, purge the raw bytes.
 */
@Injectable()
export class FilesService {
  constructor(
    @Inject(IngestRepository) private readonly repository: IngestRepository,
    @Inject(LoadService) private readonly loader: LoadService,
    @Inject(UploadsService) private readonly uploads: UploadsService,
    @Inject(RawFileStore) private readonly store: RawFileStore,
  ) {}

  /** Counts over what the caller may see (everything without a Visibility). */
  summary(visible?: Visibility): Promise<StoreSummary> {
    return this.repository.summary(visible);
  }

  async list(filter: FileFilter): Promise<FilePage> {
    const page = await this.repository.listFiles({ ...filter, q: filter.q ? fold(filter.q) : undefined });
    return { items: page.items.map(fileView), total: page.total };
  }

  async detail(id: number): Promise<FileDetail> {
    const file = await this.get(id);
    const counts = await this.repository.countRows(this.repository.db, id);
    const issues = await this.repository.fileIssues(id);
    return {
      ...fileView(file),
      rows: { registration: counts.registration, recognition: counts.recognition, exemplar: counts.exemplar, report: counts.report_figure },
      issues: issues.map((i) => ({ severity: i.severity, code: i.code, message: i.message, sheet: i.sheet, row: i.row, column: i.column, value: i.value })),
    };
  }

  /** A file's stored rows, each with its provenance (sheet, row, cells) and unmapped columns. */
  async records(id: number, type: RecordTypeName, limit: number, offset: number): Promise<FileRecords> {
    await this.get(id);
    const table: FactTable = type === 'report' ? 'report_figure' : type;
    return { fileId: id, type, items: await this.repository.rowsOf(table, id, limit, offset) };
  }

  async download(id: number): Promise<StreamableFile> {
    const file = await this.get(id);
    if (file.purged_at || !(await this.store.has(file.sha256))) throw new NotFoundException(`Bản gốc của tệp “${file.file_name}” đã bị xóa hẳn.`);
    return new StreamableFile(createReadStream(this.store.pathOf(file.sha256)), {
      disposition: `attachment; filename*=UTF-8''${encodeURIComponent(file.file_name)}`,
      type: 'application/octet-stream',
    });
  }

  /**
   * Removes a file's rows from the store (audited). The raw file stays until
   * purged; uploading the same bytes again loads it again with its
   * corrections. When the deleted file had superseded an older version, that
   * version counts again.
   */
  async remove(id: number, by: string | null, reason: string | null): Promise<FileView> {
    const file = await this.get(id);
    if (file.status === 'deleted') throw new BadRequestException(`Dữ liệu của tệp “${file.file_name}” đã được xóa trước đây.`);
    await this.repository.transaction(async (trx) => {
      const rows = await this.repository.countRows(trx, id);
      await this.repository.deleteContents(trx, [id]);
      await this.repository.updateFile(trx, id, { status: 'deleted', deleted_at: new Date(), record_count: 0, superseded_by: null });
      const previous = file.status === 'loaded' ? await this.repository.latestSupersededBy(trx, id) : null;
      if (previous !== null) await this.repository.updateFile(trx, previous, { status: 'loaded', superseded_by: null });
      // Doubts of other files against this one lapse; those against the version that counts again come back.
      await this.repository.withdrawStaleDuplicates(trx, [id]);
      if (previous !== null) await this.repository.reopenDuplicates(trx, [previous]);
      await this.repository.audit(trx, 'file.delete', `source_file:${id}`, { fileName: file.file_name, sha256: file.sha256, status: file.status, rows, reason, restored: previous }, by);
    });
    return fileView(await this.get(id));
  }

  /** Makes a superseded version count again; the version that replaced it is superseded in turn. */
  async restore(id: number, by: string | null): Promise<FileView> {
    const file = await this.get(id);
    if (file.status === 'deleted') return this.reload(id, by);
    if (file.status !== 'superseded') throw new BadRequestException(`Tệp “${file.file_name}” không ở trạng thái bị thay thế.`);
    await this.repository.transaction(async (trx) => {
      await this.repository.updateFile(trx, id, { status: 'loaded', superseded_by: null });
      const others = file.unit_id !== null && file.year !== null
        ? await this.repository.findVersions(trx, { id, unit_id: file.unit_id, kind: file.kind, year: file.year, variant: file.variant })
        : [];
      await this.repository.markSuperseded(trx, others.map((other) => ({ id: other, by: id })));
      await this.repository.withdrawStaleDuplicates(trx, others);
      await this.repository.reopenDuplicates(trx, [id]);
      await this.repository.audit(trx, 'file.restore', `source_file:${id}`, { fileName: file.file_name, superseded: others }, by);
    });
    return fileView(await this.get(id));
  }

  /** Reads the raw bytes again and replaces the file's rows in one transaction; corrections are re-applied. */
  async reload(id: number, by: string | null): Promise<FileView> {
    const file = await this.get(id);
    if (file.purged_at || !(await this.store.has(file.sha256))) throw new BadRequestException(`Bản gốc của tệp “${file.file_name}” đã bị xóa hẳn; hãy tải lên lại.`);
    const result = await this.uploads.readStored(file.sha256, file.file_name);
    const outcome = await this.loader.load({ sha256: file.sha256, fileName: file.file_name, sizeBytes: file.size_bytes, result, batchId: file.batch_id, jobId: null, mode: 'reload' });
    if (outcome.state === 'failed') throw new BadRequestException(outcome.message);
    await this.repository.audit(this.repository.db, 'file.reload', `source_file:${id}`, { fileName: file.file_name, records: outcome.records, superseded: outcome.superseded }, by);
    return fileView(await this.get(id));
  }

  /** Admin: removes the raw bytes of a deleted file for good (audited). */
  async purge(id: number, by: string | null): Promise<FileView> {
    const file = await this.get(id);
    if (file.status !== 'deleted') throw new BadRequestException(`Chỉ xóa hẳn bản gốc của tệp đã bị xóa dữ liệu; tệp “${file.file_name}” đang ở trạng thái “${file.status}”.`);
    await this.store.remove(file.sha256);
    await this.repository.updateFile(this.repository.db, id, { purged_at: new Date() });
    await this.repository.audit(this.repository.db, 'file.purge', `source_file:${id}`, { fileName: file.file_name, sha256: file.sha256 }, by);
    return fileView(await this.get(id));
  }

  consistency(): Promise<{ orphanRows: number; mismatchedFiles: number }> {
    return this.repository.consistency();
  }

  private async get(id: number): Promise<SourceFile> {
    const file = await this.repository.findFile(id);
    if (!file) throw new NotFoundException(`Không có tệp mã số ${id}.`);
    return file;
  }
}

export function fileView(file: SourceFile): FileView {
  return {
    id: file.id, sha256: file.sha256, fileName: file.file_name, sizeBytes: file.size_bytes, format: file.format, kind: file.kind,
    year: file.year, unitText: file.unit_text, unitId: file.unit_id, unitMethod: file.unit_method, level: file.level,
    encoding: file.encoding, decisionNo: file.decision_no, decisionDate: file.decision_date, variant: file.variant,
    status: file.status, supersededBy: file.superseded_by, records: file.record_count, batchId: file.batch_id,
    uploadedAt: new Date(file.uploaded_at).toISOString(), deletedAt: file.deleted_at ? new Date(file.deleted_at).toISOString() : null,
    rawAvailable: !file.purged_at,
  };
}

