import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { createApp } from '../../src/app.js';
import { loadAuthConfig, type AuthConfig } from '../../src/auth/auth-config.js';
import { AuthGuard } from '../../src/auth/auth.guard.js';
import { GUARD_IS_GLOBAL } from '../../src/auth/auth.module.js';
import { AuthService } from '../../src/auth/auth.service.js';
import type { Role } from '../../src/auth/scope.js';
import { loadConfig, REPO_ROOT, type AppConfig } from '../../src/config/app-config.js';
import { UnitsService } from '../../src/units/units.service.js';
import { Database } from '../../src/db/database.js';
import { UnitClosure } from '../../src/db/unit-scope.js';

/** A small registry: province → two communes, each with a village party cell; ids filled in by seedUnits(). */
export interface Units {
  province: number;
  communeA: number;
  cellA: number;
  communeB: number;
  cellB: number;
}

export const PASSWORD = 'Mật-khẩu-thử-2026';

export interface AuthTestApp {
  app: NestExpressApplication;
  url: string;
  units: Units;
  db: Database;
  /** A fresh cookie-jar client logged in as `username` (created on first use with PASSWORD). */
  as(username: string): Promise<Client>;
  anonymous(): Client;
  createUser(username: string, role: Role, unitId: number | null): Promise<number>;
  close(): Promise<void>;
}

/**
 * The real app on a temp DuckDB file with AuthGuard applied globally: during
 * phase 1 only these tests run with the guard; phase 2 registers it as
 * APP_GUARD for every test.
 */
export async function startAuthApp(
  auth: Partial<AuthConfig> = {},
  overrides: Partial<AppConfig> = {},
  options: { registry?: 'small' | 'sample' } = {},
): Promise<AuthTestApp> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'dvk-auth-'));
  const config = loadConfig(
    { LOG_LEVEL: 'silent', DVK_DATA_DIR: dataDir, DVK_STATIC_DIR: path.join(dataDir, 'no-static') },
    { databasePath: path.join(dataDir, 'dvk.duckdb'), port: 0, host: '127.0.0.1', auth: { ...loadAuthConfig({}), ...auth }, ...overrides },
  );
  const app = await createApp(config);
  if (!GUARD_IS_GLOBAL) app.useGlobalGuards(app.get(AuthGuard));
  await app.listen(0, '127.0.0.1');
  const { port } = app.getHttpServer().address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  const db = app.get(Database);
  const units = options.registry === 'sample' ? await sampleUnits(app, db) : await seedUnits(db);
  const service = app.get(AuthService);
  const known = new Set<string>();
  const createUser = async (username: string, role: Role, unitId: number | null) => {
    known.add(username);
    return service.createUser({ username, password: PASSWORD, role, unitId, displayName: null }, null);
  };
  return {
    app, url, units, db, createUser,
    async as(username) {
      if (!known.has(username)) throw new Error(`unknown test user ${username}`);
      const client = new Client(url);
      const response = await client.login(username, PASSWORD);
      if (response.status !== 200) throw new Error(`login ${username}: ${response.status} ${await response.text()}`);
      return client;
    },
    anonymous: () => new Client(url),
    async close() {
      await app.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** The demo province of sample-data/units/units.json, through the units module's own import. */
async function sampleUnits(app: NestExpressApplication, database: Database): Promise<Units> {
  await app.get(UnitsService).importRegistryFile(path.join(REPO_ROOT, 'sample-data/units/units.json'));
  const db = database.db;
  await new UnitClosure(() => db).ensureFresh();
  const byCode = async (code: string) => (await db.selectFrom('unit').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const child = async (parent: number) =>
    (await db.selectFrom('unit').select('id').where('parent_id', '=', parent).orderBy('id').executeTakeFirstOrThrow()).id;
  const communeA = await byCode('dong-hoa');
  const communeB = await byCode('tan-lai');
  return { province: await byCode('tinh'), communeA, cellA: await child(communeA), communeB, cellB: await child(communeB) };
}

async function seedUnits(database: Database): Promise<Units> {
  const db = database.db;
  const add = async (name: string, kind: string, level: string, parent: number | null, code: string) =>
    (await db.insertInto('unit').values({ name, kind, level, parent_id: parent, valid_from: null, valid_to: null, code, folded_name: null })
      .returning('id').executeTakeFirstOrThrow()).id;
  const province = await add('Tỉnh Thử', 'province', 'province', null, 'tinh');
  const communeA = await add('Xã Đông Hòa', 'commune', 'commune', province, 'dong-hoa');
  const cellA = await add('Chi bộ thôn Đông', 'party_cell', 'grassroots', communeA, 'dong-hoa-thon-dong');
  const communeB = await add('Xã Tân Lai', 'commune', 'commune', province, 'tan-lai');
  const cellB = await add('Chi bộ thôn Tân', 'party_cell', 'grassroots', communeB, 'tan-lai-thon-tan');
  await new UnitClosure(() => db).ensureFresh();
  return { province, communeA, cellA, communeB, cellB };
}

/** fetch with a cookie jar that sends the CSRF header on unsafe methods, like the dashboard does. */
export class Client {
  readonly cookies = new Map<string, string>();

  constructor(readonly base: string) {}

  get csrf(): string | undefined {
    return this.cookies.get('dvk_csrf');
  }

  async fetch(pathname: string, init: RequestInit & { csrf?: boolean } = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const method = (init.method ?? 'GET').toUpperCase();
    if (init.csrf !== false && !['GET', 'HEAD'].includes(method) && this.csrf) headers.set('x-csrf-token', this.csrf);
    if (typeof init.body === 'string' && !headers.has('content-type')) headers.set('content-type', 'application/json');
    const response = await fetch(`${this.base}${pathname}`, { ...init, headers, redirect: 'manual' });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const eq = pair!.indexOf('=');
      const name = pair!.slice(0, eq).trim();
      const value = decodeURIComponent(pair!.slice(eq + 1).trim());
      if (value === '' || /expires=Thu, 01 Jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  json(pathname: string, method: string, body: unknown, init: RequestInit & { csrf?: boolean } = {}): Promise<Response> {
    return this.fetch(pathname, { ...init, method, body: JSON.stringify(body) });
  }

  login(username: string, password: string, headers: Record<string, string> = {}): Promise<Response> {
    return this.json('/api/auth/login', 'POST', { username, password }, { headers });
  }
}
