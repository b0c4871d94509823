import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support/test-app.js';
import { migrations } from '../src/db/migrations/index.js';

describe('GET /api/health', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('answers 200 with the database reachable and the newest migration as schema version', async () => {
    const response = await t.fetch(`/api/health`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { version: unknown };
    const newest = Object.keys(migrations).sort().at(-1);
    expect(body).toMatchObject({ status: 'ok', database: 'ok', schemaVersion: newest });
    expect(typeof body.version).toBe('string');
  });

  it('serves the OpenAPI document with the health path', async () => {
    const response = await t.fetch(`/api/docs/json`);
    expect(response.status).toBe(200);
    const doc = (await response.json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toContain('/api/health');
  });

  it('answers an unknown API path with 404 JSON, not a stack trace', async () => {
    const response = await t.fetch(`/api/khong-co`);
    expect(response.status).toBe(404);
    const text = await response.text();
    expect(text).not.toMatch(/node_modules|at .*\.ts:/);
  });
});
