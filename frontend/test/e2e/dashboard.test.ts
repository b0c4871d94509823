// @vitest-environment node
/**
 * The dashboard in a real headless Chromium against the real backend on a
 * temp database: sign in, upload sample files through the page, watch the
 * overview's numbers, drill down and back, search with and without
 * diacritics, open a model's provenance, save a chart as PNG.
 *
 * Expected figures, by hand from the files' expected readings
 * (sample-data/files/*.expected.json), year 2026:
 *   2026_dong-hoa_dang-ky-mo-hinh.xlsx          12 registrations: 1 new, 7 continued, 4 replicated
 *   2026_tan-lai_bieu-tong-hop-45-mo-hinh.xlsx  45 registrations: 12 new, 21 continued, 12 replicated
 *   2026_kim-son_tap-the-ca-nhan.xlsx            8 registrations: 2 new, 4 continued, 2 replicated
 *   2026_dong-hoa_de-nghi-dien-hinh.xlsx         7 exemplars
 *   → province 2026: 65 registered (15 new, 32 continued, 18 replicated), 7 exemplars;
 *     "hoa giai" and "hòa giải" each find 3 models (one per registration list).
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, ensureDist, launchBrowser, login, SAMPLES, screenshot, startBackend, type Backend, type Browser } from './support';

const DONG_HOA = '2026_dong-hoa_dang-ky-mo-hinh.xlsx';
/** A list whose sender and several owners the sample registry does not know. */
const WAITING = '2026_dong-hoa_dang-ky_utf8.csv';
const MORE = ['2026_tan-lai_bieu-tong-hop-45-mo-hinh.xlsx', '2026_kim-son_tap-the-ca-nhan.xlsx', '2026_dong-hoa_de-nghi-dien-hinh.xlsx'];

let backend: Backend;
let browser: Browser;
let page: Page;

const kpi = (id: string) => page.locator(`[data-kpi="${id}"] .value`);

async function upload(files: string[], how: 'choose' | 'drop' = 'choose'): Promise<void> {
  await page.goto(`${backend.url}/#/tai-len`);
  if (how === 'choose') await page.getByLabel('Chọn tệp để tải lên').setInputFiles(files.map((f) => path.join(SAMPLES, f)));
  else {
    // A real drop event carrying the files, as when the office drags them from a folder.
    const payload = files.map((f) => ({ name: f, bytes: [...readFileSync(path.join(SAMPLES, f))] }));
    const dataTransfer = await page.evaluateHandle((list) => {
      const dt = new DataTransfer();
      for (const f of list) dt.items.add(new File([new Uint8Array(f.bytes)], f.name));
      return dt;
    }, payload);
    await page.getByRole('region', { name: 'Vùng kéo thả tệp' }).dispatchEvent('drop', { dataTransfer });
  }
  await page.getByRole('button', { name: `Tải lên ${files.length} tệp` }).click();
  await page.getByTestId('batch-summary').waitFor({ timeout: 60_000 });
}

async function openOverview(query: string): Promise<void> {
  await page.goto(`${backend.url}/#/${query}`);
  await kpi('registered').waitFor();
}

