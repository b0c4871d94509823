/**
 * Public API of @dvk/etl: bytes in, one FileResult out. Pure, never throws:
 * every failure is an error issue with a stable code and a Vietnamese message.
 *
 * Pipeline: sniff format → guard (size, zip bomb, XML entities) → reader →
 * Grid[] → gridsToResult (tables → mapping → records). Word documents go to
 * extractWord (word/), which feeds its tables through the same gridsToResult.
 */
import { createHash } from 'node:crypto';
import type { EtlIssue, FileResult, SourceFormat } from './contract.js';
import { extensionOf, sniffFormat } from './detect/format.js';
import { checkZip, DEFAULT_ZIP_LIMITS, type ZipLimits } from './detect/zip.js';
import { makeBudget, type ReadResult } from './readers/cell.js';
import { readCsv } from './readers/csv.js';
import { readXls } from './readers/xls.js';
import { readXlsx } from './readers/xlsx.js';
import { gridsToResult } from './records/pipeline.js';
import { extractWord } from './word/index.js';

export * from './contract.js';
export type { Grid, GridCell, WordDocument, DocumentBlock } from './grid.js';
export { cellAddress } from './grid.js';
export { gridsToResult, type GridsContext } from './records/pipeline.js';
export { findTables, type FoundTable } from './tables/find.js';
export { mapColumns, type ColumnMapping } from './mapping/map.js';
export { matchHeader, headerKey, type Role } from './mapping/vocabulary.js';
export { buildRecords } from './records/build.js';
export { documentMeta } from './records/meta.js';
export { sniffFormat } from './detect/format.js';
export { checkZip } from './detect/zip.js';
export { SPREADSHEET_ISSUE_CODES, type SpreadsheetIssueCode } from './records/codes.js';

export interface ExtractOptions {
  /** Files above this size are refused (FILE_TOO_LARGE). Default 20 MB. */
  maxBytes?: number;
  /** Wall-clock budget for one file. Default 30 s. */
  timeBudgetMs?: number;
  /** Cell budget for one file. Default 2,000,000. */
  maxCells?: number;
  zip?: Partial<ZipLimits>;
}

export const DEFAULT_MAX_BYTES = 20 * 1024 * 1024;

const EXT_FORMATS: Record<string, SourceFormat> = { xlsx: 'xlsx', xlsm: 'xlsx', xls: 'xls', csv: 'csv', txt: 'csv', docx: 'docx', doc: 'doc' };

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

function refused(fileName: string, sha256: string, format: SourceFormat | null, code: string, message: string, extraIssues: EtlIssue[] = []): FileResult {
  return {
    file: fileName, sha256, format, kind: 'unknown', year: null, unit: null, level: null, encoding: 'unicode',
    decision_no: null, decision_date: null, records: [],
    issues: [...extraIssues, { severity: 'error', code, message }],
  };
}

function mb(n: number): string {
  return `${(n / 1048576).toFixed(1)} MB`;
}

export async function extract(bytes: Uint8Array, fileName: string, options: ExtractOptions = {}): Promise<FileResult> {
  let sha = '';
  try {
    sha = sha256Hex(bytes);
    return await extractUnsafe(bytes, fileName, sha, options);
  } catch (err) {
    // Last line of defence: a library bug must not crash the batch.
    const msg = err instanceof Error ? err.message : String(err);
    return refused(fileName, sha, null, 'INTERNAL_ERROR', `Tệp "${fileName}": lỗi không mong đợi khi đọc (${msg.slice(0, 160)}); hãy báo cho quản trị viên.`);
  }
}

async function extractUnsafe(bytes: Uint8Array, fileName: string, sha: string, options: ExtractOptions): Promise<FileResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (bytes.byteLength > maxBytes) {
    return refused(fileName, sha, null, 'FILE_TOO_LARGE', `Tệp "${fileName}" nặng ${mb(bytes.byteLength)}, vượt giới hạn ${mb(maxBytes)}; hãy tách thành nhiều tệp hoặc xóa các trang không cần.`);
  }
  const sniffed = sniffFormat(bytes);
  const ext = extensionOf(fileName);
  if (sniffed.format === null) {
    return refused(fileName, sha, null, sniffed.code, `Tệp "${fileName}": ${sniffed.detail}.`);
  }
  const format = sniffed.format;
  const issues: EtlIssue[] = [];
  const expected = EXT_FORMATS[ext];
  if (expected && expected !== format) {
    // A workbook-looking name that is really plain text is a broken export, not a spreadsheet.
    if ((expected === 'xlsx' || expected === 'xls') && format === 'csv') {
      return refused(fileName, sha, 'csv', 'NOT_A_WORKBOOK', `Tệp "${fileName}" mang đuôi .${ext} nhưng thực chất là văn bản CSV, không phải bảng tính Excel; hãy mở bằng Excel và lưu lại đúng định dạng .xlsx, hoặc gửi với đuôi .csv.`);
    }
    issues.push({ severity: 'warning', code: 'EXTENSION_MISMATCH', value: ext, message: `Tệp "${fileName}" mang đuôi .${ext} nhưng nội dung là ${format}; đã đọc theo nội dung.` });
  }
  if (format === 'docx' || format === 'doc') return extractWord(bytes, { file: fileName, sha256: sha, format, issues, zip: { ...DEFAULT_ZIP_LIMITS, ...options.zip } });
  const budget = makeBudget(options.timeBudgetMs ?? 30_000, options.maxCells ?? 2_000_000);
  let read: ReadResult;
  if (format === 'xlsx') {
    const check = checkZip(bytes, { ...DEFAULT_ZIP_LIMITS, ...options.zip });
    if (!check.ok) return refused(fileName, sha, format, check.problem.code, `Tệp "${fileName}": ${check.problem.detail}; tệp bị từ chối để bảo vệ hệ thống.`, issues);
    read = await readXlsx(bytes, budget);
  } else if (format === 'xls') {
    read = readXls(bytes, budget);
  } else {
    read = readCsv(bytes, budget, baseName(fileName));
  }
  if (read.fatal) {
    const err = read.issues.find((i) => i.severity === 'error');
    return refused(fileName, sha, format, err?.code ?? 'CORRUPT_FILE', `Tệp "${fileName}": ${err?.message ?? 'không đọc được'}`, issues);
  }
  if (budget.exceeded) {
    const what = budget.exceeded === 'time' ? 'quá thời gian cho phép' : `quá ${budget.maxCells.toLocaleString('vi-VN')} ô dữ liệu`;
    return refused(fileName, sha, format, budget.exceeded === 'time' ? 'TIME_BUDGET' : 'TOO_MANY_CELLS', `Tệp "${fileName}": đọc ${what}; hãy tách tệp thành các phần nhỏ hơn.`, issues);
  }
  return gridsToResult(read.grids, { file: fileName, sha256: sha, format, issues: [...issues, ...read.issues], deadline: budget.deadline });
}

function baseName(fileName: string): string {
  const b = fileName.split(/[\\/]/).pop() ?? fileName;
  return b.replace(/\.[^.]+$/, '') || 'CSV';
}

export type { ReadResult };
