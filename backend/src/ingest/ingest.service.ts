import path from 'node:path';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { extract, type FileResult } from '@dvk/etl';
import { APP_CONFIG, type AppConfig } from '../config/app-config.js';
import { IngestRepository, type StoreSummary } from './ingest.repository.js';
import { RawFileStore } from './raw-file.store.js';

export interface IngestOutcome {
  fileName: string;
  sha256: string;
  sourceFileId: number;
  /** loaded | failed | duplicate */
  outcome: 'loaded' | 'failed' | 'duplicate';
  kind: string;
  year: number | null;
  records: number;
  errors: string[];
}

/**
 * From bytes to stored rows: keep the raw file, read it with the ETL, load
 * the file's records and issues in one transaction (whole or not at all).
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger(IngestService.name);
  private readonly store: RawFileStore;

  constructor(
    @Inject(IngestRepository) private readonly repository: IngestRepository,
    @Inject(APP_CONFIG) config: AppConfig,
  ) {
    this.store = new RawFileStore(path.join(config.dataDir, 'files'));
  }

  async ingest(bytes: Uint8Array, fileName: string): Promise<IngestOutcome> {
    const sha256 = await this.store.put(bytes);
    const existing = await this.repository.findBySha(sha256);
    if (existing) {
      return {
        fileName, sha256, sourceFileId: existing.id, outcome: 'duplicate', kind: existing.kind,
        year: existing.year, records: existing.record_count, errors: [],
      };
    }
    const result: FileResult = await extract(bytes, fileName);
    const errors = result.issues.filter((i) => i.severity === 'error').map((i) => i.message);
    const failed = errors.length > 0 && result.records.length === 0;
    const sourceFileId = await this.repository.transaction(async (trx) => {
      const id = await this.repository.insertFile(trx, {
        sha256,
        file_name: fileName,
        size_bytes: bytes.byteLength,
        format: result.format,
        kind: result.kind,
        year: result.year,
        unit_text: result.unit,
        unit_id: null,
        level: result.level,
        encoding: result.encoding,
        decision_no: result.decision_no ?? null,
        decision_date: result.decision_date ?? null,
        status: failed ? 'failed' : 'loaded',
        superseded_by: null,
        record_count: failed ? 0 : result.records.length,
        uploaded_by: null,
        deleted_at: null,
        deleted_by: null,
      });
      await this.repository.insertContents(trx, id, failed ? { ...result, records: [] } : result);
      return id;
    });
    this.logger.log({ fileName, sha256, records: result.records.length, failed }, 'file ingested');
    return {
      fileName, sha256, sourceFileId, outcome: failed ? 'failed' : 'loaded', kind: result.kind,
      year: result.year, records: failed ? 0 : result.records.length, errors,
    };
  }

  summary(): Promise<StoreSummary> {
    return this.repository.summary();
  }
}
