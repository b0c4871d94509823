import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AuthService, DEMO_USERS } from '../../src/auth/auth.service.js';
import { sha256 } from '../../src/auth/tokens.js';
import { Client, PASSWORD, startAuthApp, type AuthTestApp } from './support.js';

const NO_LEAK = /node_modules|\bat [\w.<>]+ \(|\/work\/|\.ts:\d+|password_hash|\$argon2/;

describe('auth: login, sessions, CSRF, roles, unit scope, audit', () => {
  let t: AuthTestApp;
  beforeAll(async () => {
    t = await startAuthApp();
    await t.createUser('admin', 'admin', null);
    await t.createUser('admin-dong-hoa', 'admin', t.units.communeA);
    await t.createUser('uploader-dong-hoa', 'uploader', t.units.communeA);
    await t.createUser('uploader-tan-lai', 'uploader', t.units.communeB);
    await t.createUser('viewer', 'viewer', t.units.province);
  });
  afterAll(async () => {
    await t.close();
  });

  it('keeps health public and everything else behind a login, with a Vietnamese 401', async () => {
    const anon = t.anonymous();
    expect((await anon.fetch('/api/health')).status).toBe(200);
    for (const path of ['/api/auth/me', '/api/users', '/api/audit', '/api/files/summary']) {
      const response = await anon.fetch(path);
      expect(response.status, path).toBe(401);
      const body = (await response.json()) as { message: string };
      expect(body.message).toMatch(/đăng nhập/i);
    }
  });

  it('answers a wrong password and an unknown user alike, and audits both', async () => {
    const anon = t.anonymous();
    const wrong = await anon.login('viewer', 'sai-mat-khau-roi');
    const unknown = await anon.login('khong-ai-ca', 'sai-mat-khau-roi');
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(await wrong.json()).toEqual(await unknown.json());
    const admin = await t.as('admin');
    const audit = (await (await admin.fetch('/api/audit?action=auth.login_failed')).json()) as Array<{ username: string; ip: string; detail: { reason: string } }>;
    expect(audit.map((a) => a.username)).toEqual(expect.arrayContaining(['viewer', 'khong-ai-ca']));
    expect(audit.every((a) => typeof a.ip === 'string' && a.ip.length > 0)).toBe(true);
  });

  it('sets an httpOnly SameSite=Strict session cookie and a readable CSRF cookie, and stores only the token hash', async () => {
    const client = new Client(t.url);
    const response = await client.login('uploader-dong-hoa', PASSWORD);
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    const session = cookies.find((c) => c.startsWith('dvk_session='))!;
    const csrf = cookies.find((c) => c.startsWith('dvk_csrf='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Strict/i);
    expect(session).toMatch(/Path=\//);
    expect(csrf).not.toMatch(/HttpOnly/i);
    expect(csrf).toMatch(/SameSite=Strict/i);
    const body = await response.text();
    expect(body).not.toMatch(NO_LEAK);
    const info = JSON.parse(body) as { user: { username: string; role: string; unitId: number }; csrfToken: string };
    expect(info.user).toMatchObject({ username: 'uploader-dong-hoa', role: 'uploader', unitId: t.units.communeA });
    expect(info.csrfToken).toBe(client.csrf);

    const token = client.cookies.get('dvk_session')!;
    const rows = await t.db.db.selectFrom('auth_session').select('id').execute();
    expect(rows.some((r) => r.id === token)).toBe(false);
    expect(rows.some((r) => r.id === sha256(token))).toBe(true);

    const me = await client.fetch('/api/auth/me');
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { username: 'uploader-dong-hoa', rootUnitId: t.units.communeA }, csrfToken: info.csrfToken });
  });

  it('requires the session-bound CSRF token on unsafe methods', async () => {
    const admin = await t.as('admin');
    const body = { username: 'csrf-thu', password: 'Một-mật-khẩu-dài', role: 'viewer', unitId: t.units.communeB };
    const missing = await admin.json('/api/users', 'POST', body, { csrf: false });
    expect(missing.status).toBe(403);
    expect(((await missing.json()) as { message: string }).message).toMatch(/CSRF/);
    const wrong = await admin.json('/api/users', 'POST', body, { csrf: false, headers: { 'x-csrf-token': 'a'.repeat(43) } });
    expect(wrong.status).toBe(403);
    // Another session's valid token does not work here: the token is bound to its session.
    const other = await t.as('admin');
    const crossed = await admin.json('/api/users', 'POST', body, { csrf: false, headers: { 'x-csrf-token': other.csrf! } });
    expect(crossed.status).toBe(403);
    const ok = await admin.json('/api/users', 'POST', body);
    expect(ok.status).toBe(201);
  });

  it('refuses unsafe requests from a foreign Origin and form-encoded logins (login CSRF)', async () => {
    const admin = await t.as('admin');
    const foreign = await admin.json('/api/users', 'POST', {}, { headers: { origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const form = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `username=admin&password=${encodeURIComponent(PASSWORD)}`,
    });
    expect(form.status).toBe(403);
    expect(form.headers.getSetCookie()).toEqual([]);
  });

  it('ends the session on logout; the old cookie no longer works', async () => {
    const client = await t.as('viewer');
    const saved = new Map(client.cookies);
    const out = await client.fetch('/api/auth/logout', { method: 'POST' });
    expect(out.status).toBe(204);
    expect(client.cookies.has('dvk_session')).toBe(false);
    const replay = new Client(t.url);
    for (const [k, v] of saved) replay.cookies.set(k, v);
    expect((await replay.fetch('/api/auth/me')).status).toBe(401);
  });

  it('refuses an expired session and a garbage cookie', async () => {
    const client = new Client(t.url);
    await client.login('viewer', PASSWORD);
    const id = sha256(client.cookies.get('dvk_session')!);
    await t.db.db.updateTable('auth_session').set({ expires_at: new Date(Date.now() - 1000) }).where('id', '=', id).execute();
    expect((await client.fetch('/api/auth/me')).status).toBe(401);
    const garbage = new Client(t.url);
    garbage.cookies.set('dvk_session', "'; drop table app_user; --");
    expect((await garbage.fetch('/api/auth/me')).status).toBe(401);
    expect((await (await t.as('admin')).fetch('/api/users')).status).toBe(200);
  });

  it('lets a viewer read and change only their own password, never write', async () => {
    const viewer = await t.as('viewer');
    expect((await viewer.fetch('/api/auth/me')).status).toBe(200);
    const write = await viewer.json('/api/users', 'POST', { username: 'x-viewer', password: 'Một-mật-khẩu-dài', role: 'viewer', unitId: t.units.province });
    expect(write.status).toBe(403);
    const weak = await viewer.json('/api/auth/password', 'POST', { currentPassword: PASSWORD, newPassword: '123' });
    expect(weak.status).toBe(400);
    expect(((await weak.json()) as { message: string }).message).toMatch(/ít nhất 10 ký tự/);
    const wrongCurrent = await viewer.json('/api/auth/password', 'POST', { currentPassword: 'không-phải', newPassword: 'Mật-khẩu-mới-2026' });
    expect(wrongCurrent.status).toBe(403);
  });

  it('keeps user management for admins, within their own subtree', async () => {
    const uploader = await t.as('uploader-dong-hoa');
    expect((await uploader.fetch('/api/users')).status).toBe(403);
    expect((await uploader.fetch('/api/audit')).status).toBe(403);

    const admin = await t.as('admin');
    const list = await admin.fetch('/api/users');
    const text = await list.text();
    expect(text).not.toMatch(NO_LEAK);
    const users = JSON.parse(text) as Array<{ username: string; unitName: string | null }>;
    expect(users.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'uploader-dong-hoa', 'uploader-tan-lai', 'viewer']));

    const local = await t.as('admin-dong-hoa');
    const localUsers = (await (await local.fetch('/api/users')).json()) as Array<{ username: string }>;
    expect(localUsers.map((u) => u.username).sort()).toEqual(['admin-dong-hoa', 'uploader-dong-hoa']);
    const outside = await local.json('/api/users', 'POST', { username: 'lan-sang', password: 'Một-mật-khẩu-dài', role: 'uploader', unitId: t.units.communeB });
    expect(outside.status).toBe(403);
    const topAdmin = await local.json('/api/users', 'POST', { username: 'qt-toan-tinh', password: 'Một-mật-khẩu-dài', role: 'admin' });
    expect(topAdmin.status).toBe(403);
    const inside = await local.json('/api/users', 'POST', { username: 'thon-dong', password: 'Một-mật-khẩu-dài', role: 'uploader', unitId: t.units.cellA });
    expect(inside.status).toBe(201);
    const other = users.find((u) => u.username === 'uploader-tan-lai') as unknown as { id: number };
    expect((await local.json(`/api/users/${other.id}`, 'PATCH', { disabled: true })).status).toBe(404);

    const weak = await admin.json('/api/users', 'POST', { username: 'yeu', password: 'abc', role: 'viewer', unitId: t.units.province });
    expect(weak.status).toBe(400);
    const dup = await admin.json('/api/users', 'POST', { username: 'viewer', password: 'Một-mật-khẩu-dài', role: 'viewer', unitId: t.units.province });
    expect(dup.status).toBe(409);
    const noUnit = await admin.json('/api/users', 'POST', { username: 'khong-don-vi', password: 'Một-mật-khẩu-dài', role: 'uploader' });
    expect(noUnit.status).toBe(400);
    const badRole = await admin.json('/api/users', 'POST', { username: 'vai-tro-la', password: 'Một-mật-khẩu-dài', role: 'root', unitId: 1 });
    expect(badRole.status).toBe(400);
    const self = users.find((u) => u.username === 'admin') as unknown as { id: number };
    expect((await admin.json(`/api/users/${self.id}`, 'PATCH', { disabled: true })).status).toBe(403);
  });

  it('disabling a user or resetting their password ends their sessions at once', async () => {
    await t.createUser('sap-khoa', 'uploader', t.units.communeB);
    const victim = await t.as('sap-khoa');
    expect((await victim.fetch('/api/auth/me')).status).toBe(200);
    const admin = await t.as('admin');
    const users = (await (await admin.fetch('/api/users')).json()) as Array<{ id: number; username: string }>;
    const id = users.find((u) => u.username === 'sap-khoa')!.id;
    const reset = await admin.json(`/api/users/${id}`, 'PATCH', { password: 'Mật-khẩu-đặt-lại-1' });
    expect(reset.status).toBe(200);
    expect((await victim.fetch('/api/auth/me')).status).toBe(401);
    const again = new Client(t.url);
    expect((await again.login('sap-khoa', 'Mật-khẩu-đặt-lại-1')).status).toBe(200);
    expect((await admin.json(`/api/users/${id}`, 'PATCH', { disabled: true })).status).toBe(200);
    expect((await again.fetch('/api/auth/me')).status).toBe(401);
    const locked = await new Client(t.url).login('sap-khoa', 'Mật-khẩu-đặt-lại-1');
    expect(locked.status).toBe(401);
  });

  it('refuses any unit outside the caller subtree named in a request, before the route runs', async () => {
    const uploader = await t.as('uploader-dong-hoa');
    expect((await uploader.fetch(`/api/auth/me?unit=${t.units.communeA}`)).status).toBe(200);
    expect((await uploader.fetch(`/api/auth/me?unit=${t.units.cellA}`)).status).toBe(200);
    for (const bad of [t.units.communeB, t.units.cellB, t.units.province, 'abc', '1 or 1=1']) {
      const response = await uploader.fetch(`/api/auth/me?unit=${encodeURIComponent(String(bad))}`);
      expect(response.status, String(bad)).toBe(403);
    }
    const admin = await t.as('admin');
    expect((await admin.fetch(`/api/auth/me?unit=${t.units.cellB}`)).status).toBe(200);
    const viewer = await t.as('viewer');
    expect((await viewer.fetch(`/api/auth/me?unitId=${t.units.cellB}`)).status).toBe(200);
  });

  it('shows the audit log to admins: logins, user changes, with who, when and where; a unit admin sees only their subtree', async () => {
    const admin = await t.as('admin');
    const entries = (await (await admin.fetch('/api/audit?limit=500')).json()) as Array<{ action: string; username: string; occurredAt: string; ip: string }>;
    const actions = new Set(entries.map((e) => e.action));
    for (const a of ['auth.login', 'auth.login_failed', 'auth.logout', 'user.create', 'user.update', 'user.disable']) expect(actions, a).toContain(a);
    expect(entries.every((e) => !Number.isNaN(Date.parse(e.occurredAt)))).toBe(true);
    const local = await t.as('admin-dong-hoa');
    const localEntries = (await (await local.fetch('/api/audit?limit=500')).json()) as Array<{ username: string }>;
    expect(localEntries.length).toBeGreaterThan(0);
    expect(new Set(localEntries.map((e) => e.username))).toEqual(new Set(['admin-dong-hoa', 'uploader-dong-hoa']));
    expect((await admin.fetch('/api/audit?limit=100000')).status).toBe(400);
  });
});

