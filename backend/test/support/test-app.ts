import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../src/app.js';
import { AuthService } from '../../src/auth/auth.service.js';
import type { Role } from '../../src/auth/scope.js';
import { loadConfig, type AppConfig } from '../../src/config/app-config.js';
import { Database } from '../../src/db/database.js';

/** fetch with a path relative to the server, carrying one account's session cookie and CSRF header. */
export type SessionFetch = (pathname: string, init?: RequestInit) => Promise<Response>;

export interface TestApp {
  app: NestExpressApplication;
  config: AppConfig;
  /** Base URL of the listening server, e.g. http://127.0.0.1:41234 */
  url: string;
  /** fetch as the test admin (the whole store): `t.fetch('/api/files')`. */
  fetch: SessionFetch;
  /**
   * fetch as another account, created on first use: `t.as('uploader-dong-hoa')`
   * (role and unit from the name: admin…, uploader-<unit code>, viewer[-<unit code>]), or
   * `t.as('x', { role: 'viewer', unit: 12 })`.
   */
  as(username: string, account?: { role: Role; unit?: number | string | null }): Promise<SessionFetch>;
  close(): Promise<void>;
}

export const TEST_PASSWORD = 'Mật-khẩu-kiểm-thử-2026';

/** Logs in on a running server and returns a fetch that carries the session (also for child-process servers). */
export async function loginAt(base: string, username: string, password: string = TEST_PASSWORD): Promise<SessionFetch> {
  const response = await fetch(`${base}/api/auth/login`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }),
  });
  if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
  const cookies = new Map<string, string>();
  const remember = (r: Response) => {
    for (const line of r.headers.getSetCookie()) {
      const pair = line.split(';')[0]!;
      const eq = pair.indexOf('=');
      cookies.set(pair.slice(0, eq), pair.slice(eq + 1));
    }
  };
  remember(response);
  return async (pathname, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', [...cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const method = (init.method ?? 'GET').toUpperCase();
    const csrf = cookies.get('dvk_csrf');
    if (method !== 'GET' && method !== 'HEAD' && csrf) headers.set('x-csrf-token', decodeURIComponent(csrf));
    const answer = await fetch(pathname.startsWith('http') ? pathname : `${base}${pathname}`, { ...init, headers });
    remember(answer);
    return answer;
  };
}

/**
 * Starts the real application on a random port with a fresh data folder and
 * a DuckDB file in it (or ':memory:'), for tests that go through real HTTP.
 * Every route but health, login and docs needs a session: use t.fetch.
 */
export async function startTestApp(overrides: Partial<AppConfig> = {}): Promise<TestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dvk-test-'));
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DVK_DATA_DIR: dataDir, DVK_STATIC_DIR: path.join(dataDir, 'no-static') },
    { databasePath: path.join(dataDir, 'dvk.duckdb'), port: 0, host: '127.0.0.1', ...overrides },
  );
  const app = await createApp(config);
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const auth = app.get(AuthService);
  await auth.createUser({ username: 'test-admin', password: TEST_PASSWORD, role: 'admin', unitId: null, displayName: 'Quản trị kiểm thử' }, null);
  const sessions = new Map<string, SessionFetch>([['test-admin', await loginAt(url, 'test-admin')]]);
  const unitId = async (unit: number | string | null | undefined): Promise<number | null> => {
    if (unit === null || unit === undefined || typeof unit === 'number') return unit ?? null;
    const row = await app.get(Database).db.selectFrom('unit').select('id').where('code', '=', unit).executeTakeFirst();
    if (!row) throw new Error(`test account: no unit with code "${unit}"`);
    return row.id;
  };
  return {
    app,
    config,
    url,
    fetch: (pathname, init) => sessions.get('test-admin')!(pathname, init),
    async as(username, account) {
      const known = sessions.get(username);
      if (known) return known;
      const [, kind, code] = /^(admin|uploader|viewer)(?:-(.+))?$/.exec(username) ?? [];
      const role = account?.role ?? (kind as Role | undefined);
      if (!role) throw new Error(`test account "${username}": give its role`);
      const unit = account && 'unit' in account ? account.unit : code ?? (role === 'viewer' ? 'tinh' : null);
      await auth.createUser({ username, password: TEST_PASSWORD, role, unitId: await unitId(unit), displayName: null }, null);
      const session = await loginAt(url, username);
      sessions.set(username, session);
      return session;
    },
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
