import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { REPO_ROOT } from '../../src/config/app-config.js';
import { UnitsService } from '../../src/units/units.service.js';
import type { BatchView } from '../../src/ingest/uploads.service.js';
import type { TestApp } from '../support/test-app.js';

export const SAMPLE_FILES = path.join(REPO_ROOT, 'sample-data/files');
export const UNITS_JSON = path.join(REPO_ROOT, 'sample-data/units/units.json');

export interface Upload {
  name: string;
  bytes: Uint8Array;
}

export function sample(name: string): Upload {
  return { name, bytes: new Uint8Array(readFileSync(path.join(SAMPLE_FILES, name))) };
}

/** Seeds the demo province's registry through the same import the seed uses. */
export async function seedUnits(t: TestApp): Promise<void> {
  await t.app.get(UnitsService).importRegistryFile(UNITS_JSON);
}

export async function postFiles(t: TestApp, files: Upload[], field = 'files'): Promise<Response> {
  const form = new FormData();
  for (const file of files) form.append(field, new Blob([file.bytes]), file.name);
  return t.fetch(`/api/uploads`, { method: 'POST', body: form });
}

/** Uploads and waits (by polling GET /api/uploads/:id) until every job is final. */
export async function upload(t: TestApp, files: Upload[]): Promise<BatchView> {
  const response = await postFiles(t, files);
  if (response.status !== 202) throw new Error(`upload answered ${response.status}: ${await response.text()}`);
  const batch = (await response.json()) as BatchView;
  return waitBatch(t, batch.id);
}

export async function waitBatch(t: TestApp, id: number): Promise<BatchView> {
  for (;;) {
    const view = (await (await t.fetch(`/api/uploads/${id}`)).json()) as BatchView;
    if (view.state === 'done') return view;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

export async function get<T>(t: TestApp, url: string): Promise<T> {
  const response = await t.fetch(`${url}`);
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as T;
}

export async function send<T>(t: TestApp, method: string, url: string, body?: unknown): Promise<{ status: number; body: T }> {
  const response = await t.fetch(`${url}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as T };
}

export type Row = (string | number | null)[];

/** A registration list as a commune office lays it out: title block, header, numbered rows. */
export async function registrationList(opts: { unit: string; year: number; rows: Row[]; sheet?: string; note?: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(opts.sheet ?? 'Đăng ký');
  sheet.addRow([opts.unit.toUpperCase()]);
  sheet.addRow([`DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM ${opts.year}`]);
  if (opts.note) sheet.addRow([opts.note]);
  sheet.addRow([]);
  sheet.addRow(['STT', 'Tên mô hình', 'Lĩnh vực', 'Chủ thể thực hiện', 'Mới/Duy trì', 'Thời gian bắt đầu', 'Ghi chú']);
  opts.rows.forEach((row, i) => sheet.addRow([i + 1, ...row]));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const TOPICS = [
  'Dân vận khéo trong xây dựng nông thôn mới', 'Tổ hòa giải ở cơ sở', 'Camera an ninh khu dân cư', 'Phụ nữ phân loại rác thải tại nguồn',
  'Cựu chiến binh giúp nhau phát triển kinh tế', 'Thanh niên hướng dẫn dịch vụ công trực tuyến', 'Chính quyền thân thiện vì Nhân dân phục vụ',
  'Hiến đất mở rộng đường giao thông nông thôn', 'Tủ sách văn hóa đọc', 'Vận động tham gia bảo hiểm y tế', 'Tổ liên gia an toàn phòng cháy chữa cháy',
  'Nuôi ong lấy mật theo chuỗi giá trị', 'Sản phẩm OCOP gắn với du lịch', 'Dân chủ ở cơ sở trong xây dựng hương ước', 'Chuyển đổi số cộng đồng',
];
const FIELDS = ['Kinh tế', 'Văn hóa - xã hội', 'Quốc phòng - an ninh', 'Xây dựng hệ thống chính trị'];
const OWNERS = ['Hội Nông dân xã', 'Hội Liên hiệp Phụ nữ xã', 'Đoàn Thanh niên xã', 'Hội Cựu chiến binh xã', 'UBND xã', 'Chi bộ Công an xã', 'Chi bộ Quân sự xã'];

/** A commune's registration list with `rows` realistic rows, distinct per `index` (for batches and the benchmark). */
export function communeFile(index: number, rows: number, year = 2026): Promise<Uint8Array> {
  return registrationList({
    unit: `Đảng ủy xã Thử Nghiệm ${index + 1}`,
    year,
    rows: Array.from({ length: rows }, (_, r) => [
      `${TOPICS[(index + r) % TOPICS.length]} thôn ${Math.floor(r / TOPICS.length) + 1}`,
      FIELDS[(index + r) % FIELDS.length]!,
      OWNERS[(index * 3 + r) % OWNERS.length]!,
      r % 3 === 0 ? 'Duy trì' : 'Mới',
      `0${1 + (r % 9)}/0${1 + (r % 9)}/${year}`,
      '',
    ]),
  });
}
