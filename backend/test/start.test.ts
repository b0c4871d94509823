import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/app-config.js';
import { SeedService } from '../src/ingest/seed.service.js';
import { loginAt, TEST_PASSWORD } from './support/test-app.js';

/** A small registration list as a commune would send it. */
async function registrationList(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Đăng ký');
  sheet.addRow(['ĐẢNG BỘ XÃ ĐÔNG HÒA']);
  sheet.addRow(['DANH SÁCH ĐĂNG KÝ MÔ HÌNH “DÂN VẬN KHÉO” NĂM 2026']);
  sheet.addRow([]);
  sheet.addRow(['STT', 'Tên mô hình', 'Lĩnh vực', 'Chủ thể thực hiện', 'Ghi chú']);
  sheet.addRow([1, 'Dân vận khéo trong giải phóng mặt bằng', 'Kinh tế', 'UBND xã Đông Hòa', '']);
  sheet.addRow([2, 'Tổ hòa giải ở cơ sở thôn Đông', 'Quốc phòng - an ninh', 'Chi bộ thôn Đông', '']);
  sheet.addRow([3, 'Phụ nữ chung tay xây dựng nông thôn mới', 'Văn hóa - xã hội', 'Hội Liên hiệp Phụ nữ xã', '']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('start-up with sample data', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'dvk-start-'));
  const seedDir = path.join(dir, 'samples');
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DVK_DATA_DIR: path.join(dir, 'data'), DVK_STATIC_DIR: path.join(dir, 'none'), DVK_ADMIN_USER: 'quantri', DVK_ADMIN_PASSWORD: TEST_PASSWORD },
    { seedDir, port: 0 },
  );

  beforeAll(async () => {
    mkdirSync(seedDir, { recursive: true });
    writeFileSync(path.join(seedDir, 'dang-ky-2026.xlsx'), await registrationList());
    writeFileSync(path.join(seedDir, 'ghi-chu.txt'), 'not a unit file');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  async function startAndSummarise(): Promise<{ seeded: { loaded: number; skipped: boolean }; summary: Record<string, number> }> {
    const app = await createApp(config);
    await app.init();
    const seeded = await app.get(SeedService).seedOnce(seedDir);
    await app.listen(0, '127.0.0.1');
    const address = app.getHttpServer().address() as { port: number };
    const api = await loginAt(`http://127.0.0.1:${address.port}`, 'quantri');
    const summary = (await (await api('/api/files/summary')).json()) as Record<string, number>;
    await app.close();
    return { seeded, summary };
  }

  it('loads the samples through ingest on the first start and not again on the next, keeping the data', async () => {
    const first = await startAndSummarise();
    expect(first.seeded).toEqual({ loaded: 1, skipped: false });
    expect(first.summary.files).toBe(1);
    expect(first.summary.registrations).toBe(3);

    const second = await startAndSummarise();
    expect(second.seeded.skipped).toBe(true);
    expect(second.summary.files).toBe(1);
    expect(second.summary.registrations).toBe(3);
  });
});
