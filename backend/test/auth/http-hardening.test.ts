import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Client, PASSWORD, startAuthApp, type AuthTestApp } from './support.js';

const NO_LEAK = /node_modules|\bat [\w.<>]+ \(|\/work\/|\/tmp\/|\.ts:\d+|SyntaxError|PayloadTooLarge/;

describe('HTTP hardening: headers, CORS, body limits, error bodies', () => {
  let t: AuthTestApp;
  let corsApp: AuthTestApp;
  beforeAll(async () => {
    t = await startAuthApp();
    await t.createUser('admin', 'admin', null);
    corsApp = await startAuthApp({ corsOrigins: ['https://dashboard.tinh.example'] });
  });
  afterAll(async () => {
    await t.close();
    await corsApp.close();
  });

  it('sends security headers and no x-powered-by', async () => {
    const response = await fetch(`${t.url}/api/health`);
    const h = response.headers;
    expect(h.get('x-content-type-options')).toBe('nosniff');
    expect(h.get('x-frame-options')).toBe('SAMEORIGIN');
    expect(h.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(h.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(h.get('content-security-policy')).not.toMatch(/upgrade-insecure-requests/);
    expect(h.get('referrer-policy')).toBe('same-origin');
    expect(h.get('cross-origin-opener-policy')).toBe('same-origin');
    expect(h.get('x-powered-by')).toBeNull();
    expect(h.get('cache-control')).toBe('no-store');
  });

  it('keeps CORS closed by default: no allow-origin for any foreign page, preflight refused', async () => {
    const simple = await fetch(`${t.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await fetch(`${t.url}/api/users`, {
      method: 'OPTIONS',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,x-csrf-token' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('opens CORS only to DVK_CORS_ORIGINS, with credentials, and accepts writes from that origin', async () => {
    const allowed = 'https://dashboard.tinh.example';
    const preflight = await fetch(`${corsApp.url}/api/auth/login`, {
      method: 'OPTIONS',
      headers: { origin: allowed, 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type' },
    });
    expect(preflight.headers.get('access-control-allow-origin')).toBe(allowed);
    expect(preflight.headers.get('access-control-allow-credentials')).toBe('true');
    const other = await fetch(`${corsApp.url}/api/health`, { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    await corsApp.createUser('cors-admin', 'admin', null);
    const login = await new Client(corsApp.url).login('cors-admin', PASSWORD, { origin: allowed });
    expect(login.status).toBe(200);
    const foreign = await new Client(corsApp.url).login('cors-admin', PASSWORD, { origin: 'https://evil.example' });
    expect(foreign.status).toBe(403);
  });

  it('answers an oversized JSON body with 413 in Vietnamese, without a stack', async () => {
    const response = await fetch(`${t.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(response.status).toBe(413);
    const text = await response.text();
    expect(text).not.toMatch(NO_LEAK);
    expect((JSON.parse(text) as { message: string }).message).toMatch(/quá lớn/);
  });

  it('answers malformed JSON with 400 in Vietnamese, without a stack or a path', async () => {
    const response = await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username": "admin", "password": ' });
    expect(response.status).toBe(400);
    const text = await response.text();
    expect(text).not.toMatch(NO_LEAK);
    expect((JSON.parse(text) as { message: string }).message).toMatch(/JSON/);
  });

  it('refuses unknown or wrongly typed login fields (whitelist validation), and prototype pollution does nothing', async () => {
    const extra = await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password: PASSWORD, role: 'admin' }) });
    expect(extra.status).toBe(400);
    const typed = await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: ['admin'], password: { $ne: 1 } }) });
    expect(typed.status).toBe(400);
    const proto = await fetch(`${t.url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"username":"admin","password":"x","__proto__":{"role":"admin"}}' });
    expect([400, 401]).toContain(proto.status);
    expect(({} as Record<string, unknown>).role).toBeUndefined();
  });

  it('gives 404 JSON for unknown API paths, even to anonymous callers, and the server stays healthy', async () => {
    const unknown = await fetch(`${t.url}/api/../../etc/passwd`);
    expect([401, 404]).toContain(unknown.status);
    expect(await unknown.text()).not.toMatch(/root:x:0:0/);
    expect((await fetch(`${t.url}/api/health`)).status).toBe(200);
  });
});
