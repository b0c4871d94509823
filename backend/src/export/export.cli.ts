import { existsSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createApp } from '../app.js';
import { loadConfig } from '../config/app-config.js';
import { UnitsService } from '../units/units.service.js';
import { ExportService } from './export.service.js';

const USAGE = `Cách dùng: npm run export -- --unit MÃ|TÊN [--year NĂM] [--from-year NĂM] [--out TỆP.zip] [--db ĐƯỜNG_DẪN]
  (hoặc sau khi build: node backend/dist/export/export.cli.js …)
  Xuất bộ tài liệu tổng kết năm của đơn vị (bảng biểu XLSX, biểu đồ PNG/SVG, dự thảo báo cáo DOCX,
  trình chiếu PPTX) thành một tệp ZIP. Máy chủ phải đang dừng (DuckDB chỉ cho một tiến trình mở tệp);
  khi máy chủ đang chạy, hãy dùng nút "Tải bộ tài liệu tổng kết" trên trang Tổng quan.`;

const int = (v: string | undefined, name: string): number | undefined => {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v)) throw new Error(`"${name}" phải là số nguyên: ${v}`);
  return Number(v);
};

/** `export` command: the same pack as GET /api/export, written to a file. Returns the exit code. */
export async function runExportCli(argv: string[], out: NodeJS.WritableStream = process.stderr): Promise<number> {
  let values;
  let unitRef: string | undefined;
  let year: number | undefined;
  let fromYear: number | undefined;
  try {
    ({ values } = parseArgs({
      args: argv,
      allowPositionals: false,
      options: {
        unit: { type: 'string' }, year: { type: 'string' }, 'from-year': { type: 'string' }, out: { type: 'string' },
        db: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    }));
    unitRef = values.unit;
    year = int(values.year, 'year');
    fromYear = int(values['from-year'], 'from-year');
  } catch (error) {
    out.write(`${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`);
    return 2;
  }
  if (values.help) {
    out.write(`${USAGE}\n`);
    return 0;
  }

  const env = { ...process.env, LOG_LEVEL: process.env.LOG_LEVEL ?? 'error' };
  const overrides = values.db
    ? { databasePath: path.resolve(values.db), ...(process.env.DVK_DATA_DIR ? {} : { dataDir: path.dirname(path.resolve(values.db)) }) }
    : {};
  const config = { ...loadConfig(env, overrides), staticDir: null, port: 0 };
  // Exporting reads a store; it never creates an empty one by a mistyped path.
  if (config.databasePath !== ':memory:' && !existsSync(config.databasePath)) {
    out.write(`Không có tệp cơ sở dữ liệu ${config.databasePath}. Hãy chỉ đúng --db, hoặc khởi động máy chủ một lần để tạo và nạp dữ liệu.\n`);
    return 1;
  }
  let app;
  try {
    app = await createApp(config);
    await app.init();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    out.write(/lock/i.test(message)
      ? `Không mở được ${config.databasePath}: tệp đang được một tiến trình khác (máy chủ?) dùng. Hãy dừng máy chủ, hoặc tải bộ tài liệu trên trang Tổng quan.\n`
      : `Không mở được cơ sở dữ liệu ${config.databasePath}: ${message}\n`);
    return 1;
  }
  try {
    let unit: number | undefined;
    if (unitRef !== undefined && /^\d+$/.test(unitRef)) unit = Number(unitRef);
    else if (unitRef !== undefined) {
      const wanted = unitRef.normalize('NFC').toLocaleLowerCase('vi-VN');
      const found = (await app.get(UnitsService).list({ q: unitRef, limit: 50, offset: 0 })).items;
      const exact = found.filter((u) => u.name.normalize('NFC').toLocaleLowerCase('vi-VN') === wanted);
      const pick = exact.length === 1 ? exact : found.length === 1 ? found : [];
      if (pick.length !== 1) {
        out.write(`Không xác định được đơn vị "${unitRef}"${found.length > 1 ? `; có thể là: ${found.slice(0, 10).map((u) => `${u.id} ${u.name}`).join('; ')}` : ''}. Hãy dùng mã số đơn vị.\n`);
        return 2;
      }
      unit = pick[0]!.id;
    }
    const started = performance.now();
    const file = await app.get(ExportService).pack({ unit, year, fromYear }, null);
    const target = path.resolve(values.out ?? file.fileName);
    await writeFile(target, file.bytes);
    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    out.write(`Đã ghi ${target} (${(file.bytes.byteLength / 1024 / 1024).toFixed(1)} MB, ${seconds} giây).\n`);
    return 0;
  } catch (error) {
    const body = (error as { response?: { message?: unknown } }).response;
    out.write(`Không xuất được: ${typeof body?.message === 'string' ? body.message : error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  } finally {
    await app.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = await runExportCli(process.argv.slice(2));
}