describe('auth: first admin from the environment, login rate limit', () => {
  let t: AuthTestApp;
  beforeAll(async () => {
    t = await startAuthApp({ adminUser: 'quantri', adminPassword: 'Quản-trị-ban-đầu-2026' });
    await t.createUser('bi-do', 'viewer', t.units.province);
  });
  afterAll(async () => {
    await t.close();
  });

  it('creates the first admin from DVK_ADMIN_USER / DVK_ADMIN_PASSWORD', async () => {
    const client = new Client(t.url);
    const response = await client.login('quantri', 'Quản-trị-ban-đầu-2026');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ user: { role: 'admin', unitId: null } });
  });

  it('creates the demo users of `npm start` against the registry codes, once', async () => {
    const service = t.app.get(AuthService);
    expect((await service.seedDemoUsers()).sort()).toEqual(['admin', 'uploader-dong-hoa', 'viewer']);
    expect(await service.seedDemoUsers()).toEqual([]);
    for (const demo of DEMO_USERS) {
      const response = await new Client(t.url).login(demo.username, demo.password);
      expect(response.status, demo.username).toBe(200);
      const body = (await response.json()) as { user: { role: string; unitId: number | null } };
      expect(body.user.role).toBe(demo.role);
      const expectedUnit = { null: null, tinh: t.units.province, 'dong-hoa': t.units.communeA }[String(demo.unitCode) as 'null'];
      expect(body.user.unitId).toBe(expectedUnit);
    }
  });

  it('locks an IP + user name after 5 failures, even for the right password, with a Vietnamese 429', async () => {
    const client = new Client(t.url);
    for (let i = 0; i < 5; i++) expect((await client.login('bi-do', `sai-${i}-mat-khau`)).status).toBe(401);
    const locked = await client.login('bi-do', PASSWORD);
    expect(locked.status).toBe(429);
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await locked.json()) as { message: string }).message).toMatch(/quá nhiều lần/);
    // Other accounts from the same address still log in.
    expect((await client.login('quantri', 'Quản-trị-ban-đầu-2026')).status).toBe(200);
  });
});
