import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { REPO_ROOT } from '../../src/config/app-config.js';
import { Database } from '../../src/db/database.js';
import { seedProvince } from '../fixtures/province.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

export const PLANS_DIR = path.join(REPO_ROOT, 'sample-data/plans');

/** The real app on a temp DuckDB file, the fixture province seeded through SQL, the five seed plans imported through HTTP. */
export async function startWithFixture(): Promise<{ t: TestApp; plans: Record<string, number> }> {
  const t = await startTestApp();
  await seedProvince(t.app.get(Database).db);
  const plans: Record<string, number> = {};
  for (const name of (await readdir(PLANS_DIR)).filter((n) => n.endsWith('.yaml')).sort()) {
    const response = await post(t, '/api/plans/import', { content: await readFile(path.join(PLANS_DIR, name), 'utf8') });
    if (response.status !== 201) throw new Error(`import ${name}: ${response.status} ${JSON.stringify(response.body)}`);
    plans[(response.body as { code: string }).code] = (response.body as { id: number }).id;
  }
  return { t, plans };
}

export async function get<T = unknown>(t: TestApp, url: string): Promise<{ status: number; body: T }> {
  const response = await t.fetch(`${url}`);
  return { status: response.status, body: (await response.json()) as T };
}

export async function post<T = unknown>(t: TestApp, url: string, body: unknown, method = 'POST'): Promise<{ status: number; body: T }> {
  const response = await t.fetch(`${url}`, { method, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: response.status, body: (await response.json()) as T };
}
