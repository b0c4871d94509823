import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createApp } from '../app.js';
import { loadConfig } from '../config/app-config.js';
import { listReadableFiles } from './files-on-disk.js';
import { UploadsService, type BatchView } from './uploads.service.js';

const USAGE = `Cách dùng: node backend/dist/main.js load TỆP|THƯ_MỤC... [--db ĐƯỜNG_DẪN] [--by TÊN]
  Nạp các tệp .xlsx .xls .csv .docx .doc (tìm cả trong thư mục con) vào cơ sở dữ liệu,
  qua đúng đường nạp của máy chủ. Máy chủ phải đang dừng (DuckDB chỉ cho một tiến trình ghi).`;

/** `load` subcommand: archives of files into the store, with a progress bar and a summary table. */
export async function runLoadCli(argv: string[], out: NodeJS.WriteStream = process.stderr): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, allowPositionals: true, options: { db: { type: 'string' }, by: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  } catch (error) {
    out.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  const { values, positionals } = parsed;
  if (values.help || positionals.length === 0) {
    out.write(`${USAGE}\n`);
    return values.help ? 0 : 2;
  }
  const files = await listReadableFiles(positionals);
  if (files.length === 0) {
    out.write(`Không tìm thấy tệp .xlsx .xls .csv .docx .doc nào trong: ${positionals.join(', ')}\n`);
    return 2;
  }
  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn' };
  const overrides = values.db
    ? { databasePath: path.resolve(values.db), ...(process.env.DVK_DATA_DIR ? {} : { dataDir: path.dirname(path.resolve(values.db)) }) }
    : {};
  const config = { ...loadConfig(env, overrides), staticDir: null, port: 0 };

  let app;
  try {
    app = await createApp(config);
    await app.init();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    out.write(/lock/i.test(message)
      ? `Không mở được ${config.databasePath}: tệp đang được một tiến trình khác (máy chủ?) dùng. Hãy dừng máy chủ hoặc tải tệp lên qua trang web.\n`
      : `Không mở được cơ sở dữ liệu ${config.databasePath}: ${message}\n`);
    return 1;
  }
  const uploads = app.get(UploadsService);
  const started = performance.now();
  let done = 0;
  const draw = () => {
    const width = 30;
    const filled = Math.round((done / files.length) * width);
    const rate = done / Math.max(0.001, (performance.now() - started) / 1000);
    out.write(`\r[${'█'.repeat(filled)}${'░'.repeat(width - filled)}] ${done}/${files.length} tệp  ${rate.toFixed(1)} tệp/giây `);
  };
  const subscription = uploads.stream().subscribe((event) => {
    if (event.type === 'job' && ['loaded', 'failed', 'needs_review'].includes(event.data.state)) {
      done++;
      if (out.isTTY || done % 25 === 0 || done === files.length) draw();
    }
  });
  let view: BatchView;
  try {
    const root = await commonFolder(positionals);
    const batch = await uploads.uploadPaths(files, 'cli', values.by ?? process.env.USER ?? null, root);
    view = await uploads.waitFor(batch.id);
  } finally {
    subscription.unsubscribe();
  }
  draw();
  out.write('\n\n');
  const seconds = (performance.now() - started) / 1000;
  out.write(summaryTable(view, seconds));
  await app.close();
  return view.counts.failed > 0 ? 1 : 0;
}

/** The deepest folder holding every argument: job names are shown relative to it. */
async function commonFolder(inputs: string[]): Promise<string> {
  const folders = await Promise.all(inputs.map(async (input) => {
    const full = path.resolve(input);
    const info = await stat(full).catch(() => null);
    return info?.isDirectory() ? full : path.dirname(full);
  }));
  let common = folders[0] ?? process.cwd();
  for (const folder of folders.slice(1)) {
    while (common !== path.dirname(common) && !(`${folder}${path.sep}`.startsWith(`${common}${path.sep}`) || folder === common)) common = path.dirname(common);
  }
  return common;
}

function summaryTable(view: BatchView, seconds: number): string {
  const rows: [string, string][] = [
    ['Lượt nạp', `#${view.id}`],
    ['Tệp', String(view.fileCount)],
    ['Đã nạp', String(view.counts.loaded - view.counts.duplicate + view.counts.needs_review)],
    ['  trong đó cần rà soát', String(view.counts.needs_review)],
    ['Trùng (đã có, bỏ qua)', String(view.counts.duplicate)],
    ['Lỗi', String(view.counts.failed)],
    ['Dòng dữ liệu mới', String(view.counts.records)],
    ['Thời gian', `${seconds.toFixed(1)} giây (${(view.fileCount / Math.max(seconds, 0.001)).toFixed(1)} tệp/giây)`],
  ];
  const width = Math.max(...rows.map(([k]) => k.length));
  let text = rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`).join('\n') + '\n';
  const failed = view.jobs.filter((j) => j.state === 'failed');
  if (failed.length > 0) {
    text += `\nTệp lỗi:\n${failed.slice(0, 50).map((j) => `  ✗ ${j.fileName}: ${j.message ?? ''}`).join('\n')}\n`;
    if (failed.length > 50) text += `  … và ${failed.length - 50} tệp khác\n`;
  }
  return text;
}