describe('the dashboard in Chromium', () => {
  beforeAll(async () => {
    ensureDist();
    backend = await startBackend({}, { registry: true });
    browser = await launchBrowser();
    page = browser.page;
    page.setDefaultTimeout(15_000);
    await login(page, backend.url);
  }, 180_000);

  // On failure: what the page said, and a screenshot, so a red run explains itself.
  beforeEach(({ task, onTestFailed }) => {
    onTestFailed(async () => {
      const said = await page.locator('main').innerText().catch(() => '(no page)');
      console.error(`[${task.name}] ${page.url()}\n${said.slice(0, 800)}`);
      await screenshot(page, `failed-${task.name.replace(/[^\p{L}\d]+/gu, '-')}`).catch(() => undefined);
    });
  });

  afterAll(async () => {
    await browser?.close();
    await backend?.close();
  });

  it('uploads one registration list and says what it understood', async () => {
    await upload([DONG_HOA], 'drop');
    const job = page.locator(`li[data-file="${DONG_HOA}"]`);
    await expect.poll(() => job.getAttribute('data-state')).toMatch(/^(loaded|needs_review)$/);
    await expect.poll(() => job.locator('dd[data-field="kind"]').textContent()).toBe('Danh sách đăng ký mô hình');
    expect(await job.locator('dd[data-field="year"]').textContent()).toBe('2026');
    expect(await job.locator('dd[data-field="rows"]').textContent()).toBe('12');
    await screenshot(page, 'upload-1920');
  });

  it('shows the uploaded models on the overview', async () => {
    await openOverview('?year=2026');
    await expect.poll(() => kpi('registered').textContent()).toBe('12');
  });

  it('changes the overview to the expected figures after more files', async () => {
    await upload(MORE);
    expect(await page.locator('li[data-state="failed"]').count()).toBe(0);
    await openOverview('?year=2026');
    await expect.poll(() => kpi('registered').textContent()).toBe('65');
    expect(await page.locator('[data-kpi="registered"] .detail').textContent()).toBe('Mới 15 · Duy trì 32 · Nhân rộng 18');
    expect(await kpi('exemplars').textContent()).toBe('7');
    for (const id of ['chart-field', 'chart-rate', 'chart-status', 'chart-owner']) {
      await page.locator(`[data-testid="${id}"] [data-drawn="true"]`).waitFor();
    }
    await screenshot(page, 'overview-1920');
  });

  it('drills down to a commune and comes back up by the breadcrumb', async () => {
    const province = await page.locator('h1').textContent();
    await page.getByRole('table', { name: 'Thực hiện chỉ tiêu theo đơn vị trực thuộc' }).getByRole('link', { name: 'Xã Tân Lai', exact: true }).click();
    await expect.poll(() => page.locator('h1').textContent()).toContain('Xã Tân Lai');
    await expect.poll(() => kpi('registered').textContent()).toBe('45');
    expect(page.url()).toMatch(/[?&]unit=\d+/);
    expect(page.url()).toContain('year=2026');
    await screenshot(page, 'overview-drilled-1920');
    await page.getByRole('navigation', { name: 'Vị trí trong cây đơn vị' }).getByRole('link').first().click();
    await expect.poll(() => kpi('registered').textContent()).toBe('65');
    expect(await page.locator('h1').textContent()).toBe(province);
    // The browser's back button returns to the commune: the URL held the state.
    await page.goBack();
    await expect.poll(() => kpi('registered').textContent()).toBe('45');
  });

  it('saves a chart as PNG, SVG and its data as XLSX', async () => {
    await openOverview('?year=2026');
    const card = page.getByTestId('chart-field');
    await card.locator('[data-drawn="true"]').waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /thành ảnh PNG/ }).click()]);
    expect(download.suggestedFilename()).toMatch(/^Mô hình theo lĩnh vực.*\.png$/);
    const file = path.join(browser.downloads, 'chart.png');
    await download.saveAs(file);
    const bytes = readFileSync(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(statSync(file).size).toBeGreaterThan(10_000);

    const [svg] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /thành ảnh SVG/ }).click()]);
    const svgFile = path.join(browser.downloads, 'chart.svg');
    await svg.saveAs(svgFile);
    const svgText = readFileSync(svgFile, 'utf8');
    expect(svgText.startsWith('<svg')).toBe(true);
    expect(svgText).toContain('Kinh tế');

    const [xlsx] = await Promise.all([page.waitForEvent('download'), card.getByRole('button', { name: /Excel/ }).click()]);
    const xlsxFile = path.join(browser.downloads, 'chart.xlsx');
    await xlsx.saveAs(xlsxFile);
    expect([...readFileSync(xlsxFile).subarray(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('finds models with and without diacritics', async () => {
    await page.goto(`${backend.url}/#/mo-hinh`);
    const search = page.getByRole('searchbox');
    for (const q of ['hoa giai', 'hòa giải', 'HOÀ GIẢI']) {
      await search.fill(q);
      await expect.poll(() => page.getByTestId('model-count').textContent()).toMatch(new RegExp(`^3 mô hình khớp với “${q}”$`));
      expect(await page.locator('tbody tr').count()).toBe(3);
    }
    await screenshot(page, 'models-1920');
    expect(page.url()).toContain('q=HO%C3%80+GI%E1%BA%A2I');
  });

  it('shows where each value of a model came from, with the original file', async () => {
    await page.goto(`${backend.url}/#/mo-hinh?q=hoa+giai`);
    await page.locator('tbody tr a').first().click();
    await page.getByRole('heading', { name: 'Lịch sử qua các năm' }).waitFor();
    const link = page.locator('td.src a').first();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/api\/files\/\d+\/raw$/);
    expect(await link.textContent()).toMatch(/^2026_.*\.xlsx$/);
    const raw = await page.request.get(`${backend.url}${href}`);
    expect(raw.status()).toBe(200);
    const name = (await link.textContent())!;
    expect((await raw.body()).length).toBe(statSync(path.join(SAMPLES, name)).size);
    // Dates read the Vietnamese way (dd/mm/yyyy), never as stored ISO text.
    const history = (await page.locator('main table').first().textContent())!;
    expect(history).toContain('25/03/2026');
    expect(history).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await screenshot(page, 'model-1920');
  });

  it('shows the admin who uploaded what, in the audit log', async () => {
    await page.goto(`${backend.url}/#/`);
    await page.getByRole('link', { name: 'Nhật ký' }).click();
    await page.getByTestId('audit-table').waitFor();
    // Earlier tests uploaded four sample files as the admin: each upload request is one 'upload' line.
    const uploads = page.locator('[data-testid="audit-table"] tbody tr', { hasText: 'upload' });
    expect(await uploads.count()).toBeGreaterThanOrEqual(2);
    expect(await uploads.first().textContent()).toContain(ADMIN.username);
    await page.getByLabel('Hành động').fill('export');
    await page.getByRole('button', { name: 'Lọc' }).click();
    await expect.poll(() => page.url()).toContain('action=export');
    await page.locator('[data-testid="audit-table"], main [role="status"]').first().waitFor();
    expect(await page.locator('[data-testid="audit-table"] tbody tr', { hasText: 'upload' }).count()).toBe(0);
    await screenshot(page, 'audit-1920');
  });

  it('shows the unit page and the review queue', async () => {
    await openOverview('?year=2026');
    await page.getByRole('link', { name: 'Trang đơn vị →' }).click();
    await page.getByRole('heading', { name: /Gửi tệp theo hạn/ }).waitFor();
    await screenshot(page, 'unit-1920');
    await page.getByRole('link', { name: 'Duyệt dữ liệu' }).click();
    await page.getByRole('heading', { name: /Duyệt các dòng/ }).waitFor();
    await page.locator('main [role="status"], main [role="listbox"], main [role="alert"]').first().waitFor();
    await screenshot(page, 'review-1920');
  });

  it('reads the files waiting for a unit again from the review queue, and follows them on the upload page', async () => {
    // A list whose owners and sender the registry does not know: its rows wait for a unit.
    await upload([WAITING]);
    await expect.poll(() => page.locator(`li[data-file="${WAITING}"]`).getAttribute('data-state')).toBe('needs_review');
    await page.goto(`${backend.url}/#/duyet`);
    const again = page.getByRole('button', { name: 'Đọc lại các tệp chờ xác định đơn vị' });
    await again.waitFor();
    await screenshot(page, 'review-waiting-1920');
    await again.click();
    await page.getByRole('heading', { name: 'Tải tệp của đơn vị lên' }).waitFor();
    expect(page.url()).toMatch(/#\/tai-len\?batch=\d+$/);
    const job = page.locator(`li[data-file="${WAITING}"]`);
    await expect.poll(() => job.getAttribute('data-state')).toBe('needs_review');
    expect(await page.locator('li[data-file]').count()).toBe(1);
    await screenshot(page, 'reload-waiting-1920');
  });

  it('fits a 1366×768 laptop without sideways scrolling', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await openOverview('?year=2026');
    await page.locator('[data-testid="chart-field"] [data-drawn="true"]').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await screenshot(page, 'overview-1366');
    await page.goto(`${backend.url}/#/tai-len`);
    await page.getByRole('heading', { name: 'Tải tệp của đơn vị lên' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await screenshot(page, 'upload-1366');
  });

  it('fits the models list on a 1366×768 laptop', async () => {
    await page.setViewportSize({ width: 1366, height: 768 });
    await page.goto(`${backend.url}/#/mo-hinh?q=hoa+giai`);
    await page.locator('tbody tr').first().waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1366);
    await screenshot(page, 'models-1366');
  });
});
