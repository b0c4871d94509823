import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../../src/config/app-config.js';
import { Database } from '../../src/db/database.js';
import { communeFile } from './support.js';

/** `main.js load FILE|DIR... --db PATH`: the office's archives through the same load path, from a shell. */
describe('the load CLI', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dvk-cli-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const { DVK_DATA_DIR: _data, DVK_DB: _db, ...env } = process.env;
  const run = (...args: string[]) =>
    spawnSync(process.execPath, ['--conditions=dvk-source', '--import', 'tsx', path.join(REPO_ROOT, 'backend/src/main.ts'), 'load', ...args], {
      cwd: REPO_ROOT, encoding: 'utf8', env: { ...env, LOG_LEVEL: 'silent', DVK_INGEST_WORKERS: '1' }, timeout: 120_000,
    });

  it('loads a folder recursively, prints a summary naming failed files, and loads nothing twice on a second run', async () => {
    const archive = path.join(dir, 'luu-tru');
    mkdirSync(path.join(archive, '2025', 'quy-4'), { recursive: true });
    writeFileSync(path.join(archive, 'xa-1.xlsx'), await communeFile(1, 6));
    writeFileSync(path.join(archive, '2025', 'xa-2.xlsx'), await communeFile(2, 9, 2025));
    writeFileSync(path.join(archive, '2025', 'quy-4', 'xa-3.xlsx'), await communeFile(3, 4, 2025));
    writeFileSync(path.join(archive, '2025', 'hong.xlsx'), 'không phải bảng tính');
    writeFileSync(path.join(archive, 'ghi-chu.txt'), 'bỏ qua');
    const db = path.join(dir, 'kho', 'dvk.duckdb');

    const first = run(archive, '--db', db);
    expect(first.status, first.stderr).toBe(1); // one file failed
    expect(first.stderr).toMatch(/4\/4 tệp/);
    expect(first.stderr).toMatch(/Đã nạp\s+3/);
    expect(first.stderr).toMatch(/Lỗi\s+1/);
    expect(first.stderr).toMatch(/✗ 2025\/hong\.xlsx: .*hong\.xlsx/);
    expect(first.stderr).toMatch(/Dòng dữ liệu mới\s+19/);

    const second = run(path.join(archive, '2025'), path.join(archive, 'xa-1.xlsx'), '--db', db);
    expect(second.stderr).toMatch(/Trùng \(đã có, bỏ qua\)\s+3/);
    expect(second.stderr).toMatch(/Dòng dữ liệu mới\s+0/);

    const store = await Database.open(db);
    const files = await store.db.selectFrom('source_file').select(['file_name', 'record_count', 'status']).orderBy('file_name').execute();
    await store.close();
    expect(files).toEqual([
      { file_name: '2025/quy-4/xa-3.xlsx', record_count: 4, status: 'loaded' },
      { file_name: '2025/xa-2.xlsx', record_count: 9, status: 'loaded' },
      { file_name: 'xa-1.xlsx', record_count: 6, status: 'loaded' },
    ]);
  });

  it('explains its usage and refuses an empty selection', () => {
    const none = run(path.join(dir, 'khong-co'));
    expect(none.status).toBe(2);
    expect(none.stderr).toMatch(/Không tìm thấy tệp/);
    const help = run('--help');
    expect(help.status).toBe(0);
    expect(help.stderr).toMatch(/Cách dùng/);
  });
});
