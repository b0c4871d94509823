/**
 * dvk-etl CLI: parses arguments and does the I/O; all reading is extract().
 *   dvk-etl extract --json FILE...   the contract JSON, one entry per file, in order
 *   dvk-etl extract FILE...          a readable Vietnamese summary per file
 * Exit code 0 whenever every file could be judged (refused files included),
 * 1 when a path could not be opened at all, 2 for a wrong call.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import type { ExtractOutput, FileResult } from './contract.js';
import { DEFAULT_MAX_BYTES, extract, sha256Hex } from './index.js';

const USAGE = `Cách dùng:
  dvk-etl extract [--json] [--max-mb N] TỆP...

  --json      in kết quả đúng hợp đồng dữ liệu (JSON), mỗi tệp một mục, theo thứ tự
  --max-mb N  giới hạn dung lượng mỗi tệp (mặc định ${DEFAULT_MAX_BYTES / 1048576} MB)
`;

const KIND_VI: Record<string, string> = {
  registration: 'danh sách đăng ký mô hình',
  recognition: 'danh sách mô hình được công nhận',
  exemplar: 'danh sách điển hình',
  report: 'báo cáo kết quả',
  unknown: 'không xác định',
};

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

const defaultIo: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
};

function refusedResult(name: string, sha256: string, code: string, message: string): FileResult {
  return {
    file: name, sha256, format: null, kind: 'unknown', year: null, unit: null, level: null,
    encoding: 'unicode', decision_no: null, decision_date: null, records: [],
    issues: [{ severity: 'error', code, message }],
  };
}

/** Hashes a file without holding it in memory (for files refused as too large). */
async function hashFile(path: string): Promise<string> {
  const h = createHash('sha256');
  for await (const chunk of createReadStream(path)) h.update(chunk as Buffer);
  return h.digest('hex');
}

async function readOne(path: string, maxBytes: number): Promise<FileResult> {
  const name = basename(path);
  try {
    const st = await stat(path);
    if (!st.isFile()) throw Object.assign(new Error('not a file'), { code: 'EISDIR' });
    if (st.size > maxBytes) {
      // Refused before reading it into memory.
      return refusedResult(name, await hashFile(path), 'FILE_TOO_LARGE', `Tệp "${name}" nặng ${(st.size / 1048576).toFixed(1)} MB, vượt giới hạn ${(maxBytes / 1048576).toFixed(1)} MB; hãy tách thành nhiều tệp hoặc xóa các trang không cần.`);
    }
    const bytes = new Uint8Array(await readFile(path));
    return await extract(bytes, name, { maxBytes });
  } catch (err) {
    const code = (err as { code?: string }).code;
    const why = code === 'ENOENT' ? 'không tìm thấy tệp' : code === 'EISDIR' ? 'đây là thư mục, không phải tệp' : code === 'EACCES' ? 'không có quyền đọc tệp' : 'không đọc được tệp';
    return refusedResult(name, sha256Hex(new Uint8Array(0)), 'FILE_UNREADABLE', `Tệp "${path}": ${why}.`);
  }
}

function summary(r: FileResult): string {
  const count = (s: string) => r.issues.filter((i) => i.severity === s).length;
  const lines = [
    `${r.file}`,
    `  định dạng: ${r.format ?? '—'} · loại: ${KIND_VI[r.kind] ?? r.kind} · năm: ${r.year ?? '—'} · đơn vị: ${r.unit ?? '—'} · mã chữ: ${r.encoding}`,
    `  số bản ghi: ${r.records.length} · lỗi: ${count('error')} · cảnh báo: ${count('warning')} · ghi chú: ${count('info')}`,
  ];
  for (const i of r.issues) if (i.severity !== 'info') lines.push(`  ${i.severity === 'error' ? 'LỖI' : 'Cảnh báo'} [${i.code}] ${i.message}`);
  return lines.join('\n') + '\n';
}

export async function main(argv: string[], io: CliIo = defaultIo): Promise<number> {
  const [cmd, ...rest] = argv;
  if (cmd !== 'extract') {
    io.err(USAGE);
    return cmd === '--help' || cmd === '-h' ? 0 : 2;
  }
  let json = false;
  let maxBytes = DEFAULT_MAX_BYTES;
  const files: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--json') json = true;
    else if (a === '--max-mb') {
      const n = Number(rest[++i]);
      if (!Number.isFinite(n) || n <= 0) {
        io.err(`--max-mb cần một số dương.\n${USAGE}`);
        return 2;
      }
      maxBytes = n * 1048576;
    } else if (a.startsWith('--')) {
      io.err(`Tùy chọn không hợp lệ: ${a}\n${USAGE}`);
      return 2;
    } else files.push(a);
  }
  if (files.length === 0) {
    io.err(USAGE);
    return 2;
  }
  const results: FileResult[] = [];
  for (const f of files) results.push(await readOne(f, maxBytes));
  if (json) {
    const output: ExtractOutput = { files: results };
    io.out(JSON.stringify(output, null, 2) + '\n');
  } else {
    for (const r of results) io.out(summary(r));
    const recs = results.reduce((n, r) => n + r.records.length, 0);
    const refusedCount = results.filter((r) => r.issues.some((i) => i.severity === 'error')).length;
    io.out(`\nTổng: ${results.length} tệp, ${recs} bản ghi, ${refusedCount} tệp có lỗi.\n`);
  }
  // Refused files were judged (exit 0); a file that could not even be opened was not (exit 1).
  return results.some((r) => r.issues.some((i) => i.code === 'FILE_UNREADABLE')) ? 1 : 0;
}
