/** The CLI as users run it: a child process on real and broken files. */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ExtractOutput } from '../src/contract.js';
import { SAMPLES } from './helpers.js';

const BIN = join(SAMPLES, '..', '..', 'etl', 'bin', 'dvk-etl.js');
const run = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });

describe('dvk-etl CLI', () => {
  const files = ['2026_dong-hoa_dang-ky-mo-hinh.xlsx', 'hong_bi-cat-cut.xlsx', '2023_dong-la_dang-ky.xls', 'hong_bom-nen.xlsx', '2026_dong-hoa_dang-ky_utf8.csv', 'hong_co-mat-khau.xlsx'].map((f) => join(SAMPLES, f));

  it('prints the contract JSON, one entry per file in order, exit 0 even with broken files', () => {
    const p = run('extract', '--json', ...files);
    expect(p.status).toBe(0);
    const out = JSON.parse(p.stdout) as ExtractOutput;
    expect(out.files.map((f) => f.file)).toEqual(files.map((f) => f.split('/').pop()));
    for (const f of out.files) {
      expect(Object.keys(f)).toEqual(expect.arrayContaining(['file', 'sha256', 'format', 'kind', 'year', 'unit', 'level', 'encoding', 'records', 'issues']));
    }
    expect(out.files[0]?.records.length).toBe(12);
    expect(out.files[1]?.issues.map((i) => i.code)).toEqual(['CORRUPT_FILE']);
    expect(out.files[3]?.issues.map((i) => i.code)).toEqual(['ZIP_BOMB']);
    expect(out.files[5]?.issues.map((i) => i.code)).toEqual(['ENCRYPTED']);
  });

  it('still prints every entry when a path cannot be opened, and exits 1', () => {
    const p = run('extract', '--json', files[0]!, join(SAMPLES, 'khong-ton-tai.xlsx'));
    expect(p.status).toBe(1);
    const out = JSON.parse(p.stdout) as ExtractOutput;
    expect(out.files[0]?.records).toHaveLength(12);
    expect(out.files[1]?.issues.map((i) => i.code)).toEqual(['FILE_UNREADABLE']);
    expect(out.files[1]?.issues[0]?.message).toContain('không tìm thấy tệp');
  });

  it('prints a Vietnamese summary without --json', () => {
    const p = run('extract', files[0]!, files[1]!);
    expect(p.status).toBe(0);
    expect(p.stdout).toContain('loại: danh sách đăng ký mô hình');
    expect(p.stdout).toContain('số bản ghi: 12');
    expect(p.stdout).toContain('LỖI [CORRUPT_FILE]');
    expect(p.stdout).toMatch(/Tổng: 2 tệp, 12 bản ghi, 1 tệp có lỗi/);
  });

  it('answers a wrong call with usage and exit 2', () => {
    const p = run('extract');
    expect(p.status).toBe(2);
    expect(p.stderr).toContain('Cách dùng');
  });

  it('refuses a file over --max-mb without reading it, still exit 0', () => {
    const p = run('extract', '--json', '--max-mb', '0.001', files[0]!);
    expect(p.status).toBe(0);
    const out = JSON.parse(p.stdout) as ExtractOutput;
    expect(out.files[0]?.issues.map((i) => i.code)).toEqual(['FILE_TOO_LARGE']);
    expect(out.files[0]?.sha256).toMatch(/^[0-9a-f]{64}$/);
  });
});
