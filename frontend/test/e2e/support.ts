/**
 * Browser-test plumbing: the real backend (createApp on a temp DuckDB, serving
 * the built dashboard) and Debian's Chromium driven by playwright-core.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';

export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DIST = path.join(REPO, 'frontend/dist');
export const ARTIFACTS = path.join(REPO, 'test-artifacts/frontend');
export const SAMPLES = path.join(REPO, 'sample-data/files');
export const CHROMIUM = process.env.DVK_CHROMIUM ?? '/usr/bin/chromium';
export const ADMIN = { username: 'quantri', password: 'mat-khau-thu-nghiem-2026' };

/** The flags a closed network and a container need. */
export const CHROMIUM_ARGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Builds the dashboard when dist/ is missing (the root `npm test` builds first). */
export function ensureDist(): void {
  if (!existsSync(path.join(DIST, 'index.html'))) {
    execFileSync('npm', ['run', 'build', '-w', 'frontend'], { cwd: REPO, stdio: 'ignore' });
  }
}

export interface Backend {
  url: string;
  dataDir: string;
  close(): Promise<void>;
}

interface NestLike {
  get<T>(token: abstract new (...args: never[]) => T): T;
  listen(port: number, host: string): Promise<unknown>;
  getHttpServer(): { address(): AddressInfo | string | null };
  close(): Promise<void>;
}

/**
 * Starts the real application on a random port with a fresh data folder.
 * Imported by path at run time so the dashboard's type check never walks into
 * the backend's decorators.
 */
export async function startBackend(env: Record<string, string> = {}, options: { registry?: boolean } = {}): Promise<Backend> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dvk-web-'));
  const appModule = path.join(REPO, 'backend/src/app.ts');
  const configModule = path.join(REPO, 'backend/src/config/app-config.ts');
  const { createApp } = (await import(/* @vite-ignore */ appModule)) as { createApp(config: unknown): Promise<NestLike> };
  const { loadConfig } = (await import(/* @vite-ignore */ configModule)) as { loadConfig(env: Record<string, string>, overrides: Record<string, unknown>): unknown };
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DVK_DATA_DIR: dataDir, DVK_STATIC_DIR: DIST, DVK_ADMIN_USER: ADMIN.username, DVK_ADMIN_PASSWORD: ADMIN.password, ...env },
    { databasePath: env.DVK_DB ?? path.join(dataDir, 'dvk.duckdb'), port: 0, host: '127.0.0.1', staticDir: DIST },
  );
  const app = await createApp(config);
  if (options.registry) await seedRegistry(app);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    dataDir,
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo province's unit registry and the seeds' plans, as `--seed` loads them, but no files: the test uploads those. */
async function seedRegistry(app: NestLike): Promise<void> {
  const units = path.join(REPO, 'backend/src/units/units.service.ts');
  const plans = path.join(REPO, 'backend/src/plans/plan-seed.service.ts');
  const { UnitsService } = (await import(/* @vite-ignore */ units)) as { UnitsService: abstract new (...args: never[]) => { importRegistryFile(file: string): Promise<unknown> } };
  const { PlanSeedService } = (await import(/* @vite-ignore */ plans)) as { PlanSeedService: abstract new (...args: never[]) => { seedOnce(dir: string): Promise<unknown> } };
  await app.get(UnitsService).importRegistryFile(path.join(REPO, 'sample-data/units/units.json'));
  await app.get(PlanSeedService).seedOnce(path.join(REPO, 'sample-data/plans'));
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  downloads: string;
  close(): Promise<void>;
}

/** Launches Chromium with a fresh profile; fails loudly, never skips, when it is not installed. */
export async function launchBrowser(viewport = { width: 1920, height: 1080 }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Không thấy Chromium ở ${CHROMIUM}. Cài bằng "apt-get install -y chromium" (.ci/run tự cài), hoặc đặt DVK_CHROMIUM trỏ tới trình duyệt.`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'dvk-chromium-'));
  const downloads = mkdtempSync(path.join(tmpdir(), 'dvk-downloads-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport,
    locale: 'vi-VN',
    acceptDownloads: true,
    downloadsPath: downloads,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return {
    context,
    page,
    downloads,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
      rmSync(downloads, { recursive: true, force: true });
    },
  };
}

export async function login(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/#/`);
  await page.getByLabel('Tên đăng nhập').fill(ADMIN.username);
  await page.getByLabel('Mật khẩu').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`), fullPage: true });
}
